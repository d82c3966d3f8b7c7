package org.opensalw.network.internal;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opensalw.network.MessageId;
import org.opensalw.network.MessageReceived;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.NodeRole;
import org.opensalw.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What arrives from peers. An envelope is accepted only when signed by a trusted peer's usable key and addressed
 * to this node; a message for this node is opened, its sender's signature checked, and recorded once by its id
 * ({@link MessageReceived} is published in that same transaction); a message for another node is queued for
 * relay (hubs only). Anything else is refused and recorded in {@code network_refusal}.
 */
@Component
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** The most of a refusal's detail that is logged, stored and answered. */
    static final int MAX_DETAIL = 500;

    /** What the inbox answers a sender: the message id it now holds (processed before, or now). */
    public record Ack(UUID id, boolean duplicate, boolean relayed) {
    }

    /** A refusal as people see it. */
    public record Refusal(long id, Instant at, String remoteAddr, String claimedSender, String reason, String detail) {
    }

    /** A message received, as people see it (payload omitted). */
    public record Received(UUID id, String sender, String via, String conversationId, String type, Instant sentAt, Instant receivedAt,
            int deliveries) {
    }

    /** Thrown to the endpoint: answer with this status, the refusal is recorded. */
    public static class RefusedException extends RuntimeException {
        private final int status;
        private final String reason;

        RefusedException(int status, String reason, String detail) {
            // the detail quotes what the sender sent (key ids, node ids, parser messages): bounded, as it is logged,
            // stored in network_refusal and answered
            super(cut(detail));
            this.status = status;
            this.reason = reason;
        }

        public int status() {
            return status;
        }

        public String reason() {
            return reason;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Peers peers;
    private final NodeKeys keys;
    private final NodeNetwork network;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    Inbox(JdbcClient jdbc, Clock clock, Peers peers, NodeKeys keys, NodeNetwork network, Outbox outbox, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.peers = peers;
        this.keys = keys;
        this.network = network;
        this.outbox = outbox;
        this.events = events;
    }

    /** Accepts an envelope or throws {@link RefusedException} (nothing written; the caller records the refusal). */
    @Transactional
    public Ack receive(String body) {
        try {
            return accept(body);
        } catch (Envelopes.Refused r) {
            throw new RefusedException(r.status, r.reason, (r.claimedSender == null ? "" : "from " + r.claimedSender + ": ") + r.getMessage());
        }
    }

    private Ack accept(String body) throws Envelopes.Refused {
        if (body == null || body.isBlank()) {
            throw new Envelopes.Refused(400, "UNSIGNED", null, "empty body");
        }
        JWSObject outer = Envelopes.parseSigned(body, "envelope");
        NodeId from = nodeId(Envelopes.claimedSender(outer), "envelope");
        trust(outer, from, "envelope");
        Envelopes.Envelope envelope = Envelopes.envelopeOf(outer);
        NodeId self = network.self().id();
        if (!envelope.hop().equals(self.value())) {
            throw new Envelopes.Refused(400, "MISADDRESSED", from.value(), "envelope for " + envelope.hop());
        }
        peers.touch(from);
        if (!envelope.to().equals(self.value())) {
            return relay(envelope, from);
        }
        JWSObject inner = Envelopes.open(envelope.inner(), keys::decryptionKey);
        NodeId origin = nodeId(envelope.origin(), "message");
        trust(inner, origin, "message");
        Envelopes.Message m = Envelopes.messageOf(inner);
        if (!m.id().equals(envelope.id()) || !m.from().equals(origin.value()) || !m.to().equals(self.value())) {
            throw new Envelopes.Refused(400, "TAMPERED", from.value(), "message and envelope disagree on id, sender or recipient");
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO network_inbox (id, sender, via, conversation_id, type, payload, sent_at, received_at)
                VALUES (:id, :sender, :via, :conversation, :type, :payload, :sent, :now)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", m.id()).param("sender", m.from()).param("via", from.equals(origin) ? null : from.value())
                .param("conversation", m.conversation()).param("type", m.type()).param("payload", m.payload())
                .param("sent", Timestamp.from(m.sentAt())).param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            jdbc.sql("UPDATE network_inbox SET deliveries = deliveries + 1 WHERE id = :id").param("id", m.id()).update();
            return new Ack(m.id(), true, false);
        }
        events.publishEvent(new MessageReceived(new MessageId(m.id()), origin, m.conversation(), m.type(), m.payload(), m.sentAt()));
        return new Ack(m.id(), false, false);
    }

    private Ack relay(Envelopes.Envelope envelope, NodeId from) throws Envelopes.Refused {
        if (network.self().role() != NodeRole.HUB) {
            throw new Envelopes.Refused(400, "MISADDRESSED", from.value(), "a national node does not relay (to " + envelope.to() + ")");
        }
        NodeId to = nodeId(envelope.to(), "envelope");
        if (peers.info(to).isEmpty()) {
            throw new Envelopes.Refused(400, "UNKNOWN_RECIPIENT", from.value(), "no peer " + to);
        }
        outbox.queueRelay(envelope.id(), envelope.origin(), to.value(), envelope.conversation(), envelope.inner());
        return new Ack(envelope.id(), false, true);
    }

    private NodeId nodeId(String text, String what) throws Envelopes.Refused {
        if (text == null) {
            throw new Envelopes.Refused(400, "MALFORMED", null, what + " names no sender");
        }
        try {
            return new NodeId(text);
        } catch (IllegalArgumentException e) {
            throw new Envelopes.Refused(400, "MALFORMED", null, what + " sender is not a node id");
        }
    }

    private void trust(JWSObject jws, NodeId signer, String what) throws Envelopes.Refused {
        NodeInfo peer = peers.info(signer).orElse(null);
        if (peer == null) {
            throw new Envelopes.Refused(403, "UNKNOWN_PEER", signer.value(), what + " from a node this node does not trust");
        }
        String kid = jws.getHeader().getKeyID();
        if (kid != null && kid.length() > Envelopes.MAX_KID) {
            throw new Envelopes.Refused(401, "UNKNOWN_KEY", signer.value(), what + " signed with a key id of " + kid.length()
                    + " characters, more than any key id (" + Envelopes.MAX_KID + ")");
        }
        ECKey key = peers.key(signer, kid, KeyUse.SIGNATURE).orElse(null);
        if (key == null) {
            throw new Envelopes.Refused(401, "UNKNOWN_KEY", signer.value(), what + " signed with key " + kid
                    + ", not a usable key of this peer");
        }
        if (!Envelopes.verify(jws, key)) {
            throw new Envelopes.Refused(401, "BAD_SIGNATURE", signer.value(), what + " signature does not verify");
        }
    }

    /** Records a refusal in its own transaction, so it is kept though the message was not. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(String remoteAddr, String body, RefusedException e) {
        String claimed = null;
        try {
            claimed = body == null ? null : Envelopes.claimedSender(JWSObject.parse(body.trim()));
        } catch (Exception ignored) {
            // not even a JWS
        }
        String detail = cut(e.getMessage());
        log.warn("Refused a message from {} ({}): {} {}", remoteAddr, claimed, e.reason(), detail);
        jdbc.sql("""
                INSERT INTO network_refusal (at, remote_addr, claimed_sender, reason, detail)
                VALUES (:at, :addr, :claimed, :reason, :detail)""")
                .param("at", Timestamp.from(clock.instant())).param("addr", remoteAddr)
                .param("claimed", claimed == null || claimed.length() > 60 ? null : claimed)
                .param("reason", e.reason()).param("detail", detail).update();
    }

    static String cut(String text) {
        return Texts.cut(text, MAX_DETAIL);
    }

    public List<Refusal> refusals(int limit) {
        return jdbc.sql("SELECT * FROM network_refusal ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query((rs, i) -> new Refusal(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("remote_addr"),
                        rs.getString("claimed_sender"), rs.getString("reason"), rs.getString("detail"))).list();
    }

    public List<Received> received(int limit) {
        return jdbc.sql("SELECT * FROM network_inbox ORDER BY received_at DESC LIMIT :limit").param("limit", limit)
                .query((rs, i) -> new Received(rs.getObject("id", UUID.class), rs.getString("sender"), rs.getString("via"),
                        rs.getString("conversation_id"), rs.getString("type"), rs.getTimestamp("sent_at").toInstant(),
                        rs.getTimestamp("received_at").toInstant(), rs.getInt("deliveries"))).list();
    }

    public long receivedCount() {
        return jdbc.sql("SELECT count(*) FROM network_inbox").query(Long.class).single();
    }
}
