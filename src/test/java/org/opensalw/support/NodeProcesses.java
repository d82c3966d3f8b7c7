package org.opensalw.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nodes as separate operating-system processes ({@code java -cp <this test run's classpath> OpenSalwApplication …}),
 * each with its own embedded PostgreSQL and data directory under target/node-processes/, wired like {@link Nodes}.
 * {@link Node#kill()} is a {@code kill -9} of the node and of its database processes (a crash of the processes; the operating system keeps what they wrote);
 * {@link Node#start()} brings it back on the same data directory and port. Logs: {@code <data dir>.log}.
 */
public final class NodeProcesses implements AutoCloseable {

    /** One node process. */
    public static final class Node {
        private final NodeSpec spec;
        private final int port;
        private final Path dataDir;
        private final List<String> jvmOptions;
        private Process process;
        private int starts;

        Node(NodeSpec spec, int port, Path dataDir, List<String> jvmOptions) {
            this.spec = spec;
            this.port = port;
            this.dataDir = dataDir;
            this.jvmOptions = jvmOptions;
        }

        public String id() {
            return spec.id();
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

        public long pid() {
            return process.pid();
        }

        /** Starts the process (does not wait; see {@link #awaitUp}). */
        public synchronized void start() {
            if (process != null && process.isAlive()) {
                return;
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.opensalw.OpenSalwApplication");
            command.addAll(spec.arguments(port, dataDir.toString()));
            try {
                Files.createDirectories(dataDir.getParent());
                File log = dataDir.resolveSibling(spec.id() + ".log").toFile();
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
                starts++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void awaitUp(Duration timeout) {
            NodeClient client = client();
            Nodes.await(timeout, id() + " up", () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(id() + " exited with " + process.exitValue() + ", see " + dataDir + ".log");
                }
                return client.up();
            });
        }

        /**
         * kill -9 of the application and of its database (the postmaster and its backends, which run detached from
         * the JVM): a crash of the processes, not of the machine (the operating system keeps what they wrote).
         */
        public synchronized void kill() {
            List<ProcessHandle> victims = new ArrayList<>();
            victims.add(process.toHandle());
            victims.addAll(process.descendants().toList());
            postmaster().ifPresent(pg -> {
                victims.add(pg);
                victims.addAll(pg.descendants().toList());
            });
            victims.forEach(ProcessHandle::destroyForcibly);
            try {
                for (ProcessHandle v : victims) {
                    v.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The JDBC URL of the node's embedded PostgreSQL while it runs (its port is the 4th line of postmaster.pid). */
        public String jdbcUrl() {
            try {
                List<String> lines = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
                return "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres?user=postgres";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The node's PostgreSQL server process, from its postmaster.pid. */
        java.util.Optional<ProcessHandle> postmaster() {
            Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
            try {
                if (!Files.exists(pid)) {
                    return java.util.Optional.empty();
                }
                return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.empty();
            }
        }

        /** Stops the node as an operator would (SIGTERM: the application closes, then its database). */
        public synchronized void stop() {
            if (process == null || !process.isAlive()) {
                return;
            }
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            // the application stops its database; if it could not, do it here
            postmaster().ifPresent(pg -> {
                pg.destroy();
                try {
                    pg.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    pg.destroyForcibly();
                }
            });
        }

        public int starts() {
            return starts;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private NodeProcesses() {
    }

    /** Starts the nodes in parallel, waits for them and wires them. */
    public static NodeProcesses start(List<String> jvmOptions, NodeSpec... specs) {
        NodeProcesses result = new NodeProcesses();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (NodeSpec spec : specs) {
            result.nodes.put(spec.id(), new Node(spec, Nodes.freePort(),
                    Path.of("target", "node-processes", run, spec.id()).toAbsolutePath(), jvmOptions));
        }
        try {
            result.nodes.values().forEach(Node::start);
            result.nodes.values().forEach(n -> n.awaitUp(Duration.ofMinutes(5)));
            Nodes.wire(result.nodes.values().stream().map(n -> new Nodes.Member(n.spec, n.client())).toList());
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return result;
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    @Override
    public void close() {
        nodes.values().forEach(n -> {
            try {
                n.stop();
            } catch (RuntimeException e) {
                // the others still
            }
        });
    }
}
