package org.opensalw.network;

/**
 * What a module asks the network to deliver. {@code conversationId} groups messages whose order matters (one
 * tracing request and its thread); {@code type} tells the receiving module what the JSON {@code payload} is.
 */
public record OutgoingMessage(NodeId recipient, String conversationId, String type, String payload) {
}
