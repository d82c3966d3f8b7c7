package org.opensalw.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.shared.Violation;

/**
 * What identifies a weapon must not already identify another one (ITI para 8 e: a unique mark). A national mark names
 * one weapon: a second weapon with it is refused. The same maker and serial usually name one weapon too, but serials
 * are not always unique (makers reuse them across models and decades), so a second one is refused unless the registrar
 * says it is another weapon. Callers hold the ledger head while they check and write, so two registrations at once are
 * checked one after the other and cannot both take the same mark.
 */
public final class SameIdentity {

    /** A registered weapon with the same identity, and what it is registered with. */
    public record Taken(UUID weaponId, String serialAsMarked, String maker) {
    }

    private final WeaponStore weapons;

    public SameIdentity(WeaponStore weapons) {
        this.weapons = weapons;
    }

    /** Each national mark of the registration (its own markings, or the origin's) that another weapon carries. */
    public List<Violation> nationalMarksTaken(Registration r) {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < r.markings().size(); i++) {
            nationalMarkTaken(r.markings().get(i), null, "markings[" + i + "].text").ifPresent(found::add);
        }
        if (r.origin() != null) {
            nationalMarkTaken(r.origin().marking(), null, "origin.marking.text").ifPresent(found::add);
        }
        return found;
    }

    /** The refusal of a national mark that a weapon other than {@code weaponId} (null: any) carries, named by its field. */
    public Optional<Violation> nationalMarkTaken(MarkingInput m, UUID weaponId, String field) {
        if (m == null || m.kind() != MarkingKind.NATIONAL || m.text() == null || m.text().isBlank()) {
            return Optional.empty();
        }
        String mark = m.text().trim();
        Map<String, UUID> holders = weapons.nationalMarkHolders(List.of(mark));
        UUID holder = holders.get(mark);
        return holder == null || holder.equals(weaponId) ? Optional.empty()
                : Optional.of(Violation.of(field, "marking.national.taken", mark, holder));
    }

    /** A registered weapon of the same maker with the same normalised serial as the description, if any. */
    public Optional<Taken> sameMakerAndSerial(WeaponDescription d) {
        String code = d.makerCode() == null || d.makerCode().isBlank() ? null : d.makerCode().trim().toUpperCase(Locale.ROOT);
        return weapons.sameMakerAndSerial(code, d.makerAsMarked(), SerialNumbers.normalise(d.serial()))
                .map(w -> new Taken(w.id(), w.serialAsMarked(), w.makerCode() != null ? w.makerCode() : w.makerAsMarked()));
    }

    /** The refusal of a serial another weapon of the same maker has, unless the registrar confirmed it is another weapon. */
    public static Violation serialTaken(Taken t) {
        return Violation.of("serial", Registration.SAME_SERIAL, t.serialAsMarked(), t.maker(), t.weaponId());
    }
}
