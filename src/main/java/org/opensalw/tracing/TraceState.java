package org.opensalw.tracing;

/**
 * Where a request stands. Outgoing: DRAFT, SENT, DELIVERED, ACKNOWLEDGED, ANSWERED, CLOSED. Incoming: RECEIVED,
 * ACKNOWLEDGED (at once, automatically: ITI para 17 asks for an acknowledgement within a reasonable time), ANSWERED,
 * CLOSED. States only move forward; a late delivery report does not move an answered request back.
 */
public enum TraceState {
    DRAFT, SENT, DELIVERED, RECEIVED, ACKNOWLEDGED, ANSWERED, CLOSED;

    /** Waiting for an answer: counts for the reasonable time. */
    public boolean open() {
        return this == SENT || this == DELIVERED || this == RECEIVED || this == ACKNOWLEDGED;
    }

    public boolean before(TraceState other) {
        return ordinal() < other.ordinal();
    }
}
