package org.opensalw.network;

import java.time.Instant;

/** Published once per message accepted from a peer (signature checked, decrypted, not seen before). */
public record MessageReceived(MessageId id, NodeId sender, String conversationId, String type, String payload,
        Instant sentAt) {
}
