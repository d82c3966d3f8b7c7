package org.opensalw.tracing;

/** Whether this node asked (outbox) or was asked (inbox). */
public enum Direction { OUTGOING, INCOMING }
