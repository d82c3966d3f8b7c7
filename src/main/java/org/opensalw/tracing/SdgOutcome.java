package org.opensalw.tracing;

/**
 * What became of a seized, found or surrendered weapon's illicit origin, as SDG indicator 16.4.2 disaggregates it (UN
 * metadata 2018): established by tracing, or by a competent authority (here: the national register held the weapon
 * lawfully before it was recovered, so its point of diversion is on record); or not (yet): tracing pending, traced
 * without the origin established, insufficient data to trace (no serial and no trace made), tracing not attempted.
 */
public enum SdgOutcome {
    TRACED, ESTABLISHED_BY_AUTHORITY, PENDING, NOT_TRACED, INSUFFICIENT_DATA, NOT_ATTEMPTED;

    /** In the numerator: the illicit origin or context is established. */
    public boolean established() {
        return this == TRACED || this == ESTABLISHED_BY_AUTHORITY;
    }
}
