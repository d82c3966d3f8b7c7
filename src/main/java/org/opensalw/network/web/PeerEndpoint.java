package org.opensalw.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.internal.Inbox;
import org.opensalw.network.internal.NodeKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What peers call, without a user: the inbox (a signed envelope in, an acknowledgement or a refusal out) and this
 * node's public keys, for admins of other nodes to take into their peer list.
 */
@RestController
@Tag(name = "Network (peers)", description = "Node-to-node endpoints, authenticated by signatures, not by users")
class PeerEndpoint {

    private static final int MAX_BODY = 30 * 1024 * 1024;

    private final Inbox inbox;
    private final NodeKeys keys;
    private final NodeNetwork network;

    PeerEndpoint(Inbox inbox, NodeKeys keys, NodeNetwork network) {
        this.inbox = inbox;
        this.keys = keys;
        this.network = network;
    }

    @PostMapping(path = "/network/inbox", consumes = {"application/jose", MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive an envelope (a compact JWS by the peer handing it over)",
            description = "200 with the message id when the message is held (a second delivery is acknowledged again); "
                    + "400 malformed or misaddressed, 401 bad signature or unknown key, 403 unknown peer, 413 larger than 30 MB"
                    + " (refused from its Content-Length, or as soon as that much was read: a larger body is never read whole).")
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            return tooLarge();
        }
        String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        try {
            Inbox.Ack ack = inbox.receive(body);
            return ResponseEntity.ok(Map.of("ack", ack.id().toString(), "duplicate", ack.duplicate(), "relayed", ack.relayed()));
        } catch (Inbox.RefusedException e) {
            inbox.recordRefusal(request.getRemoteAddr(), body, e);
            return ResponseEntity.status(e.status()).body(Map.of("error", e.reason(), "detail", e.getMessage()));
        }
    }

    private static ResponseEntity<Map<String, Object>> tooLarge() {
        return ResponseEntity.status(413).body(Map.of("error", "TOO_LARGE"));
    }

    @GetMapping(path = "/network/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "This node's public keys (JWK set): current ones and those within their grace period after a rotation")
    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject(true);
    }

    @GetMapping(path = "/network/node", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "This node's identity and public keys, as a peer's admin enters them")
    Map<String, Object> node() {
        var self = network.self();
        return Map.of("id", self.id().value(), "role", self.role().name(), "country", self.country() == null ? "" : self.country().value(),
                "name", self.name(), "endpoint", self.endpoint().toString(), "jwks", keys.publicKeys().toJSONObject(true));
    }
}
