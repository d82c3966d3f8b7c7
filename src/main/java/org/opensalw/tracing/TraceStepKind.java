package org.opensalw.tracing;

/** One recorded step of a request's life; messages of the thread are steps with a body. */
public enum TraceStepKind {
    DRAFTED, EDITED, SENT, DELIVERED, UNDELIVERABLE, RECEIVED, ACKNOWLEDGED, ACKNOWLEDGEMENT_RECEIVED, ANSWERED,
    ANSWER_RECEIVED, MESSAGE_SENT, MESSAGE_RECEIVED, REMINDED, CLOSED;

    public boolean message() {
        return this == MESSAGE_SENT || this == MESSAGE_RECEIVED;
    }
}
