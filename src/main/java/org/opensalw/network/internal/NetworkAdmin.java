package org.opensalw.network.internal;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensalw.identity.AuditTrail;
import org.opensalw.network.MessageId;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.shared.UserFacingException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What an administrator does with the network (UI and API alike): status, peers, keys, retries, test messages. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class NetworkAdmin {

    /** Everything the status page shows. */
    public record Status(NodeInfo self, List<NodeKeys.KeyInfo> keys, List<Peers.Peer> peers, Map<String, Long> counts,
            List<Outbox.Item> queued, List<Outbox.Item> undeliverable, List<Outbox.Item> delivered, List<Inbox.Received> received,
            long receivedCount, List<Inbox.Refusal> refusals) {
    }

    private final NodeNetwork network;
    private final NodeKeys keys;
    private final Peers peers;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Pings pings;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    NetworkAdmin(NodeNetwork network, NodeKeys keys, Peers peers, Outbox outbox, Inbox inbox, Pings pings, AuditTrail audit, Clock clock,
            TransactionTemplate tx) {
        this.network = network;
        this.keys = keys;
        this.peers = peers;
        this.outbox = outbox;
        this.inbox = inbox;
        this.pings = pings;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Status status() {
        return new Status(network.self(), keys.list(), peers.list(), outbox.counts(), outbox.list("QUEUED", 100),
                outbox.list("UNDELIVERABLE", 100), outbox.list("DELIVERED", 20), inbox.received(20), inbox.receivedCount(),
                inbox.refusals(50));
    }

    public List<Peers.Peer> peers() {
        return peers.list();
    }

    public Peers.Peer peer(String id) {
        return peers.find(nodeId(id)).orElseThrow(() -> UserFacingException.notFound("peer", id));
    }

    @Transactional
    public Peers.Peer savePeer(Peers.PeerForm form) {
        Peers.Peer saved = peers.save(form, "ADMIN");
        audit.recordWrite("network.peer.save", "peer", saved.id().value(),
                saved.info().endpoint() + (saved.via() == null ? "" : " via " + saved.via()) + " keys "
                        + saved.keys().stream().filter(Peers.PeerKey::usable).map(Peers.PeerKey::kid).toList());
        outbox.wakeAfterCommit();
        return saved;
    }

    @Transactional
    public void deletePeer(String id) {
        peers.delete(nodeId(id));
        audit.recordWrite("network.peer.delete", "peer", id, null);
    }

    @Transactional
    public void retirePeerKey(String id, String kid) {
        peers.retireKey(nodeId(id), kid);
        audit.recordWrite("network.peer.retireKey", "peer", id, kid);
    }

    /**
     * Fetches the peer's published key set from its endpoint and takes it as the peer's keys. The fetch is made outside
     * any transaction (a slow peer would hold a database connection, and locks, for as long); the keys are stored after
     * it, in one transaction, on the peer as it is then.
     */
    public Peers.Peer refreshPeerKeys(String id) {
        String jwks = fetchKeys(peer(id).info().endpoint());
        return tx.execute(status -> {
            Peers.Peer peer = peer(id);
            NodeInfo i = peer.info();
            return savePeer(new Peers.PeerForm(i.id().value(), i.role(), i.country() == null ? null : i.country().value(), i.name(),
                    i.endpoint().toString(), peer.via() == null ? null : peer.via().value(), jwks));
        });
    }

    /** The key set published at the endpoint, at most 64 KB of it (a key set is about 1 KB). */
    private static String fetchKeys(URI endpoint) {
        URI uri = URI.create(endpoint.toString().replaceAll("/$", "") + "/network/jwks");
        ResponseBodies.Body body;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            body = ResponseBodies.read(r);
            if (r.statusCode() != 200) {
                throw UserFacingException.invalid("jwks", "network.peer.jwks.unreachable", uri.toString());
            }
        } catch (java.io.IOException e) {
            throw UserFacingException.invalid("jwks", "network.peer.jwks.unreachable", endpoint.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (body.cut()) {
            throw UserFacingException.invalid("jwks", "network.peer.jwks.tooLarge", uri.toString(), ResponseBodies.LIMIT / 1024);
        }
        return body.text();
    }

    @Transactional
    public void rotateKeys() {
        keys.rotate();
        audit.recordWrite("network.keys.rotate", "node", network.self().id().value(), keys.signingKey().getKeyID());
    }

    public JWKSet publicKeys() {
        return keys.publicKeys();
    }

    @Transactional
    public void retry(UUID messageId) {
        if (!outbox.retry(messageId)) {
            throw UserFacingException.notFound("message", messageId);
        }
        audit.recordWrite("network.message.retry", "message", messageId, null);
    }

    /** Queues a test message ("network.ping") to a peer, to check a link end to end. */
    @Transactional
    public MessageId sendTestMessage(String recipient, String conversationId) {
        NodeId to = nodeId(recipient);
        if (peers.info(to).isEmpty()) {
            throw UserFacingException.invalid("recipient", "network.peer.unknown", recipient);
        }
        String conversation = conversationId == null || conversationId.isBlank() ? "ping-" + UUID.randomUUID() : conversationId;
        return network.send(new OutgoingMessage(to, conversation, Pings.TYPE, "{\"at\":\"" + clock.instant() + "\"}"));
    }

    public List<Pings.Ping> pings(String sender) {
        return pings.list(sender);
    }

    public Outbox.Item message(UUID id) {
        return outbox.find(id).orElseThrow(() -> UserFacingException.notFound("message", id));
    }

    private static NodeId nodeId(String id) {
        try {
            return new NodeId(id);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.notFound("peer", id);
        }
    }
}
