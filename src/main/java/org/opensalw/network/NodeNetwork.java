package org.opensalw.network;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opensalw.shared.CountryCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node's face to the network. {@link #send} only records the message in the outbox, in the caller's
 * transaction, so a message exists exactly when the business change that caused it was committed; delivery
 * happens afterwards and is reported by {@link MessageDelivered} or {@link MessageUndeliverable}. Messages from
 * peers arrive as {@link MessageReceived} events.
 *
 * <p>Contract first version: the outbox is written, delivery, keys and peers' trust come with the network issue.
 */
@Service
public class NodeNetwork {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NodeInfo self;

    NodeNetwork(JdbcClient jdbc, Clock clock,
            @Value("${opensalw.node.id:NODE-LOCAL}") String id,
            @Value("${opensalw.node.role:NATIONAL}") NodeRole role,
            @Value("${opensalw.node.country:}") String country,
            @Value("${opensalw.node.name}") String name,
            @Value("${opensalw.node.endpoint:http://localhost:8080}") URI endpoint) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.self = new NodeInfo(new NodeId(id), role, CountryCode.parse(country), name, endpoint);
    }

    public NodeInfo self() {
        return self;
    }

    /** The peers this node trusts, directly or through a hub. */
    public List<NodeInfo> peers() {
        return List.of();
    }

    public Optional<NodeInfo> peer(NodeId id) {
        return peers().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The national node of a country, if this node knows one (to address a trace to a country of manufacture). */
    public Optional<NodeInfo> nationalNodeOf(CountryCode country) {
        return peers().stream().filter(p -> p.role() == NodeRole.NATIONAL && country.equals(p.country())).findFirst();
    }

    /** Queues a message for delivery, in the caller's transaction. */
    @Transactional
    public MessageId send(OutgoingMessage message) {
        MessageId id = MessageId.random();
        jdbc.sql("""
                INSERT INTO network_outbox (id, recipient, conversation_id, type, payload, created_at)
                VALUES (:id, :recipient, :conversation, :type, :payload, :now)""")
                .param("id", id.value())
                .param("recipient", message.recipient().value())
                .param("conversation", message.conversationId())
                .param("type", message.type())
                .param("payload", message.payload())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        return id;
    }
}
