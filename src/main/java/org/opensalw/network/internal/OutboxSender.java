package org.opensalw.network.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeNetwork;
import org.opensalw.shared.DaemonThreads;
import org.opensalw.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: one loop claims due messages (as many as there are free sending slots) and hands each to a
 * worker that seals it, posts it to the next hop's inbox and records the outcome. The loop sleeps until a new
 * message is committed, a send ends, or the poll interval passes, so a message leaves within milliseconds and a
 * retry when it is due.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final Peers peers;
    private final NodeKeys keys;
    private final NodeNetwork network;
    private final NetworkProperties properties;
    private final Semaphore wake = new Semaphore(0);
    private final HttpClient http;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;
    private Semaphore slots;

    OutboxSender(Outbox outbox, Peers peers, NodeKeys keys, NodeNetwork network, NetworkProperties properties) {
        this.outbox = outbox;
        this.peers = peers;
        this.keys = keys;
        this.network = network;
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.getConnectTimeout()).build();
        outbox.onWork(() -> wake.release());
    }

    @Override
    public void start() {
        running = true;
        int threads = Math.max(1, properties.getSenderThreads());
        workers = Executors.newFixedThreadPool(threads, DaemonThreads.named("network-sender"));
        slots = new Semaphore(threads * 2);
        loop = new Thread(this::run, "network-outbox");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        workers.shutdown();
        try {
            loop.join(5000);
            workers.awaitTermination(properties.getRequestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // started after the web server (so the inbox is up before this node sends), stopped before it
        return Integer.MAX_VALUE - 1;
    }

    private void run() {
        while (running) {
            try {
                int free = Math.min(slots.availablePermits(), properties.getBatchSize());
                List<Outbox.Row> rows = free == 0 ? List.of() : outbox.claim(free);
                for (Outbox.Row row : rows) {
                    slots.acquire();
                    workers.execute(() -> {
                        try {
                            deliver(row);
                        } finally {
                            slots.release();
                            wake.release();
                        }
                    });
                }
                if (rows.isEmpty() || rows.size() == free) {
                    wake.tryAcquire(properties.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Outbox round failed: {}", e.toString());
                    sleep();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(properties.getPollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void deliver(Outbox.Row row) {
        String error;
        try {
            NodeInfo self = network.self();
            NodeId recipient = new NodeId(row.recipient());
            NodeId hop = peers.via(recipient).orElse(recipient);
            NodeInfo hopInfo = peers.info(hop).orElse(null);
            if (hopInfo == null || peers.info(recipient).isEmpty() && row.origin() == null) {
                error = "no peer " + (hopInfo == null ? hop : recipient);
            } else {
                String inner = row.inner();
                if (inner == null) {
                    var recipientKey = peers.encryptionKey(recipient).orElse(null);
                    if (recipientKey == null) {
                        outbox.failed(row, "no usable encryption key for " + recipient);
                        return;
                    }
                    inner = Envelopes.seal(new Envelopes.Message(row.id(), self.id().value(), row.recipient(), row.conversationId(),
                            row.type(), row.payload(), row.createdAt()), keys.signingKey(), recipientKey);
                }
                String envelope = Envelopes.envelope(new Envelopes.Envelope(row.id(), self.id().value(),
                        row.origin() == null ? self.id().value() : row.origin(), row.recipient(), hop.value(), row.conversationId(), inner),
                        keys.signingKey());
                HttpRequest request = HttpRequest.newBuilder(inbox(hopInfo.endpoint()))
                        .timeout(properties.getRequestTimeout())
                        .header("Content-Type", "application/jose")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
                HttpResponse<java.io.InputStream> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
                    throw e;
                } catch (java.io.IOException e) {
                    // most often a kept-alive connection the peer had just closed; the inbox is idempotent, so once more
                    response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                }
                // at most 64 KB of the answer: read whole (as it was), an answer without end held this worker and filled the heap
                String body = ResponseBodies.read(response).text();
                if (response.statusCode() == 200) {
                    outbox.delivered(row);
                    peers.touch(hop);
                    return;
                }
                if (response.statusCode() == 413) {
                    // the peer's inbox takes no envelope this large: every attempt would be refused the same way, so a
                    // person is told now rather than after the whole retry budget (hours)
                    outbox.undeliverable(row, "HTTP 413 from " + hop + ": the message (" + envelope.length()
                            + " bytes sealed) is too large for the peer's inbox; it is not tried again");
                    return;
                }
                error = "HTTP " + response.statusCode() + " from " + hop + ": " + Texts.cut(body, 200);
            }
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            log.warn("Could not send message {}", row.id(), e);
            error = e.toString();
        }
        try {
            outbox.failed(row, error);
        } catch (RuntimeException e) {
            // the claim lease runs out and the message is tried again
            log.warn("Could not record failed attempt of {}: {}", row.id(), e.toString());
        }
    }

    static URI inbox(URI endpoint) {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/network/inbox");
    }
}
