package org.opensalw.registry;

/** What a ledger entry records. The first group are lifecycle events a registrar records. */
public enum EventKind {
    MANUFACTURED, IMPORTED, EXPORTED, TRANSFERRED, LICENSED, LICENCE_REVOKED, REPORTED_LOST, REPORTED_STOLEN,
    FOUND, SEIZED, SURRENDERED, RECOVERED, MARKED, DEACTIVATED, DESTROYED,
    /** The record was created: a snapshot of the weapon's description. */
    REGISTERED,
    /** A photo of the markings was added (its SHA-256 is in the entry). */
    PHOTO_ADDED,
    /** A correction: voids an earlier entry, with who, when and why. */
    VOIDED,
    /** Holder and licence history. */
    HOLDER_REGISTERED, HOLDER_UPDATED, LICENCE_ISSUED, LICENCE_CANCELLED;

    /** Kinds a registrar records on a weapon with the event form (and the API). */
    public static final java.util.List<EventKind> LIFECYCLE = java.util.List.of(MANUFACTURED, IMPORTED, EXPORTED,
            TRANSFERRED, LICENSED, LICENCE_REVOKED, REPORTED_LOST, REPORTED_STOLEN, FOUND, SEIZED, SURRENDERED,
            RECOVERED, MARKED, DEACTIVATED, DESTROYED);

    /** A weapon comes into state hands from outside lawful possession: the recoveries of SDG 16.4.2 and of the watch list. */
    public static final java.util.List<EventKind> RECOVERIES = java.util.List.of(SEIZED, FOUND, SURRENDERED);

    /** Where a weapon leaves lawful hands, or the country: the point of diversion a trace looks for. */
    public static final java.util.List<EventKind> DIVERSIONS = java.util.List.of(REPORTED_LOST, REPORTED_STOLEN, EXPORTED);

    /** Kinds that may open a weapon's history when it is registered. */
    public static final java.util.List<EventKind> ORIGINS = java.util.List.of(MANUFACTURED, IMPORTED, FOUND, SEIZED, SURRENDERED);

    /**
     * A lifecycle event that shows the weapon in lawful hands (made, imported, transferred, licensed, deactivated...):
     * not a diversion, not a recovery (nor its return, {@code RECOVERED}), not a marking, which says nothing of who held it.
     * Tracing answers and SDG 16.4.2 read a weapon's history with this one definition.
     */
    public boolean isLawfulHolding() {
        return LIFECYCLE.contains(this) && !DIVERSIONS.contains(this) && !RECOVERIES.contains(this) && this != RECOVERED && this != MARKED;
    }

    public boolean needsHolder() {
        return this == TRANSFERRED;
    }

    public boolean needsCountry() {
        return this == IMPORTED || this == EXPORTED;
    }

    public boolean needsLicence() {
        return this == LICENSED || this == LICENCE_REVOKED;
    }

    public boolean needsMarking() {
        return this == MARKED;
    }
}
