package org.opensalw.tracing;

import java.util.UUID;

/** Published on the requesting node when an answer to one of its requests has arrived. */
public record TraceRequestAnswered(TraceId id, UUID weaponId, Outcome outcome, boolean originEstablished) {
}
