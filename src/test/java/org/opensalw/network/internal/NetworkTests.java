package org.opensalw.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensalw.network.MessageId;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.support.NodeClient;
import org.opensalw.support.NodeSpec;
import org.opensalw.support.Nodes;
import org.springframework.transaction.support.TransactionTemplate;

/** Three nodes, each its own application and database: two national authorities and a hub. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkTests {

    static final String A = "KE-NFP";
    static final String B = "UG-NFP";
    static final String HUB = "HUB-RECSA";
    static final Duration WAIT = Duration.ofSeconds(60);

    static Nodes nodes;

    @BeforeAll
    static void start() {
        nodes = Nodes.start(NodeSpec.national(A, "KE"), NodeSpec.national(B, "UG"), NodeSpec.hub(HUB));
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static Nodes.Node node(String id) {
        return nodes.node(id);
    }

    static MessageId send(String from, String to, String conversation, String type, String payload) {
        return node(from).bean(TransactionTemplate.class).execute(s -> node(from).bean(NodeNetwork.class)
                .send(new OutgoingMessage(new NodeId(to), conversation, type, payload)));
    }

    static String status(String node, MessageId id) {
        return node(node).jdbc().queryForObject("SELECT status FROM network_outbox WHERE id = ?", String.class, id.value());
    }

    static boolean received(String node, MessageId id) {
        return node(node).jdbc().queryForObject("SELECT count(*) FROM network_inbox WHERE id = ?", Long.class, id.value()) == 1;
    }

    static void awaitDelivered(String from, String to, MessageId id) {
        Nodes.await(WAIT, id + " delivered", () -> "DELIVERED".equals(status(from, id)) && received(to, id));
    }

    @Test
    @Order(1)
    void shouldDeliverDirectlyOnceAndTellTheReceivingModules() {
        assertThat(node(A).bean(NodeNetwork.class).peers()).extracting(p -> p.id().value()).containsExactlyInAnyOrder(B, HUB);
        assertThat(node(A).bean(NodeNetwork.class).nationalNodeOf(org.opensalw.shared.CountryCode.parse("UG")))
                .hasValueSatisfying(p -> assertThat(p.id().value()).isEqualTo(B));
        String id = node(A).client().sendTestMessage(B, null);
        MessageId mid = new MessageId(UUID.fromString(id));
        awaitDelivered(A, B, mid);
        Map<String, Object> row = node(B).jdbc().queryForMap("SELECT sender, via, type, deliveries FROM network_inbox WHERE id = ?", mid.value());
        assertThat(row).containsEntry("sender", A).containsEntry("type", "network.ping").containsEntry("deliveries", 1);
        assertThat(row.get("via")).isNull();
        // the MessageReceived listener ran once, in the inbox transaction
        assertThat(node(B).client().receivedTestMessages(A)).hasSize(1);
        Map<String, Object> statusPage = node(A).client().get("/api/network/status").ok().json();
        assertThat(statusPage).containsKeys("self", "peers", "counts", "refusals");
    }

    @Test
    @Order(2)
    void shouldRelayThroughTheHubWhichCannotReadTheMessage() {
        NodeClient a = node(A).client();
        a.put("/api/network/peers/" + B, "{\"role\":\"NATIONAL\",\"country\":\"UG\",\"name\":\"Uganda\",\"endpoint\":\"" + node(B).url()
                + "\",\"via\":\"" + HUB + "\"}").ok();
        try {
            MessageId id = send(A, B, "conv-relay", "test.secret", "{\"secret\":\"only-for-uganda\"}");
            awaitDelivered(A, B, id);
            Nodes.await(WAIT, "hub delivered", () -> "DELIVERED".equals(status(HUB, id)));
            assertThat(node(B).jdbc().queryForObject("SELECT via FROM network_inbox WHERE id = ?", String.class, id.value())).isEqualTo(HUB);
            assertThat(node(B).jdbc().queryForObject("SELECT payload FROM network_inbox WHERE id = ?", String.class, id.value()))
                    .contains("only-for-uganda");
            Map<String, Object> relayed = node(HUB).jdbc().queryForMap("SELECT * FROM network_outbox WHERE id = ?", id.value());
            assertThat(relayed).containsEntry("origin", A).containsEntry("recipient", B).containsEntry("type", "relay");
            String inner = (String) relayed.get("inner_jwe");
            assertThat(inner).doesNotContain("only-for-uganda").doesNotContain("test.secret");
            assertThat(inner.split("\\.")).hasSize(5); // a JWE
            // sealed to B's key: the hub has no key that opens it
            assertThat(node(HUB).bean(NodeKeys.class).decryptionKey(kidOf(inner))).isEmpty();
            assertThat(node(B).bean(NodeKeys.class).decryptionKey(kidOf(inner))).isPresent();
            assertThat(node(HUB).jdbc().queryForObject("SELECT count(*) FROM network_inbox WHERE id = ?", Long.class, id.value())).isZero();
        } finally {
            a.put("/api/network/peers/" + B, "{\"role\":\"NATIONAL\",\"country\":\"UG\",\"name\":\"Uganda\",\"endpoint\":\"" + node(B).url()
                    + "\",\"via\":null}").ok();
        }
    }

    static String kidOf(String jwe) {
        try {
            return com.nimbusds.jose.JWEObject.parse(jwe).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(3)
    void shouldDeliverAfterTheReceiverComesBackAndKeepTheOrderOfAConversation() {
        node(B).stop();
        List<MessageId> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                ids.add(send(A, B, "conv-order", "test.ordered", "{\"n\":" + i + "}"));
            }
            Nodes.await(WAIT, "failed attempts while B is down", () -> node(A).jdbc().queryForObject(
                    "SELECT attempts FROM network_outbox WHERE id = ?", Integer.class, ids.get(0).value()) >= 2);
            // only the first of the conversation was tried: the next wait for it
            assertThat(node(A).jdbc().queryForObject("SELECT attempts FROM network_outbox WHERE id = ?", Integer.class,
                    ids.get(1).value())).isZero();
        } finally {
            node(B).start();
        }
        for (MessageId id : ids) {
            awaitDelivered(A, B, id);
        }
        List<String> order = node(B).jdbc().queryForList(
                "SELECT payload FROM network_inbox WHERE conversation_id = 'conv-order' ORDER BY received_at", String.class);
        assertThat(order).containsExactly(java.util.stream.IntStream.range(0, 10).mapToObj(i -> "{\"n\":" + i + "}").toArray(String[]::new));
    }

    /** An envelope from A to B made with A's own keys, as A's sender would make it. */
    static String envelopeFromA(UUID id, String type) {
        NodeKeys aKeys = node(A).bean(NodeKeys.class);
        ECKey bKey = node(A).bean(Peers.class).encryptionKey(new NodeId(B)).orElseThrow();
        String inner = Envelopes.seal(new Envelopes.Message(id, A, B, "conv-" + id, type, "{}", Instant.now()), aKeys.signingKey(), bKey);
        return Envelopes.envelope(new Envelopes.Envelope(id, A, A, B, B, "conv-" + id, inner), aKeys.signingKey());
    }

    static long refusals(String node, String reason) {
        return node(node).jdbc().queryForObject("SELECT count(*) FROM network_refusal WHERE reason = ?", Long.class, reason);
    }

    @Test
    @Order(4)
    void shouldProcessADuplicateOnceAndAcknowledgeItTwice() {
        UUID id = UUID.randomUUID();
        String envelope = envelopeFromA(id, "network.ping");
        NodeClient b = node(B).client();
        NodeClient.Answer first = b.postAnonymous("/network/inbox", envelope, "application/jose");
        NodeClient.Answer second = b.postAnonymous("/network/inbox", envelope, "application/jose");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).containsEntry("ack", id.toString()).containsEntry("duplicate", false);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).containsEntry("ack", id.toString()).containsEntry("duplicate", true);
        assertThat(node(B).jdbc().queryForObject("SELECT deliveries FROM network_inbox WHERE id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(node(B).jdbc().queryForObject("SELECT count(*) FROM network_ping WHERE message_id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void shouldRefuseTamperedUnsignedAndUnknownMessagesAndRecordThem() {
        NodeClient b = node(B).client();
        String envelope = envelopeFromA(UUID.randomUUID(), "network.ping");
        String[] parts = envelope.split("\\.");
        // the payload changed after signing (another message id)
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replaceFirst("\"id\":\"[0-9a-f-]+\"", "\"id\":\"" + UUID.randomUUID() + "\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        long before = refusals(B, "BAD_SIGNATURE");
        assertThat(b.postAnonymous("/network/inbox", tampered, "application/jose").status()).isEqualTo(401);
        assertThat(refusals(B, "BAD_SIGNATURE")).isEqualTo(before + 1);

        assertThat(b.postAnonymous("/network/inbox", "{\"hello\":1}", "application/json").status()).isEqualTo(400);
        assertThat(refusals(B, "UNSIGNED")).isPositive();

        ECKey stranger = generate(KeyUse.SIGNATURE);
        ECKey bKey = node(A).bean(Peers.class).encryptionKey(new NodeId(B)).orElseThrow();
        UUID id = UUID.randomUUID();
        String inner = Envelopes.seal(new Envelopes.Message(id, "XX-ROGUE", B, "c", "network.ping", "{}", Instant.now()), stranger, bKey);
        String rogue = Envelopes.envelope(new Envelopes.Envelope(id, "XX-ROGUE", "XX-ROGUE", B, B, "c", inner), stranger);
        NodeClient.Answer refused = b.postAnonymous("/network/inbox", rogue, "application/jose");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("error", "UNKNOWN_PEER");
        assertThat(refusals(B, "UNKNOWN_PEER")).isPositive();
        // a known peer's id with another key
        String impostor = Envelopes.envelope(new Envelopes.Envelope(id, A, A, B, B, "c", inner), stranger);
        assertThat(b.postAnonymous("/network/inbox", impostor, "application/jose").status()).isEqualTo(401);
        assertThat(node(B).jdbc().queryForObject("SELECT count(*) FROM network_inbox WHERE id = ?", Long.class, id)).isZero();
        // an envelope by a trusted hub carrying a message A did not sign
        NodeKeys hubKeys = node(HUB).bean(NodeKeys.class);
        String forgedRelay = Envelopes.envelope(new Envelopes.Envelope(id, HUB, A, B, B, "c",
                Envelopes.seal(new Envelopes.Message(id, A, B, "c", "network.ping", "{}", Instant.now()), hubKeys.signingKey(), bKey)),
                hubKeys.signingKey());
        assertThat(b.postAnonymous("/network/inbox", forgedRelay, "application/jose").status()).isEqualTo(401);
        assertThat(node(B).client().get("/api/network/status").ok().body()).contains("UNKNOWN_PEER", "BAD_SIGNATURE");
    }

    static ECKey generate(KeyUse use) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(use).keyIDFromThumbprint(true).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(6)
    void shouldAcceptOldKeysUntilRetiredAndNewKeysOnceFetched() {
        String oldKid = node(A).bean(NodeKeys.class).signingKey().getKeyID();
        node(A).client().post("/api/network/keys/rotate", null).ok();
        String newKid = node(A).bean(NodeKeys.class).signingKey().getKeyID();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(node(A).client().jwks()).contains(oldKid, newKid);

        // B does not know A's new key yet: refused, and retried by A
        MessageId id = send(A, B, "conv-rotation", "network.ping", "{}");
        Nodes.await(WAIT, "refused for its unknown key", () -> refusals(B, "UNKNOWN_KEY") > 0);
        assertThat(status(A, id)).isEqualTo("QUEUED");
        // B's admin fetches A's keys (and compares fingerprints): delivered at the next attempt
        node(B).client().post("/api/network/peers/" + A + "/refresh-keys", null).ok();
        node(HUB).client().post("/api/network/peers/" + A + "/refresh-keys", null).ok();
        awaitDelivered(A, B, id);

        // B rotates: A still encrypts to B's previous key, which B accepts during the grace period
        node(B).client().post("/api/network/keys/rotate", null).ok();
        MessageId after = send(A, B, "conv-rotation", "network.ping", "{}");
        awaitDelivered(A, B, after);
        node(A).client().post("/api/network/peers/" + B + "/refresh-keys", null).ok();
        MessageId fresh = send(A, B, "conv-rotation", "network.ping", "{}");
        awaitDelivered(A, B, fresh);

        // retiring A's old key at B: envelopes signed with it are refused
        node(B).client().post("/api/network/peers/" + A + "/keys/" + oldKid + "/retire", null).ok();
        assertThat(node(B).bean(Peers.class).key(new NodeId(A), oldKid, KeyUse.SIGNATURE)).isEmpty();
        assertThat(node(B).bean(Peers.class).key(new NodeId(A), newKid, KeyUse.SIGNATURE)).isPresent();
    }

    @Test
    @Order(7)
    void shouldSendEachMessageOnceAndInOrderWithTwoInstancesOnOneDatabase() {
        // a second instance of A on A's database (another port), as a deployment with two application servers
        String url = node(A).bean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
        List<String> args = new ArrayList<>(node(A).spec().arguments(Nodes.freePort(), "target/nodes/unused"));
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=postgres");
        try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(org.opensalw.OpenSalwApplication.class)
                .run(args.toArray(String[]::new))) {
            List<MessageId> ids = new ArrayList<>();
            node(A).bean(TransactionTemplate.class).executeWithoutResult(s -> {
                for (int i = 0; i < 200; i++) {
                    ids.add(node(A).bean(NodeNetwork.class).send(new OutgoingMessage(new NodeId(B), "twin-" + (i % 10), "test.twin",
                            "{\"n\":" + i + "}")));
                }
            });
            second.getBean(Outbox.class).wakeAfterCommit();
            for (MessageId id : ids) {
                awaitDelivered(A, B, id);
            }
            assertThat(node(B).jdbc().queryForObject("SELECT sum(deliveries) FROM network_inbox WHERE type = 'test.twin'", Long.class))
                    .as("each message sent once").isEqualTo(200);
            for (int c = 0; c < 10; c++) {
                List<Integer> order = node(B).jdbc().queryForList("""
                        SELECT CAST(payload::json->>'n' AS INT) FROM network_inbox WHERE conversation_id = ? ORDER BY received_at""",
                        Integer.class, "twin-" + c);
                assertThat(order).hasSize(20).isSorted();
            }
        }
    }
}
