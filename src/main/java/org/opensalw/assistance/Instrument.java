package org.opensalw.assistance;

/** The instrument a national report answers; PoA and ITI reports are biennial and may be combined. */
public enum Instrument {
    POA, ITI, COMBINED
}
