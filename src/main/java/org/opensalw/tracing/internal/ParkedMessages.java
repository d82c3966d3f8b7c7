package org.opensalw.tracing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opensalw.network.MessageId;
import org.opensalw.network.MessageReceived;
import org.opensalw.network.NodeId;
import org.opensalw.shared.LockKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follow-up messages processed before their request was stored ({@code trace_parked}): kept until the request is
 * stored, then taken in by {@link Inbound} in the order they were sent. A conversation is locked while its messages
 * are looked up, parked or replayed, so a message parked at the moment its request is stored is not missed.
 */
@Repository
class ParkedMessages {

    /** The first key of the advisory locks taken on a conversation. */
    private static final int CONVERSATION_LOCKS = LockKeys.TRACING_CONVERSATION;

    private final JdbcClient jdbc;
    private final Clock clock;

    ParkedMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the conversation until the end of the transaction. Without it, a message that found no request (its request
     * being stored, not yet committed) and the request's look-up of parked messages (the message being parked, not yet
     * committed) could miss each other, and the message would wait for ever.
     */
    void lockConversation(UUID conversationId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(CAST(:conversation AS text)))")
                .param("space", CONVERSATION_LOCKS).param("conversation", conversationId.toString()).query().listOfRows();
    }

    /** Keeps a message until its request is stored; false when it is parked already. */
    boolean park(MessageReceived m, UUID conversationId) {
        return jdbc.sql("""
                INSERT INTO trace_parked (message_id, sender, conversation_id, type, payload, sent_at, received_at)
                VALUES (:id, :sender, :conversation, :type, :payload, :sent, :now)
                ON CONFLICT (message_id) DO NOTHING""")
                .param("id", m.id().value()).param("sender", m.sender().value()).param("conversation", conversationId)
                .param("type", m.type()).param("payload", m.payload())
                .param("sent", m.sentAt() == null ? null : Timestamp.from(m.sentAt()))
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** The messages parked for a conversation, from every sender, in the order they were sent. */
    List<MessageReceived> of(UUID conversationId) {
        return jdbc.sql("""
                SELECT message_id, sender, type, payload, sent_at FROM trace_parked WHERE conversation_id = :c
                ORDER BY sent_at NULLS LAST, received_at, message_id""")
                .param("c", conversationId)
                .query((rs, i) -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new MessageReceived(new MessageId(rs.getObject("message_id", UUID.class)), new NodeId(rs.getString("sender")),
                            conversationId.toString(), rs.getString("type"), rs.getString("payload"), sent == null ? null : sent.toInstant());
                }).list();
    }

    /** Takes a message out before it is processed; false when it was taken out already, so it is processed once. */
    boolean remove(UUID messageId) {
        return jdbc.sql("DELETE FROM trace_parked WHERE message_id = :id").param("id", messageId).update() == 1;
    }
}
