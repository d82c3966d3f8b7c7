package org.opensalw.assistance;

/** Where a funding call stands. */
public enum CallStatus {
    OPEN, SELECTED, CLOSED
}
