package org.opensalw.tracing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opensalw.network.MessageId;
import org.opensalw.network.MessageReceived;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeRole;
import org.opensalw.network.internal.Peers;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Small helpers for tracing tests on one node: feed messages as the network would (a {@link MessageReceived} published
 * in a committed transaction, the module's real input) and read what was queued in the network outbox.
 */
final class TracingFixtures {

    private TracingFixtures() {
    }

    record Queued(UUID id, String recipient, String conversation, String type, String payload) {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static MessageId receive(ApplicationEventPublisher events, TransactionTemplate tx, String sender, UUID conversation, String type,
            String payload) {
        MessageId id = MessageId.random();
        receive(events, tx, id, sender, conversation, type, payload);
        return id;
    }

    static void receive(ApplicationEventPublisher events, TransactionTemplate tx, MessageId id, String sender, UUID conversation,
            String type, String payload) {
        tx.executeWithoutResult(s -> events.publishEvent(new MessageReceived(id, new NodeId(sender), conversation.toString(), type,
                payload, Instant.now())));
    }

    /** A message its sender queued at {@code sentAt} (its place in the conversation), whenever it is processed. */
    static MessageId receiveSentAt(ApplicationEventPublisher events, TransactionTemplate tx, String sender, UUID conversation,
            String type, String payload, Instant sentAt) {
        MessageId id = MessageId.random();
        tx.executeWithoutResult(s -> events.publishEvent(new MessageReceived(id, new NodeId(sender), conversation.toString(), type,
                payload, sentAt)));
        return id;
    }

    /**
     * This node trusts the peer, as its administrator would make it (messages from a node that is not a peer never
     * reach tracing). A national peer is also a suggested recipient: tests that add one remove it ({@link #forget}).
     */
    static void trust(Peers peers, String id, NodeRole role, String country, String name) {
        peers.save(new Peers.PeerForm(id, role, country, name, "http://127.0.0.1:9", null,
                "{\"keys\":[" + publicKey(KeyUse.SIGNATURE) + "," + publicKey(KeyUse.ENCRYPTION) + "]}"), "ADMIN");
    }

    /** The node the tests' requests go to: a request is sent only to a peer, so tests that send trust it first. */
    static final String REQUESTED = "RU-NCB";

    static void trustTheRequestedNode(Peers peers) {
        trust(peers, REQUESTED, NodeRole.NATIONAL, "RU", "Russia NCB");
    }

    /**
     * For a test class whose tests send requests: {@link #REQUESTED} trusted before each test and forgotten after it, so
     * the shared test context is left as it was ({@code @ExtendWith(TracingFixtures.RequestedPeer.class)}).
     */
    static final class RequestedPeer implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            trustTheRequestedNode(peers(context));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            forget(peers(context), REQUESTED);
        }

        private static Peers peers(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(Peers.class);
        }
    }

    static void forget(Peers peers, String id) {
        if (peers.info(new NodeId(id)).isPresent()) {
            peers.delete(new NodeId(id));
        }
    }

    private static String publicKey(KeyUse use) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(use).keyIDFromThumbprint(true).generate().toPublicJWK().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until tracing has processed the message (taken in or refused). */
    static void awaitProcessed(JdbcClient jdbc, MessageId id) {
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM trace_message_seen WHERE message_id = :id").param("id", id.value()).query(Long.class).single() == 1);
    }

    /** The details of the audit entries of an action about a subject, oldest first. */
    static List<String> audited(JdbcClient jdbc, String action, Object subject) {
        return jdbc.sql("SELECT detail FROM audit_entry WHERE action = :a AND subject_id = :s ORDER BY id").param("a", action)
                .param("s", subject.toString()).query(String.class).list();
    }

    static List<Queued> outbox(JdbcClient jdbc, UUID conversation) {
        return jdbc.sql("SELECT id, recipient, conversation_id, type, payload FROM network_outbox WHERE conversation_id = :c ORDER BY created_at")
                .param("c", conversation.toString())
                .query((rs, i) -> new Queued(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A request as a requesting node would send it, about a weapon with this serial. */
    static String requestPayload(UUID requestId, String requester, String serial, String maker) {
        return """
                {"v":1,"requestId":"%s","reference":"TR-%s-1","requesterNode":"%s","requesterCountry":"KE","requesterName":"Kenya NFP",
                 "recoveryKind":"SEIZED","recoveredOn":"2025-06-01","recoveredPlace":"Nairobi","circumstances":"Vehicle search",
                 "illicitNature":"Possessed without licence","legalBasis":"Firearms Act s. 4","intendedUse":"Criminal investigation CASE-9",
                 "weaponType":"ASSAULT_RIFLE","maker":"%s","model":"AKM","calibre":"7.62x39mm","serial":"%s",
                 "countryOfManufacture":"RU","yearOfManufacture":1980,
                 "markings":[{"kind":"SERIAL","text":"%s","country":null,"year":null}],"photos":[{"caption":"Receiver","contentType":"image/png","base64":"AQIDBA=="}],"sentAt":"2025-06-02T10:00:00Z"}
                """.formatted(requestId, requester, requester, maker, serial, serial);
    }

    static TraceRequestForm complete(UUID weaponId, String recipient, String serial) {
        return new TraceRequestForm(weaponId, recipient, EventKind.SEIZED, LocalDate.of(2025, 3, 1), "Border post East",
                "Hidden in a truck", "Carried across the border without authorisation", "Arms Act s. 12; ITI para 17",
                "Criminal proceedings CASE-1", WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", "AKM", "7.62x39mm", serial, "RU", 1985,
                List.of(new TraceMarking("SERIAL", serial, null, null), new TraceMarking("IMPORT", "FR 01", "FR", 2001)));
    }

    static Map<String, Object> row(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT * FROM trace_request WHERE id = :id").param("id", id).query().singleRow();
    }
}
