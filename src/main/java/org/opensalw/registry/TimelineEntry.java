package org.opensalw.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a weapon's or holder's history, with the correction that voided it if any. {@code holderName} is
 * null when the viewer may not see it (a person's name is personal data).
 */
public record TimelineEntry(long seq, EventKind kind, LocalDate occurredOn, String place, String actor, String reference,
        String notes, UUID holderId, String holderName, UUID licenceId, String country, String details, Long voidsSeq,
        Instant recordedAt, String recordedBy, String hash, Voiding voidedBy) {

    /** The correction that voided an entry: who, when, why. */
    public record Voiding(long seq, Instant recordedAt, String recordedBy, String reason) {
    }

    public boolean voided() {
        return voidedBy != null;
    }
}
