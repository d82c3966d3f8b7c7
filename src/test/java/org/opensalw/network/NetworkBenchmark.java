package org.opensalw.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opensalw.support.BenchmarkReport;
import org.opensalw.support.MessageHarness;
import org.opensalw.support.NodeProcesses;
import org.opensalw.support.NodeSpec;
import org.opensalw.support.Nodes;

/**
 * Issue 5's network target: two national nodes and a hub, each its own process and database, on loopback; 1,000
 * messages in flight from A through the hub to B, delivered with no loss and no duplicate while B is killed
 * ({@code kill -9} of the application and its database) and restarted at least twice. A first run of messages
 * without crashes gives the steady-state latency.
 * Run: ./mvnw -B -o -Pbenchmark verify -Dtest=NetworkBenchmark  (-Dbench.messages=N, -Dbench.restarts=N)
 */
class NetworkBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.messages", 1000);
    static final int RESTARTS = Integer.getInteger("bench.restarts", 2);
    static final int STEADY = Integer.getInteger("bench.steady", 200);
    static final int CONVERSATIONS = 100;
    /** Clients sending at once into A's API. */
    static final int SENDERS = Integer.getInteger("bench.senders", 4);
    static final String A = "KE-NFP";
    static final String B = "UG-NFP";
    static final String HUB = "HUB-RECSA";

    @Test
    void deliversEveryMessageOnceWhileTheReceiverCrashes() throws Exception {
        long startAll = System.nanoTime();
        List<String> jvm = List.of("-Xmx768m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        // a long retry budget: the hub keeps retrying while B is down (B's restarts take tens of seconds on a busy machine)
        try (NodeProcesses nodes = NodeProcesses.start(jvm,
                NodeSpec.national(A, "KE").via(HUB).with("opensalw.network.retry-budget", "1000"),
                NodeSpec.national(B, "UG").via(HUB).with("opensalw.network.retry-budget", "1000"),
                NodeSpec.hub(HUB).with("opensalw.network.retry-budget", "1000"))) {
            double startupSeconds = (System.nanoTime() - startAll) / 1e9;
            NodeProcesses.Node a = nodes.node(A);
            NodeProcesses.Node b = nodes.node(B);

            MessageHarness steady = MessageHarness.pings(a.client(), A, b.client(), B, CONVERSATIONS);
            steady.send(STEADY, SENDERS);
            MessageHarness.Result calm = steady.await(Duration.ofMinutes(5));
            System.out.println("Steady: " + calm);

            MessageHarness harness = MessageHarness.pings(a.client(), A, b.client(), B, CONVERSATIONS);
            AtomicInteger restarts = new AtomicInteger();
            AtomicReference<Throwable> chaosError = new AtomicReference<>();
            List<Long> downtimes = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread chaos = new Thread(() -> {
                try {
                    for (int k = 0; k < RESTARTS; k++) {
                        int threshold = (k + 1) * MESSAGES / (RESTARTS + 2);
                        Nodes.await(Duration.ofMinutes(10), "B received " + threshold, () -> harness.receivedCount() >= threshold);
                        long down = System.nanoTime();
                        b.kill();
                        System.out.println("Killed B (kill -9) at " + harness.receivedCount() + " received, " + harness.sentCount() + " sent");
                        Thread.sleep(1000);
                        b.start();
                        b.awaitUp(Duration.ofMinutes(5));
                        downtimes.add((System.nanoTime() - down) / 1_000_000);
                        restarts.incrementAndGet();
                        System.out.println("B back after " + downtimes.get(downtimes.size() - 1) + " ms");
                    }
                } catch (Throwable t) {
                    chaosError.set(t);
                }
            }, "chaos");
            chaos.start();
            harness.send(MESSAGES, SENDERS);
            chaos.join(Duration.ofMinutes(20).toMillis());
            if (chaosError.get() != null) {
                throw new AssertionError("Crashing B failed", chaosError.get());
            }
            MessageHarness.Result result = harness.await(Duration.ofMinutes(10));
            System.out.println("With crashes: " + result);
            Object counted = ((Map<?, ?>) a.client().get("/api/network/status").ok().json().get("counts")).get("UNDELIVERABLE");
            long undeliverable = counted == null ? 0 : ((Number) counted).longValue();

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("nodes", "2 national + 1 hub, each its own JVM and embedded PostgreSQL, loopback, relayed A -> hub -> B");
            figures.put("requests", result.sent());
            figures.putAll(result.figures());
            figures.put("receiver_restarts", restarts.get());
            figures.put("receiver_downtime_ms", downtimes.toString());
            figures.put("undeliverable", undeliverable);
            figures.put("conversations", CONVERSATIONS);
            figures.put("sending_clients", SENDERS);
            figures.put("steady_messages", calm.sent());
            figures.put("steady_lost", calm.lost());
            figures.put("steady_duplicates", calm.duplicates());
            figures.put("steady_delivery_p50_ms", calm.p50Millis());
            figures.put("steady_delivery_p99_ms", calm.p99Millis());
            figures.put("steady_throughput_per_second", Math.round(calm.throughputPerSecond() * 10) / 10.0);
            figures.put("startup_seconds", Math.round(startupSeconds));
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            figures.put("load_average_at_end", Math.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage() * 10) / 10.0);
            BenchmarkReport.writeJson("network", figures);
            BenchmarkReport.writeSection("Network (issue 5)", """
                    `NetworkBenchmark`: two national nodes and a hub, each its own process (JVM + embedded PostgreSQL) on loopback, \
                    %d cores shared by all three. Test messages (`network.ping`) from KE-NFP to UG-NFP relayed by HUB-RECSA \
                    (signed, sealed to UG-NFP, re-enveloped by the hub), over %d conversations (order kept in each), sent by %d clients at once through A's API.

                    | | messages | lost | duplicates | delivery p50 | delivery p99 | throughput |
                    |---|---:|---:|---:|---:|---:|---:|
                    | steady (no crash) | %d | %d | %d | %d ms | %d ms | %.1f /s |
                    | receiver killed (`kill -9`, with its database) and restarted %d times | %d | %d | %d | %d ms | %d ms | %.1f /s |

                    Latency: written in the sender's outbox to processed in the receiver's inbox transaction. With crashes it \
                    includes the receiver's downtime (restarts took %s ms); the hub held the messages meanwhile; \
                    undeliverable: %d. The machine's load average was %.1f at the end (three nodes, their databases and the benchmark share %d cores), so \
                    throughput and latency here are a floor, not the design's limit. Figures in `docs/benchmarks/network.json`.
                    """.formatted(Runtime.getRuntime().availableProcessors(), CONVERSATIONS, SENDERS, calm.sent(), calm.lost(), calm.duplicates(),
                    calm.p50Millis(), calm.p99Millis(), calm.throughputPerSecond(), restarts.get(), result.sent(), result.lost(),
                    result.duplicates(), result.p50Millis(), result.p99Millis(), result.throughputPerSecond(), downtimes, undeliverable,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors()));

            assertThat(calm.lost()).isZero();
            assertThat(calm.duplicates()).isZero();
            assertThat(restarts.get()).isGreaterThanOrEqualTo(2);
            assertThat(result.lost()).isZero();
            assertThat(result.duplicates()).isZero();
            assertThat(undeliverable).isZero();
        }
    }
}
