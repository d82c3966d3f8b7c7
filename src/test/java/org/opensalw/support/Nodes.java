package org.opensalw.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.opensalw.OpenSalwApplication;
import org.opensalw.network.NodeRole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several complete OpenSALW nodes in this JVM, each with its own embedded PostgreSQL (under target/nodes/), its
 * own port and identity, all trusting each other (keys exchanged through their admin API, routes as the specs
 * say). A node can be stopped and started again on the same data directory and port.
 *
 * <pre>
 * try (Nodes nodes = Nodes.start(NodeSpec.national("KE-NFP", "KE"), NodeSpec.national("UG-NFP", "UG").via("HUB-RECSA"),
 *         NodeSpec.hub("HUB-RECSA"))) {
 *     nodes.node("KE-NFP").bean(NodeNetwork.class).send(...);
 *     nodes.node("UG-NFP").client().receivedTestMessages(null);
 *     nodes.node("UG-NFP").stop(); ... nodes.node("UG-NFP").start();
 * }
 * </pre>
 */
public final class Nodes implements AutoCloseable {

    /** One node: its context while running, its port and data directory for good. */
    public static final class Node {
        private final NodeSpec spec;
        private final int port;
        private final String dataDir;
        private ConfigurableApplicationContext context;

        Node(NodeSpec spec, int port, String dataDir) {
            this.spec = spec;
            this.port = port;
            this.dataDir = dataDir;
        }

        public String id() {
            return spec.id();
        }

        public NodeSpec spec() {
            return spec;
        }

        public int port() {
            return port;
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public NodeClient client() {
            return new NodeClient(url());
        }

        public ConfigurableApplicationContext context() {
            if (context == null) {
                throw new IllegalStateException(id() + " is stopped");
            }
            return context;
        }

        public <T> T bean(Class<T> type) {
            return context().getBean(type);
        }

        /** The node's own database. */
        public JdbcTemplate jdbc() {
            return bean(JdbcTemplate.class);
        }

        public boolean running() {
            return context != null && context.isRunning();
        }

        /** Starts (or starts again) the node on its data directory and port. */
        public synchronized void start() {
            if (context != null) {
                return;
            }
            context = new SpringApplicationBuilder(OpenSalwApplication.class).run(spec.arguments(port, dataDir).toArray(String[]::new));
        }

        /** Stops the node as a shutdown does (outbox sender, web server, database). */
        public synchronized void stop() {
            if (context != null) {
                context.close();
                context = null;
            }
        }

        public void restart() {
            stop();
            start();
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private Nodes() {
    }

    /** Starts the nodes (one after the other) and makes each trust the others. */
    public static Nodes start(NodeSpec... specs) {
        Nodes result = new Nodes();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (NodeSpec spec : specs) {
            result.nodes.put(spec.id(), new Node(spec, freePort(), Path.of("target", "nodes", run, spec.id()).toAbsolutePath().toString()));
        }
        try {
            result.nodes.values().forEach(Node::start);
            wire(result.nodes.values().stream().map(n -> new Member(n.spec(), n.client())).toList());
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return result;
    }

    public Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("No node " + id);
        }
        return n;
    }

    public List<Node> all() {
        return List.copyOf(nodes.values());
    }

    @Override
    public void close() {
        List<Node> reverse = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reverse);
        for (Node n : reverse) {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // stop the others anyway
            }
        }
    }

    /** A node to wire, whatever runs it (this JVM or its own process). */
    public record Member(NodeSpec spec, NodeClient client) {
    }

    /** Makes every member trust every other, hubs first so routes through them can be named. */
    public static void wire(List<Member> members) {
        Map<String, String> keys = new LinkedHashMap<>();
        members.forEach(m -> keys.put(m.spec().id(), m.client().jwks()));
        List<Member> hubsFirst = members.stream()
                .sorted(Comparator.comparing((Member m) -> m.spec().role() != NodeRole.HUB)).toList();
        for (Member m : members) {
            for (Member peer : hubsFirst) {
                if (peer != m) {
                    m.client().trust(peer.spec(), peer.client().url(), keys.get(peer.spec().id()), NodeSpec.route(m.spec(), peer.spec()));
                }
            }
        }
    }

    /** Ports handed out by {@link #freePort()} in this JVM, never handed out twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port no one listens on, for a node to bind later. It is taken below Linux's ephemeral range (32768 and up):
     * a port from {@code new ServerSocket(0)} is free only until the next ephemeral allocation, and each node's
     * embedded PostgreSQL and every outgoing connection take one, so a node started after another could find its
     * port taken (CI saw "Failed to start bean 'webServerStartStop'").
     */
    public static int freePort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(20000, 32000);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the condition holds, checking every 50 ms. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
