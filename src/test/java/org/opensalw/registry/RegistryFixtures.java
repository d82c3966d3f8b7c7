package org.opensalw.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opensalw.reference.WeaponType;

/** Small builders for registry tests: each test makes its own few records. */
public final class RegistryFixtures {

    private RegistryFixtures() {
    }

    static String uniqueSerial() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Registration importedRifle(String serial) {
        return new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm", "RU", 1985, serial),
                List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2001, 3, 4)).withCountry("RU"), null, null);
    }

    static HolderForm person(String name) {
        return new HolderForm(HolderKind.PERSON, name, "FR", LocalDate.of(1980, 2, 3), "ID-" + name.hashCode(), "1 rue Test", "+33 1", null, null);
    }
}
