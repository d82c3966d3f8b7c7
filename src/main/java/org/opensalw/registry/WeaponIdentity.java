package org.opensalw.registry;

import org.opensalw.reference.WeaponType;

/** What identifies a weapon, for modules that match recovered weapons against the register (no personal data). */
public record WeaponIdentity(WeaponId id, WeaponType type, String makerCode, String makerAsMarked, String model, String calibre,
        String countryOfManufacture, Integer yearOfManufacture, String serialAsMarked, String serialNormalised, WeaponStatus status) {
}
