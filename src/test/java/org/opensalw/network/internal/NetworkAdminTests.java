package org.opensalw.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.network.MessageId;
import org.opensalw.network.MessageUndeliverable;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.NodeRole;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.opensalw.support.NodeClient;
import org.opensalw.support.Nodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** One node: the retry budget, peers as administrators enter them, who may see what, and the pages in three languages. */
@TestDatabase
@TestPropertySource(properties = {"opensalw.network.retry-budget=3", "opensalw.network.retry-base=50ms",
        "opensalw.network.max-delay=100ms", "opensalw.network.poll-interval=50ms", "opensalw.node.id=FR-TEST",
        "opensalw.node.country=FR", "opensalw.network.peers.HUB-CONF.role=HUB", "opensalw.network.peers.HUB-CONF.name=Configured hub",
        "opensalw.network.peers.HUB-CONF.endpoint=https://hub.example.org",
        "opensalw.network.peers.HUB-CONF.jwks={\"keys\":[{\"kty\":\"EC\",\"use\":\"sig\",\"crv\":\"P-256\",\"kid\":\"EBk_aCIo38oyHOp0dPeVg87dXuALQ2C2GcazogaswXI\",\"x\":\"HXn2CDEUN_RQbw2wmXYU_V-_slcAJzMQx_DYaRJVPUs\",\"y\":\"H_eUmU9aYhFJfBu1YhbFqmhFVGeSLfVZu6Y3SBXR_aU\"},{\"kty\":\"EC\",\"use\":\"enc\",\"crv\":\"P-256\",\"kid\":\"m_vqJdtsBVVStxjz3cVd3dZt0gauhu1R14u8HUf7upo\",\"x\":\"KY_qHNzHBTdyU8XLavu4SayQKGNM4vZY_Nvyl0pFsmk\",\"y\":\"LZ1sajgbLmokq7XV8ZiNO1qWxz2BSLMSlTl7u5mxzIE\"}]}"})
class NetworkAdminTests {

