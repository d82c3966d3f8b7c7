package org.opensalw.tracing;

import java.time.Instant;

/** A step of a request's life: what, when, who (a user, or the node that sent it), and the text of a message. */
public record TraceStep(TraceStepKind kind, Instant at, String username, String body) {
}
