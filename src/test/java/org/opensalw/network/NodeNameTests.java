package org.opensalw.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A node's own name is held at start to what its peers take in a message, so its answers are never refused for it. */
class NodeNameTests {

    @Test
    void shouldRefuseToStartWithANameItsPeersWouldRefuse() {
        URI endpoint = URI.create("http://localhost:8080");
        assertThat(new NodeNetwork(null, null, "KE-NFP", NodeRole.NATIONAL, "KE", "n".repeat(NodeNetwork.NAME_CHARS), endpoint)
                .self().name()).hasSize(NodeNetwork.NAME_CHARS);
        assertThatThrownBy(() -> new NodeNetwork(null, null, "KE-NFP", NodeRole.NATIONAL, "KE", "n".repeat(NodeNetwork.NAME_CHARS + 1), endpoint))
                .hasMessageContaining("opensalw.node.name has 201 characters; at most 200");
    }
}
