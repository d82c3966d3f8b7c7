package org.opensalw.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.shared.Violation;

class RegistrationRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static Registration weapon(String serial, Integer year, List<MarkingInput> markings, EventCommand origin) {
        return new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "ZASTAVA", null, "M70", "7.62x39mm", "RS", year, serial),
                markings, origin, null, null);
    }

    private static List<String> codes(Registration r, boolean makerKnown, boolean countryKnown) {
        return RegistrationRules.check(new RegistrationRules.Context(r, TODAY, makerKnown, countryKnown, true)).stream().map(Violation::code).toList();
    }

    @Test
    void shouldAcceptACompleteRegistration() {
        assertThat(codes(weapon("A123", 1990, List.of(), null), true, true)).isEmpty();
    }

    @Test
    void shouldRequireSerialOrNationalMark() {
        assertThat(codes(weapon(" ", 1990, List.of(), null), true, true)).containsExactly("weapon.serial.required");
        assertThat(codes(weapon(null, 1990, List.of(new MarkingInput(MarkingKind.NATIONAL, "NAT-0001", null, null)), null), true, true)).isEmpty();
    }

    @Test
    void shouldRejectYearInFuture() {
        assertThat(codes(weapon("A1", 2026, List.of(), null), true, true)).containsExactly("weapon.year.future");
    }

    @Test
    void shouldRejectUnknownMakerAndCountry() {
        assertThat(codes(weapon("A1", 1990, List.of(), null), false, false)).containsExactlyInAnyOrder("maker.unknown", "country.unknown");
    }

    @Test
    void shouldAcceptOnlyOriginEventsToOpenAHistory() {
        assertThat(codes(weapon("A1", 1990, List.of(), EventCommand.of(EventKind.SEIZED, TODAY)), true, true)).isEmpty();
        assertThat(codes(weapon("A1", 1990, List.of(), EventCommand.of(EventKind.DESTROYED, TODAY)), true, true))
                .containsExactly("registration.origin.invalid");
    }

    @Test
    void shouldRejectUnknownHolder() {
        Registration r = new Registration(weapon("A1", 1990, List.of(), null).description(), List.of(), null, java.util.UUID.randomUUID(), null);
        assertThat(RegistrationRules.check(new RegistrationRules.Context(r, TODAY, true, true, false))).extracting(Violation::code)
                .containsExactly("event.holder.unknown");
    }
}
