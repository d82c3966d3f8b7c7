package org.opensalw.registry;

import org.opensalw.reference.WeaponType;

/** Filters of the weapon list; null or blank means no filter. {@code serial} matches the start of the normalised serial. */
public record WeaponFilter(String serial, WeaponStatus status, WeaponType type, String makerCode, String country) {

    public static WeaponFilter none() {
        return new WeaponFilter(null, null, null, null, null);
    }
}
