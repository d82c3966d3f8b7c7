package org.opensalw.registry;

import org.opensalw.reference.WeaponType;

/** Filters of the weapon list; null or blank means no filter. {@code serial} matches the start of the normalised serial; {@code holderId}: the weapons this holder holds. */
public record WeaponFilter(String serial, WeaponStatus status, WeaponType type, String makerCode, String country, java.util.UUID holderId) {

    public static WeaponFilter none() {
        return new WeaponFilter(null, null, null, null, null, null);
    }
}
