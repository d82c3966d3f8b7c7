package org.opensalw.network;

import java.util.UUID;

/** Identifies one message across the network; the receiver processes each id once. */
public record MessageId(UUID value) {
    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }
}
