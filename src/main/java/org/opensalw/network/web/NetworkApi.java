package org.opensalw.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensalw.network.NodeRole;
import org.opensalw.network.internal.NetworkAdmin;
import org.opensalw.network.internal.Outbox;
import org.opensalw.network.internal.Peers;
import org.opensalw.network.internal.Pings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The network for administrators, as JSON: status, peers and their keys, key rotation, retries, test messages. */
@RestController
@Tag(name = "Network", description = "This node, its peers and the messages between them (administrators)")
class NetworkApi {

    /** A peer as entered: jwks is the peer's public JWK set as JSON text (from its GET /network/jwks); null keeps the keys. */
    record PeerInput(NodeRole role, String country, String name, String endpoint, String via, String jwks) {
    }

    record TestMessage(String recipient, String conversationId) {
    }

    record Sent(UUID id) {
    }

    private final NetworkAdmin admin;

    NetworkApi(NetworkAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/network/status")
    @Operation(summary = "This node, its keys, peers (last contact, keys), message counts by status, waiting, undeliverable "
            + "and recent messages, recent refusals")
    NetworkAdmin.Status status() {
        return admin.status();
    }

    @GetMapping("/api/network/peers")
    @Operation(summary = "The peers this node trusts")
    List<Peers.Peer> peers() {
        return admin.peers();
    }

    @GetMapping("/api/network/peers/{id}")
    @Operation(summary = "One peer with its keys")
    Peers.Peer peer(@PathVariable String id) {
        return admin.peer(id);
    }

    @PutMapping("/api/network/peers/{id}")
    @Operation(summary = "Add or change a peer", description = "Keys in jwks are added; keys of the peer no longer in it stay "
            + "accepted for the grace period (opensalw.network.key-grace), then are retired. via: the hub's id, or empty for direct.")
    Peers.Peer savePeer(@PathVariable String id, @RequestBody PeerInput in) {
        return admin.savePeer(new Peers.PeerForm(id, in.role(), in.country(), in.name(), in.endpoint(), in.via(), in.jwks()));
    }

    @DeleteMapping("/api/network/peers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop trusting a peer")
    void deletePeer(@PathVariable String id) {
        admin.deletePeer(id);
    }

    @PostMapping("/api/network/peers/{id}/refresh-keys")
    @Operation(summary = "Take the peer's keys from its GET /network/jwks (compare the fingerprints with its admin)")
    Peers.Peer refreshKeys(@PathVariable String id) {
        return admin.refreshPeerKeys(id);
    }

    @PostMapping("/api/network/peers/{id}/keys/{kid}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop accepting one of a peer's keys now")
    void retireKey(@PathVariable String id, @PathVariable String kid) {
        admin.retirePeerKey(id, kid);
    }

    @PostMapping("/api/network/keys/rotate")
    @Operation(summary = "Rotate this node's keys: new keys are used at once, the previous ones stay valid for the grace period")
    Map<String, Object> rotate() {
        admin.rotateKeys();
        return admin.publicKeys().toJSONObject(true);
    }

    @PostMapping("/api/network/messages/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Send an undeliverable (or waiting) message again, with a fresh retry budget")
    void retry(@PathVariable UUID id) {
        admin.retry(id);
    }

    @GetMapping("/api/network/messages/{id}")
    @Operation(summary = "An outgoing message's delivery state")
    Outbox.Item message(@PathVariable UUID id) {
        return admin.message(id);
    }

    @PostMapping("/api/network/test-message")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a test message (network.ping) to a peer, to check the link end to end")
    Sent testMessage(@RequestBody TestMessage in) {
        return new Sent(admin.sendTestMessage(in.recipient(), in.conversationId()).value());
    }

    @GetMapping("/api/network/test-messages/received")
    @Operation(summary = "Test messages this node processed, one entry per processing, with when they were sent and processed")
    List<Pings.Ping> pings(@RequestParam(required = false) String sender) {
        return admin.pings(sender);
    }
}
