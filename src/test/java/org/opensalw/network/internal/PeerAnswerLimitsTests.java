package org.opensalw.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.network.MessageId;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.NodeRole;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.opensalw.support.Nodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a peer answers is read with a bound (64 KB), and fetching its keys holds no transaction while it answers. The
 * peers here are hubs, so that tracing never suggests them as recipients; each test removes its own.
 */
@TestDatabase
@WithMockUser(roles = "ADMIN")
class PeerAnswerLimitsTests {

    @Autowired
    NetworkAdmin admin;
    @Autowired
    NodeNetwork network;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void shouldRecordARefusalWhoseBodyNeverEndsAfterReadingItsFirst64KB() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer endless = server(handlers, "/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, 0); // no length: the body ends when the exchange is closed
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] kilobyte = "E".repeat(1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 100; i++) {
                    out.write(kilobyte);
                }
                out.flush();
                testDone.await(60, TimeUnit.SECONDS); // and no end while the test runs
            } catch (IOException | InterruptedException e) {
                // the sender read what it takes and closed the connection
            }
        });
        AtomicReference<MessageId> sent = new AtomicReference<>();
        try {
            admin.savePeer(new Peers.PeerForm("HUB-ENDLESS", NodeRole.HUB, null, "Endless answers",
                    "http://127.0.0.1:" + endless.getAddress().getPort(), null, NetworkAdminTests.keysOfAPeerThatIsDown()));
            MessageId id = tx.execute(s -> network.send(new OutgoingMessage(new NodeId("HUB-ENDLESS"), "endless", "test.x", "{}")));
            sent.set(id);

            Nodes.await(Duration.ofSeconds(30), "the attempt recorded", () -> lastError(id) != null && lastError(id).startsWith("HTTP 500"));
            assertThat(lastError(id)).contains("EEEE").hasSizeLessThan(300);
        } finally {
            testDone.countDown();
            endless.stop(0);
            handlers.shutdownNow();
            if (sent.get() != null) {
                // not tried again, for the rest of the run, against a server that is gone
                jdbc.update("UPDATE network_outbox SET status = 'UNDELIVERABLE' WHERE id = ?", sent.get().value());
            }
            admin.deletePeer("HUB-ENDLESS");
        }
    }

    @Test
    void shouldFetchAPeersKeysWithoutHoldingATransactionWhileItAnswers() throws Exception {
        ECKey sig = NetworkTests.generate(KeyUse.SIGNATURE);
        ECKey enc = NetworkTests.generate(KeyUse.ENCRYPTION);
        AtomicLong lockedWhileFetching = new AtomicLong(-1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer publisher = server(handlers, "/network/jwks", exchange -> {
            // a transaction that read the peers and now waits for this answer holds its lock on them, idle
            lockedWhileFetching.set(jdbc.queryForObject("""
                    SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.locktype = 'relation' AND l.relation = 'network_peer'::regclass
                      AND a.state = 'idle in transaction' AND a.query ILIKE '%network_peer%'""", Long.class)); // not a sender's
            answer(exchange, NetworkAdminTests.jwks(sig, enc));
        });
        try {
            admin.savePeer(new Peers.PeerForm("HUB-KEYS", NodeRole.HUB, null, "Publishes keys",
                    "http://127.0.0.1:" + publisher.getAddress().getPort(), null, NetworkAdminTests.keysOfAPeerThatIsDown()));

            Peers.Peer refreshed = admin.refreshPeerKeys("HUB-KEYS");

            assertThat(lockedWhileFetching.get()).as("transactions idle with the peers locked during the fetch").isZero();
            assertThat(refreshed.keys()).extracting(Peers.PeerKey::kid).contains(sig.getKeyID(), enc.getKeyID());
        } finally {
            publisher.stop(0);
            handlers.shutdownNow();
            admin.deletePeer("HUB-KEYS");
        }
    }

    @Test
    void shouldRefuseAKeySetAnswerLargerThan64KB() throws Exception {
        ECKey sig = NetworkTests.generate(KeyUse.SIGNATURE);
        ECKey enc = NetworkTests.generate(KeyUse.ENCRYPTION);
        String padded = NetworkAdminTests.jwks(sig, enc);
        String large = padded.substring(0, padded.length() - 1) + " ".repeat(70_000) + "}"; // valid JSON, 70 KB of blanks
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer publisher = server(handlers, "/network/jwks", exchange -> answer(exchange, large));
        try {
            admin.savePeer(new Peers.PeerForm("HUB-LARGE", NodeRole.HUB, null, "Publishes too much",
                    "http://127.0.0.1:" + publisher.getAddress().getPort(), null, NetworkAdminTests.keysOfAPeerThatIsDown()));

            assertThatThrownBy(() -> admin.refreshPeerKeys("HUB-LARGE")).isInstanceOfSatisfying(UserFacingException.class, e ->
                    assertThat(e.violations()).extracting(Violation::field, Violation::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("jwks", "network.peer.jwks.tooLarge")));
            assertThat(admin.peer("HUB-LARGE").keys()).extracting(Peers.PeerKey::kid).doesNotContain(sig.getKeyID());
        } finally {
            publisher.stop(0);
            handlers.shutdownNow();
            admin.deletePeer("HUB-LARGE");
        }
    }

    private String lastError(MessageId id) {
        return jdbc.queryForObject("SELECT last_error FROM network_outbox WHERE id = ?", String.class, id.value());
    }

    private static HttpServer server(ExecutorService handlers, String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext(path, handler);
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
