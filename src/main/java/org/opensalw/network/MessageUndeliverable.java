package org.opensalw.network;

/** Published when a message has used its retry budget; it stays listed for a person to act on. */
public record MessageUndeliverable(MessageId id, NodeId recipient, String conversationId, String type, String lastError) {
}
