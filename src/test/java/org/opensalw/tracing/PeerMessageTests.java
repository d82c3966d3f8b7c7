package org.opensalw.tracing;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opensalw.network.NodeRole;
import org.opensalw.network.internal.Peers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the tests of messages received from peer nodes share: the beans they use, the requesting node KE-NFP trusted
 * before each test (a request is only taken from a known national node), the requested node RU-NCB too (a request is
 * only sent to a peer), and the peers a test trusted forgotten after it, so the shared test context is left as it was.
 */
abstract class PeerMessageTests {

    @Autowired
    TracingManagement tracing;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Peers peers;

    /** The peers the tests of the class may trust, forgotten after each test. */
    List<String> peersUsed() {
        return List.of("KE-NFP");
    }

    @BeforeEach
    void trustTheRequestingNode() {
        TracingFixtures.trust(peers, "KE-NFP", NodeRole.NATIONAL, "KE", "Kenya NFP");
        TracingFixtures.trustTheRequestedNode(peers);
    }

    @AfterEach
    void forgetPeers() {
        peersUsed().forEach(peer -> TracingFixtures.forget(peers, peer));
        TracingFixtures.forget(peers, TracingFixtures.REQUESTED);
    }
}
