package org.opensalw.network;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.opensalw.shared.CountryCode;
import org.springframework.beans.factory.annotation.Value;
import org.opensalw.network.internal.Outbox;
import org.opensalw.network.internal.Peers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node's face to the network. {@link #send} only records the message in the outbox, in the caller's
 * transaction, so a message exists exactly when the business change that caused it was committed; delivery
 * happens afterwards and is reported by {@link MessageDelivered} or {@link MessageUndeliverable}. Messages from
 * peers arrive as {@link MessageReceived} events.
 *
 * <p>How messages travel (envelopes, keys, retries, configuration): docs/network.md.
 */
@Service
public class NodeNetwork {

    private final Outbox outbox;
    private final Peers peers;
    private final NodeInfo self;
    /** The longest node name: peers refuse longer ones in messages (tracing answers carry the answering node's name). */
    public static final int NAME_CHARS = 200;

    NodeNetwork(Outbox outbox, Peers peers,
            @Value("${opensalw.node.id:NODE-LOCAL}") String id,
            @Value("${opensalw.node.role:NATIONAL}") NodeRole role,
            @Value("${opensalw.node.country:}") String country,
            @Value("${opensalw.node.name}") String name,
            @Value("${opensalw.node.endpoint:http://localhost:8080}") URI endpoint) {
        this.outbox = outbox;
        this.peers = peers;
        if (name.length() > NAME_CHARS) { // peers take a node's name of at most this length in what it sends
            throw new IllegalArgumentException("opensalw.node.name has " + name.length() + " characters; at most " + NAME_CHARS
                    + " are allowed, since other nodes refuse a longer name in a message");
        }
        this.self = new NodeInfo(new NodeId(id), role, CountryCode.parse(country), name, endpoint);
    }

    public NodeInfo self() {
        return self;
    }

    /** The peers this node trusts, directly or through a hub. */
    public List<NodeInfo> peers() {
        return peers.list().stream().map(Peers.Peer::info).toList();
    }

    public Optional<NodeInfo> peer(NodeId id) {
        return peers.info(id);
    }

    /** The national node of a country, if this node knows one (to address a trace to a country of manufacture). */
    public Optional<NodeInfo> nationalNodeOf(CountryCode country) {
        return peers().stream().filter(p -> p.role() == NodeRole.NATIONAL && country.equals(p.country())).findFirst();
    }

    /** The hub through which a peer is reached, empty when it is reached directly (or unknown). */
    public Optional<NodeId> via(NodeId peer) {
        return peers.via(peer);
    }

    /**
     * Queues a message for delivery, in the caller's transaction; the sender is woken when it commits. Messages of
     * one (recipient, conversation) are delivered in the order they were sent.
     */
    @Transactional
    public MessageId send(OutgoingMessage message) {
        if (message.recipient().equals(self.id())) {
            throw new IllegalArgumentException("A node does not send messages to itself");
        }
        return outbox.queue(message.recipient(), message.conversationId(), message.type(), message.payload());
    }
}
