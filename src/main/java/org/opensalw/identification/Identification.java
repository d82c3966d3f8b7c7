package org.opensalw.identification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opensalw.identification.internal.IdentificationIndex;
import org.opensalw.identification.internal.SerialForms;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * Finds the register records that may be a recovered weapon, from what is read on it, and records the outcome: the
 * weapon is the matched record (a found, seized or surrendered event on it) or is not registered (it is registered
 * with that origin and a national mark, ITI para 8 e).
 */
@Service
@Validated
@PreAuthorize("isAuthenticated()")
public class Identification {

    private static final int CANDIDATES = 10;

    private final IdentificationIndex index;
    private final RegistryManagement registry;

    Identification(IdentificationIndex index, RegistryManagement registry) {
        this.index = index;
        this.registry = registry;
    }

    /** Ranked candidates, best first, at most ten. */
    public Identified identify(@NotNull @Valid Reading reading) {
        if (reading.serial() == null || reading.serial().isBlank()) {
            throw UserFacingException.invalid("serial", "identification.serial.required");
        }
        return index.identify(reading, CANDIDATES);
    }

    public int indexedWeapons() {
        return index.size();
    }

    /** The recovered weapon is this registered one: records the recovery on it; returns the ledger sequence. */
    @PreAuthorize("hasRole('REGISTRAR')")
    public long recordAsMatched(@NotNull WeaponId weaponId, @NotNull @Valid Recovery recovery) {
        checkKind(recovery);
        return registry.recordEvent(weaponId, event(recovery, null));
    }

    /** The recovered weapon is not in the register: registers it as read, with the recovery and a national mark. */
    @PreAuthorize("hasRole('REGISTRAR')")
    public WeaponId recordAsUnregistered(@NotNull @Valid Reading reading, @NotNull @Valid Recovery recovery) {
        return recordAsUnregistered(reading, recovery, false);
    }

    /**
     * As {@link #recordAsUnregistered(Reading, Recovery)}; {@code confirmDistinct}: the registrar says it is another weapon
     * than the registered one of the same maker and serial (else such a reading is refused, naming that weapon).
     */
    @PreAuthorize("hasRole('REGISTRAR')")
    public WeaponId recordAsUnregistered(@NotNull @Valid Reading reading, @NotNull @Valid Recovery recovery, boolean confirmDistinct) {
        checkKind(recovery);
        if (reading.type() == null) {
            throw UserFacingException.invalid("type", "identification.type.required");
        }
        // '?' and '*' (and their other spellings) stand for what could not be read: registered, they would be dropped
        // from the normalised serial and leave another weapon's serial
        if (SerialForms.hasWildcards(SerialForms.clean(reading.serial()))) {
            throw UserFacingException.invalid("serial", "identification.serial.wildcard", reading.serial());
        }
        String mark = recovery.nationalMark() == null || recovery.nationalMark().isBlank()
                ? "NM-" + recovery.occurredOn().getYear() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT)
                : recovery.nationalMark().trim();
        MarkingInput national = new MarkingInput(MarkingKind.NATIONAL, mark, null, recovery.occurredOn().getYear());
        String makerCode = index.makerCode(reading.maker());
        WeaponDescription d = new WeaponDescription(reading.type(), makerCode, reading.maker(), reading.model(), reading.calibre(),
                reading.country(), reading.year(), reading.serial());
        try {
            return registry.register(new Registration(d, List.of(national), event(recovery, null), null, null, confirmDistinct));
        } catch (UserFacingException e) { // the register names the mark by its place among the markings; here it is the recovery's
            throw new UserFacingException(e.kind(), e.violations().stream().map(v -> "markings[0].text".equals(v.field())
                    ? new Violation("nationalMark", v.code(), v.args()) : v).toList());
        }
    }

    private static void checkKind(Recovery recovery) {
        if (!EventKind.RECOVERIES.contains(recovery.kind())) {
            throw UserFacingException.invalid("kind", "identification.kind.recovery", recovery.kind());
        }
    }

    private static EventCommand event(Recovery r, MarkingInput marking) {
        return new EventCommand(r.kind(), r.occurredOn(), r.place(), null, r.reference(), r.notes(), null, null, null, marking);
    }
}
