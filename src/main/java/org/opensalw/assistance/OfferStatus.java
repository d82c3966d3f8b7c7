package org.opensalw.assistance;

/** Where an offer stands. */
public enum OfferStatus {
    OPEN, WITHDRAWN, CLOSED
}
