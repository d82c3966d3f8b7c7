package org.opensalw.registry;

import java.time.Instant;
import org.opensalw.reference.WeaponType;

/** A line of the weapon list. */
public record WeaponSummary(WeaponId id, WeaponType type, String makerCode, String makerAsMarked, String model,
        String calibre, String serialAsMarked, WeaponStatus status, String location, Instant lastEventAt) {
}
