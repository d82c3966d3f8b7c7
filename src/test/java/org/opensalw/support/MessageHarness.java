package org.opensalw.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Sends N messages and counts what the receiver processed: lost (sent, never processed), duplicates (processed
 * more than once), delivery latency (processed at the receiver minus written at the sender) and throughput. What
 * is sent and how receipts are read are given as functions, so the same harness drives network test messages
 * ({@link #pings}) or, later, tracing requests.
 */
public final class MessageHarness {

    /** One processing of a message at the receiver. */
    public record Receipt(String id, Instant sentAt, Instant processedAt) {
    }

    public record Result(int sent, int received, int lost, int duplicates, long p50Millis, long p99Millis, long maxMillis,
            double throughputPerSecond, double seconds) {

        public Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("messages", sent);
            m.put("received", received);
            m.put("lost", lost);
            m.put("duplicates", duplicates);
            m.put("delivery_p50_ms", p50Millis);
            m.put("delivery_p99_ms", p99Millis);
            m.put("delivery_max_ms", maxMillis);
            m.put("throughput_per_second", Math.round(throughputPerSecond * 10) / 10.0);
            m.put("seconds", Math.round(seconds * 10) / 10.0);
            return m;
        }
    }

    private final IntFunction<String> send;
    private final Supplier<List<Receipt>> receipts;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private Instant firstSent;

    /** send: sends message i and returns its id; receipts: every processing so far at the receiver (may throw while it is down). */
    public MessageHarness(IntFunction<String> send, Supplier<List<Receipt>> receipts) {
        this.send = send;
        this.receipts = receipts;
    }

    /** Test messages (network.ping) from one node to another, spread over {@code conversations} conversations. */
    public static MessageHarness pings(NodeClient from, String fromId, NodeClient to, String toId, int conversations) {
        String run = Long.toString(System.nanoTime(), 36);
        return new MessageHarness(i -> from.sendTestMessage(toId, "bench-" + run + "-" + (i % conversations)),
                () -> to.receivedTestMessages(fromId).stream().map(o -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) o;
                    return new Receipt((String) m.get("id"), Instant.parse((String) m.get("sentAt")), Instant.parse((String) m.get("processedAt")));
                }).toList());
    }

    /** Sends messages 0..n-1 one after the other. */
    public void send(int n) {
        send(n, 1);
    }

    /** Sends messages 0..n-1 from {@code clients} threads at once (as several users of the sending node would). */
    public void send(int n, int clients) {
        firstSent = firstSent == null ? Instant.now() : firstSent;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        sent.add(send.apply(i));
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                }
            }, "harness-sender-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    public int sentCount() {
        return sent.size();
    }

    /** How many distinct sent messages were processed so far, or -1 when the receiver does not answer. */
    public int receivedCount() {
        try {
            Set<String> ids = new HashSet<>();
            receipts.get().forEach(r -> ids.add(r.id()));
            ids.retainAll(new HashSet<>(sent));
            return ids.size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Waits until every sent message was processed (or the timeout), then measures. */
    public Result await(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (receivedCount() < sent.size() && System.nanoTime() < end) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Receipt> all = receipts.get();
        Set<String> sentIds = new HashSet<>(sent);
        Map<String, Integer> processings = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        Instant last = firstSent;
        for (Receipt r : all) {
            if (!sentIds.contains(r.id())) {
                continue;
            }
            if (processings.merge(r.id(), 1, Integer::sum) == 1) {
                latencies.add(Duration.between(r.sentAt(), r.processedAt()).toMillis());
            }
            last = r.processedAt().isAfter(last) ? r.processedAt() : last;
        }
        Collections.sort(latencies);
        int received = processings.size();
        int duplicates = processings.values().stream().mapToInt(c -> c - 1).sum();
        double seconds = Duration.between(firstSent, last).toMillis() / 1000.0;
        return new Result(sent.size(), received, sent.size() - received, duplicates, percentile(latencies, 50), percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1), seconds <= 0 ? 0 : received / seconds, seconds);
    }

    public static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
