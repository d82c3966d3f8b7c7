package org.opensalw.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensalw.network.NodeRole;

/**
 * One node of a test network: its id, role, country (none for a hub), the hub through which other nationals reach
 * it and it reaches them ({@code via}, null for direct), and extra application properties.
 * {@code NodeSpec.national("KE-NFP", "KE")}, {@code NodeSpec.hub("HUB-RECSA")}, {@code .via("HUB-RECSA")},
 * {@code .with("opensalw.network.retry-budget", "3")}.
 */
public record NodeSpec(String id, NodeRole role, String country, String via, Map<String, String> properties) {

    public static NodeSpec national(String id, String country) {
        return new NodeSpec(id, NodeRole.NATIONAL, country, null, Map.of());
    }

    public static NodeSpec hub(String id) {
        return new NodeSpec(id, NodeRole.HUB, null, null, Map.of());
    }

    /** Nationals reach each other through this hub when either of them names it. */
    public NodeSpec via(String hubId) {
        return new NodeSpec(id, role, country, hubId, properties);
    }

    public NodeSpec with(String property, String value) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(property, value);
        return new NodeSpec(id, role, country, via, Map.copyOf(p));
    }

    /** The hub X uses to reach Y, or null for direct: hubs and nodes talking to hubs are always direct. */
    static String route(NodeSpec from, NodeSpec to) {
        if (from.role() == NodeRole.HUB || to.role() == NodeRole.HUB) {
            return null;
        }
        return from.via() != null ? from.via() : to.via();
    }

    /** Command-line arguments of the node: identity, data directory, port and quick retries for tests. */
    public java.util.List<String> arguments(int port, String dataDir) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", String.valueOf(port));
        args.put("opensalw.data-dir", dataDir);
        args.put("opensalw.admin.password", NodeClient.ADMIN_PASSWORD);
        args.put("opensalw.node.id", id);
        args.put("opensalw.node.role", role.name());
        args.put("opensalw.node.country", country == null ? "" : country);
        args.put("opensalw.node.name", "Test node " + id);
        args.put("opensalw.node.endpoint", "http://127.0.0.1:" + port);
        args.put("opensalw.network.retry-base", "200ms");
        args.put("opensalw.network.max-delay", "2s");
        args.put("opensalw.network.poll-interval", "200ms");
        // long enough that a loaded machine does not time out a delivery that succeeds, and send it twice
        args.put("opensalw.network.request-timeout", "30s");
        args.put("opensalw.network.claim-lease", "15s");
        args.put("opensalw.embedded-db.pool-size", "10");
        // chosen like the web port, below the ephemeral range: left to PostgreSQL's starter, it is picked seconds before use
        args.put("opensalw.embedded-db.port", String.valueOf(Nodes.freePort()));
        // a kill -9 of the node (and its database) loses nothing committed without fsync; only a power cut would
        args.put("opensalw.embedded-db.fsync", "false");
        args.put("spring.main.banner-mode", "off");
        args.putAll(properties);
        return args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }
}
