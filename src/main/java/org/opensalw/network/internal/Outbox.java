package org.opensalw.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.opensalw.network.MessageDelivered;
import org.opensalw.network.MessageId;
import org.opensalw.network.MessageUndeliverable;
import org.opensalw.network.NodeId;
import org.opensalw.shared.LockKeys;
import org.opensalw.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox table: messages this node wrote and messages it relays, each QUEUED until the next hop acknowledges
 * it (DELIVERED) or its retry budget is spent (UNDELIVERABLE, until a person asks for a retry). Claims are leases
 * taken with {@code FOR UPDATE SKIP LOCKED}, so several instances on one database never send the same message at
 * once, and a message is claimable only when every earlier message of its (recipient, conversation) is delivered.
 */
@Component
public class Outbox {

    /** A row as the sender needs it. origin and inner are set for relayed messages. */
    public record Row(UUID id, String recipient, String conversationId, String type, String payload, Instant createdAt,
            int attempts, String origin, String inner) {
    }

    /** A row as people see it. */
    public record Item(UUID id, long seq, String recipient, String conversationId, String type, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant deliveredAt, String origin,
            boolean inFlight) {
    }

    /** The first key of the advisory locks taken on a (recipient, conversation). */
    private static final int CONVERSATION_LOCKS = LockKeys.OUTBOX_CONVERSATION;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NetworkProperties properties;
    private final ApplicationEventPublisher events;
    private volatile Runnable wakeUp = () -> { };

