package org.opensalw.identification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.opensalw.reference.WeaponType;

/**
 * What an investigator reads on a recovered weapon. In the serial, '?' is an unknown position and '*' an unreadable
 * run (a ground-off start or end); case, spaces and separators do not matter. Everything but the serial is optional;
 * the maker may be any name, alias, former name or factory code.
 */
public record Reading(@Size(max = 100) String serial, @Size(max = 200) String maker, @Size(max = 200) String model,
        @Size(max = 100) String calibre, WeaponType type, @Size(max = 2) String country, @Min(1800) @Max(2200) Integer year) {

    public static Reading serial(String serial) {
        return new Reading(serial, null, null, null, null, null, null);
    }

    public Reading withMaker(String m) {
        return new Reading(serial, m, model, calibre, type, country, year);
    }
}
