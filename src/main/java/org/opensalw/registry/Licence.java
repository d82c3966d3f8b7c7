package org.opensalw.registry;

import java.time.LocalDate;

public record Licence(LicenceId id, HolderId holderId, String number, LicenceKind kind, LocalDate validFrom,
        LocalDate validUntil, String issuingAuthority, LocalDate revokedOn, String revokedReason) {

    /** Valid on a day: issued, not expired and not revoked by then. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil))
                && (revokedOn == null || day.isBefore(revokedOn));
    }
}
