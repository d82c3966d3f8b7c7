package org.opensalw.assistance;

/** What an offer brings. */
public enum OfferKind {
    FUNDING, EXPERTISE, EQUIPMENT, TRAINING
}