    Outbox(JdbcClient jdbc, Clock clock, NetworkProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    void onWork(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** Wakes the sender once the current transaction commits (at once when there is none). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.run();
                }
            });
        } else {
            wakeUp.run();
        }
    }

    /**
     * Queues a message this node wrote, in the caller's transaction. Its (recipient, conversation) is locked until that
     * transaction ends: messages leave in {@code seq} order, and seq is taken at the insert, so without the lock a
     * transaction that queued first and committed last (a reminder, while an officer closes the request) would have its
     * message sent after the next one, which the sender saw with no earlier one before it.
     */
    @Transactional
    public MessageId queue(NodeId recipient, String conversationId, String type, String payload) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(CAST(:recipient AS text) || '/' || CAST(:conversation AS text)))")
                .param("space", CONVERSATION_LOCKS).param("recipient", recipient.value()).param("conversation", conversationId)
                .query().listOfRows();
        MessageId id = MessageId.random();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO network_outbox (id, recipient, conversation_id, type, payload, created_at, next_attempt_at)
                VALUES (:id, :recipient, :conversation, :type, :payload, :now, :now)""")
                .param("id", id.value()).param("recipient", recipient.value()).param("conversation", conversationId)
                .param("type", type).param("payload", payload).param("now", now).update();
        wakeAfterCommit();
        return id;
    }

    /** Queues a sealed message to pass on; a second copy of the same message is ignored. */
    @Transactional
    public void queueRelay(UUID id, String origin, String recipient, String conversationId, String inner) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO network_outbox (id, recipient, conversation_id, type, payload, created_at, next_attempt_at, origin, inner_jwe)
                VALUES (:id, :recipient, :conversation, 'relay', '', :now, :now, :origin, :inner)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", id).param("recipient", recipient).param("conversation", conversationId).param("now", now)
                .param("origin", origin).param("inner", inner).update();
        wakeAfterCommit();
    }

    /** Claims up to {@code limit} due messages, the first undelivered of each conversation only. */
    @Transactional
    public List<Row> claim(int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE network_outbox SET claimed_until = :lease, last_attempt_at = :now
                WHERE id IN (
                  SELECT o.id FROM network_outbox o
                  WHERE o.status = 'QUEUED' AND o.next_attempt_at <= :now AND (o.claimed_until IS NULL OR o.claimed_until < :now)
                    AND NOT EXISTS (SELECT 1 FROM network_outbox e WHERE e.recipient = o.recipient
                                    AND e.conversation_id = o.conversation_id AND e.seq < o.seq AND e.status <> 'DELIVERED')
                  ORDER BY o.seq LIMIT :limit
                  FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, conversation_id, type, payload, created_at, attempts, origin, inner_jwe""")
                .param("lease", Timestamp.from(now.plus(properties.getClaimLease()))).param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("conversation_id"),
                        rs.getString("type"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                        rs.getString("origin"), rs.getString("inner_jwe")))
                .list();
    }

    /** The next hop acknowledged the message. */
    @Transactional
    public void delivered(Row row) {
        Instant now = clock.instant();
        int n = jdbc.sql("""
                UPDATE network_outbox SET status = 'DELIVERED', delivered_at = :now, claimed_until = NULL, last_error = NULL,
                  attempts = attempts + 1
                WHERE id = :id AND status = 'QUEUED'""")
                .param("now", Timestamp.from(now)).param("id", row.id()).update();
        if (n == 1 && row.origin() == null) {
            events.publishEvent(new MessageDelivered(new MessageId(row.id()), new NodeId(row.recipient()), row.conversationId(),
                    row.type(), now));
        }
        wakeAfterCommit();
    }

    /** An attempt failed: retried after a growing, jittered delay, or undeliverable once the budget is spent. */
    @Transactional
    public void failed(Row row, String error) {
        int attempts = row.attempts() + 1;
        if (attempts >= properties.getRetryBudget()) {
            undeliverable(row, error);
            return;
        }
        String message = errorText(error);
        jdbc.sql("""
                UPDATE network_outbox SET attempts = :attempts, next_attempt_at = :next, claimed_until = NULL, last_error = :error
                WHERE id = :id AND status = 'QUEUED'""")
                .param("attempts", attempts).param("next", Timestamp.from(clock.instant().plus(backoff(attempts))))
                .param("error", message).param("id", row.id()).update();
    }

    /**
     * An attempt failed in a way no later attempt can mend (the next hop refuses the message itself, e.g. as too
     * large): undeliverable at once, budget or not, shown to a person and reported like a spent budget.
     */
    @Transactional
    public void undeliverable(Row row, String error) {
        String message = errorText(error);
        int n = jdbc.sql("""
                UPDATE network_outbox SET status = 'UNDELIVERABLE', attempts = :attempts, claimed_until = NULL, last_error = :error
                WHERE id = :id AND status = 'QUEUED'""")
                .param("attempts", row.attempts() + 1).param("error", message).param("id", row.id()).update();
        if (n == 1) {
            events.publishEvent(new MessageUndeliverable(new MessageId(row.id()), new NodeId(row.recipient()), row.conversationId(),
                    row.type(), message));
        }
    }

    private static String errorText(String error) {
        return error == null ? "?" : Texts.cut(error, 500);
    }

    /** base × 2^(attempts-1), at most maxDelay, then a random half to full of it, so senders do not retry in step. */
    Duration backoff(int attempts) {
        long base = properties.getRetryBase().toMillis();
        long max = properties.getMaxDelay().toMillis();
        long delay = Math.min(max, base << Math.min(30, Math.max(0, attempts - 1)));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    /** Puts an undeliverable (or waiting) message back in the queue with a fresh budget. */
    @Transactional
    public boolean retry(UUID id) {
        int n = jdbc.sql("""
                UPDATE network_outbox SET status = 'QUEUED', attempts = 0, next_attempt_at = :now, claimed_until = NULL
                WHERE id = :id AND status IN ('QUEUED', 'UNDELIVERABLE')""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        wakeAfterCommit();
        return n == 1;
    }

    public Map<String, Long> counts() {
        Map<String, Long> counts = jdbc.sql("SELECT status, count(*) AS n FROM network_outbox GROUP BY status")
                .query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        counts.put("IN_FLIGHT", jdbc.sql("SELECT count(*) FROM network_outbox WHERE status = 'QUEUED' AND claimed_until > :now")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single());
        return counts;
    }

    /** Messages of a status, oldest first (QUEUED: waiting and in flight). */
    public List<Item> list(String status, int limit) {
        return jdbc.sql("""
                SELECT * FROM network_outbox WHERE status = :status ORDER BY seq %s LIMIT :limit"""
                .formatted("DELIVERED".equals(status) ? "DESC" : "ASC"))
                .param("status", status).param("limit", limit).query((rs, i) -> item(rs)).list();
    }

    public java.util.Optional<Item> find(UUID id) {
        return jdbc.sql("SELECT * FROM network_outbox WHERE id = :id").param("id", id).query((rs, i) -> item(rs)).optional();
    }

    private Item item(ResultSet rs) throws SQLException {
        Instant claimed = ts(rs, "claimed_until");
        return new Item(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("recipient"), rs.getString("conversation_id"),
                rs.getString("type"), rs.getString("status"), rs.getInt("attempts"), ts(rs, "created_at"), ts(rs, "next_attempt_at"),
                ts(rs, "last_attempt_at"), rs.getString("last_error"), ts(rs, "delivered_at"), rs.getString("origin"),
                "QUEUED".equals(rs.getString("status")) && claimed != null && claimed.isAfter(clock.instant()));
    }

    private static Instant ts(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