    static final List<MessageUndeliverable> undeliverable = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Listener {
        @EventListener
        void on(MessageUndeliverable e) {
            undeliverable.add(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    NodeNetwork network;

    @Autowired
    NetworkAdmin admin;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Peers peers;

    @Autowired
    Inbox inbox;

    static String keysOfAPeerThatIsDown() {
        return "{\"keys\":[" + NetworkTests.generate(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).toPublicJWK().toJSONString() + ","
                + NetworkTests.generate(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION).toPublicJWK().toJSONString() + "]}";
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldShowAMessageAsUndeliverableAfterTheBudgetAndSendItAgainOnRequest() {
        String down = "BE-DOWN";
        admin.savePeer(new Peers.PeerForm(down, NodeRole.NATIONAL, "BE", "Down", "http://127.0.0.1:" + Nodes.freePort(), null,
                keysOfAPeerThatIsDown()));
        MessageId first = tx.execute(s -> network.send(new OutgoingMessage(new NodeId(down), "c1", "test.x", "{}")));
        MessageId second = tx.execute(s -> network.send(new OutgoingMessage(new NodeId(down), "c1", "test.x", "{}")));
        Nodes.await(Duration.ofSeconds(30), "undeliverable", () -> "UNDELIVERABLE".equals(status(first)));
        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_error FROM network_outbox WHERE id = ?", first.value());
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("ConnectException");
        Nodes.await(Duration.ofSeconds(5), "event", () -> undeliverable.stream().anyMatch(e -> e.id().equals(first)));
        // the next message of the conversation waits for the first
        assertThat(status(second)).isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("SELECT attempts FROM network_outbox WHERE id = ?", Integer.class, second.value())).isZero();
        assertThat(admin.status().undeliverable()).extracting(Outbox.Item::id).contains(first.value());

        java.sql.Timestamp lastBefore = jdbc.queryForObject("SELECT last_attempt_at FROM network_outbox WHERE id = ?",
                java.sql.Timestamp.class, first.value());
        admin.retry(first.value());
        // a new budget of three attempts, spent at once against a peer that refuses connections (so not read in between)
        Nodes.await(Duration.ofSeconds(30), "undeliverable again", () -> jdbc.queryForObject("""
                SELECT status = 'UNDELIVERABLE' AND attempts = 3 AND last_attempt_at > ? FROM network_outbox WHERE id = ?""",
                Boolean.class, lastBefore, first.value()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'network.message.retry'", Long.class)).isPositive();
    }

    static String jwks(ECKey... keys) {
        return "{\"keys\":[" + java.util.Arrays.stream(keys).map(k -> k.toPublicJWK().toJSONString())
                .collect(java.util.stream.Collectors.joining(",")) + "]}";
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldKeepARetiredKeyRetiredWhenThePeerStillPublishesIt() {
        ECKey sig = NetworkTests.generate(KeyUse.SIGNATURE);
        ECKey enc = NetworkTests.generate(KeyUse.ENCRYPTION);
        Peers.PeerForm form = new Peers.PeerForm("NL-RETIRED", NodeRole.NATIONAL, "NL", "Netherlands",
                "http://127.0.0.1:" + Nodes.freePort(), null, jwks(sig, enc));
        admin.savePeer(form);
        admin.retirePeerKey("NL-RETIRED", sig.getKeyID());

        // what "Fetch keys from the peer" and a restart (configured peers) do: take the set the peer still publishes
        admin.savePeer(form);

        assertThat(peers.key(new NodeId("NL-RETIRED"), sig.getKeyID(), KeyUse.SIGNATURE)).isEmpty();
        assertThat(admin.peer("NL-RETIRED").keys()).filteredOn(k -> k.kid().equals(sig.getKeyID())).singleElement()
                .satisfies(k -> assertThat(k.usable()).isFalse());
        assertThat(peers.key(new NodeId("NL-RETIRED"), enc.getKeyID(), KeyUse.ENCRYPTION)).isPresent();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldRefuseAKnownKeyIdWithOtherKeyMaterial() throws Exception {
        ECKey sig = NetworkTests.generate(KeyUse.SIGNATURE);
        ECKey enc = NetworkTests.generate(KeyUse.ENCRYPTION);
        admin.savePeer(new Peers.PeerForm("NL-REUSED", NodeRole.NATIONAL, "NL", "Netherlands", "http://127.0.0.1:" + Nodes.freePort(),
                null, jwks(sig, enc)));
        ECKey other = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(sig.getKeyID()).generate();

        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("NL-REUSED", NodeRole.NATIONAL, "NL", "Netherlands",
                "http://127.0.0.1:1", null, jwks(other, enc)))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field, Violation::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("jwks", "network.peer.jwks.kidReused")));

        assertThat(peers.key(new NodeId("NL-REUSED"), sig.getKeyID(), KeyUse.SIGNATURE))
                .hasValueSatisfying(k -> assertThat(k.getX()).isEqualTo(sig.getX()));
        assertThat(admin.peer("NL-REUSED").info().endpoint().getPort()).as("nothing of the refused change written").isNotEqualTo(1);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldGiveUpAtOnceOnAMessageThePeerRefusesAsTooLarge() throws Exception {
        HttpServer small = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        small.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\":\"TOO_LARGE\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(413, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        small.start();
        try {
            admin.savePeer(new Peers.PeerForm("LU-SMALL", NodeRole.NATIONAL, "LU", "Small inbox",
                    "http://127.0.0.1:" + small.getAddress().getPort(), null, keysOfAPeerThatIsDown()));
            MessageId id = tx.execute(s -> network.send(new OutgoingMessage(new NodeId("LU-SMALL"), "too-large", "test.x", "{}")));

            Nodes.await(Duration.ofSeconds(30), "undeliverable", () -> "UNDELIVERABLE".equals(status(id)));
            Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_error FROM network_outbox WHERE id = ?", id.value());
            assertThat(row.get("attempts")).as("not retried: the budget here is 3").isEqualTo(1);
            assertThat((String) row.get("last_error")).contains("HTTP 413", "too large for the peer's inbox");
            Nodes.await(Duration.ofSeconds(5), "event", () -> undeliverable.stream().anyMatch(e -> e.id().equals(id)));
        } finally {
            small.stop(0);
        }
    }

    String status(MessageId id) {
        return jdbc.queryForObject("SELECT status FROM network_outbox WHERE id = ?", String.class, id.value());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldTakePeersFromTheConfiguration() {
        Peers.Peer hub = admin.peer("HUB-CONF");
        assertThat(hub.source()).isEqualTo("CONFIG");
        assertThat(hub.info().role()).isEqualTo(NodeRole.HUB);
        assertThat(hub.info().endpoint()).hasToString("https://hub.example.org");
        assertThat(hub.keys()).extracting(Peers.PeerKey::kid)
                .containsExactlyInAnyOrder("EBk_aCIo38oyHOp0dPeVg87dXuALQ2C2GcazogaswXI", "m_vqJdtsBVVStxjz3cVd3dZt0gauhu1R14u8HUf7upo");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldRefuseIncompletePeers() {
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("bad id", NodeRole.NATIONAL, "KE", "x", "http://x", null, keysOfAPeerThatIsDown())))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("network.peer.id.invalid");
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("KE-X", NodeRole.NATIONAL, null, "x", "http://x", null, keysOfAPeerThatIsDown())))
                .hasMessageContaining("network.peer.country.required");
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("KE-X", NodeRole.NATIONAL, "KE", "x", "ftp://x", null, keysOfAPeerThatIsDown())))
                .hasMessageContaining("network.peer.endpoint.invalid");
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("KE-X", NodeRole.NATIONAL, "KE", "x", "http://x", "HUB-NONE", keysOfAPeerThatIsDown())))
                .hasMessageContaining("network.peer.via.unknown");
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("KE-X", NodeRole.NATIONAL, "KE", "x", "http://x", null, null)))
                .hasMessageContaining("network.peer.jwks.required");
        String privateKey = "{\"keys\":[" + NetworkTests.generate(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).toJSONString() + "]}";
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("KE-X", NodeRole.NATIONAL, "KE", "x", "http://x", null, privateKey)))
                .hasMessageContaining("network.peer.jwks.invalid");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldRefuseAHubThatIsNoNodeIdNamingTheField() {
        assertThatThrownBy(() -> admin.savePeer(new Peers.PeerForm("KE-VIA", NodeRole.NATIONAL, "KE", "x", "http://x", "hub-conf",
                keysOfAPeerThatIsDown()))).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserFacingException.Kind.INVALID);
                    assertThat(e.violations()).extracting(Violation::field, Violation::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("via", "network.peer.via.invalid"));
                });
        assertThat(peers.info(new NodeId("KE-VIA"))).isEmpty();
    }

    @Test
    @WithMockUser(roles = "REGISTRAR")
    void shouldKeepTheNetworkToAdministrators() {
        assertThatThrownBy(() -> admin.status()).isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void shouldRefuseAnOversizedEnvelopeFromItsLengthWithoutReadingIt() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            // announces 40 MB and sends none of it: the answer must come from the header alone
            socket.getOutputStream().write(("POST /network/inbox HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/jose\r\n"
                    + "Content-Length: 40000000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void shouldRefuseAnOverlongKeyIdAndKeepEveryRefusalShort() throws Exception {
        // a made-up key id of 10,000 characters (the JWS parser itself refuses headers over 20,000): refused for its key, not looked up
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("K".repeat(10_000)).type(Envelopes.ENVELOPE).build(),
                new Payload(Map.<String, Object>of("from", "HUB-CONF", "id", java.util.UUID.randomUUID().toString())));
        jws.sign(new ECDSASigner(NetworkTests.generate(KeyUse.SIGNATURE)));
        String count = "SELECT count(*) FROM network_refusal WHERE reason = 'UNKNOWN_KEY'";
        long before = jdbc.queryForObject(count, Long.class);

        NodeClient.Answer answer = new NodeClient("http://localhost:" + port).postAnonymous("/network/inbox", jws.serialize(), "application/jose");

        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.body().length()).isLessThan(1_000);
        assertThat(jdbc.queryForObject(count, Long.class)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT max(length(detail)) FROM network_refusal", Integer.class)).isLessThanOrEqualTo(500);

        // whatever the detail says, the recorder keeps at most 500 characters of it
        inbox.recordRefusal("127.0.0.1", null, new Inbox.RefusedException(400, "MALFORMED", "x".repeat(100_000)));
        assertThat(jdbc.queryForObject("SELECT length(detail) FROM network_refusal ORDER BY id DESC LIMIT 1", Integer.class))
                .isLessThanOrEqualTo(500);
    }

    @Test
    void shouldPublishKeysOpenlyAndTheRestToAdministratorsOnly() {
        NodeClient anonymous = new NodeClient("http://localhost:" + port);
        NodeClient.Answer jwks = anonymous.postAnonymous("/network/inbox", "", "application/jose");
        assertThat(jwks.status()).as("no CSRF, no login: refused for what it is").isEqualTo(400);
        String keys = new NodeClient("http://localhost:" + port).get("/network/jwks").ok().body();
        assertThat(keys).contains("\"use\":\"sig\"", "\"use\":\"enc\"").doesNotContain("\"d\":");
        String user = "reg-" + System.nanoTime();
        accounts.createUnchecked(new NewUser(user, "R", Set.of(Role.REGISTRAR), "en", "registrar-password-1"));
        HttpClient http = HttpClient.newHttpClient();
        int status = send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/network/status"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":registrar-password-1").getBytes()))
                .build()).statusCode();
        assertThat(status).isEqualTo(403);
        assertThat(new NodeClient("http://localhost:" + port).get("/api/network/status").ok().body()).contains("FR-TEST");
        assertThat(new NodeClient("http://localhost:" + port).get("/v3/api-docs").ok().body()).contains("/api/network/peers/{id}");
    }

    @Test
    void shouldShowTheStatusAndPeerPagesInThreeLanguages() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = send(browser, get("/login")).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(NodeClient.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Map<String, List<String>> expected = Map.of("en", List.of("This node", "Rotate keys", "Refused messages", "Add a peer"),
                "fr", List.of("Ce nœud", "Renouveler les clés", "Messages refusés", "Ajouter un pair"),
                "es", List.of("Este nodo", "Renovar las claves", "Mensajes rechazados", "Añadir un par"));
        for (var e : expected.entrySet()) {
            HttpResponse<String> page = send(browser, get("/admin/network?lang=" + e.getKey()));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(e.getValue()).contains("FR-TEST").doesNotContain("??");
            HttpResponse<String> peer = send(browser, get("/admin/network/peers/new"));
            assertThat(peer.statusCode()).isEqualTo(200);
            assertThat(peer.body()).contains("jwks").doesNotContain("??");
        }
        assertThat(send(browser, get("/admin/network?lang=en")).body()).contains("href=\"/admin/network\"");
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
