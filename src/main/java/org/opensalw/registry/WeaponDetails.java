package org.opensalw.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opensalw.reference.SalwClass;
import org.opensalw.reference.WeaponType;

/** Everything the weapon page shows. */
public record WeaponDetails(WeaponId id, WeaponType type, SalwClass salwClass, String makerCode, String makerName,
        String makerAsMarked, String model, String calibre, String countryOfManufacture, Integer yearOfManufacture,
        String serialAsMarked, String serialNormalised, WeaponStatus status, UUID holderId, String holderName,
        HolderKind holderKind, String location, UUID batchId, Instant registeredAt, String registeredBy,
        List<Marking> markings, List<PhotoInfo> photos, List<TimelineEntry> timeline) {
}
