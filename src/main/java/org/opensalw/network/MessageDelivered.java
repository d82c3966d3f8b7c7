package org.opensalw.network;

import java.time.Instant;

/** Published when the recipient (or the hub relaying to it) has acknowledged a message. */
public record MessageDelivered(MessageId id, NodeId recipient, String conversationId, String type, Instant deliveredAt) {
}
