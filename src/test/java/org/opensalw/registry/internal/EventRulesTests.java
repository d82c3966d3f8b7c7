package org.opensalw.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.Licence;
import org.opensalw.registry.LicenceId;
import org.opensalw.registry.LicenceKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.shared.Violation;

class EventRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final UUID HOLDER = UUID.randomUUID();
    private static final Lifecycle.State HELD_SINCE_2020 = new Lifecycle.State(org.opensalw.registry.WeaponStatus.LEGALLY_HELD, false,
            LocalDate.of(2020, 5, 1), EventKind.IMPORTED);

    private static EventRules.Context ctx(EventCommand c) {
        return new EventRules.Context(c, HELD_SINCE_2020, 1990, HOLDER, TODAY, true, true, Optional.empty());
    }

    private static Optional<String> code(Optional<Violation> v) {
        return v.map(Violation::code);
    }

    @Test
    void shouldRejectDateInFuture() {
        assertThat(code(EventRules.dateNotInFuture(ctx(EventCommand.of(EventKind.REPORTED_LOST, TODAY.plusDays(1)))))).contains("event.date.future");
        assertThat(EventRules.dateNotInFuture(ctx(EventCommand.of(EventKind.REPORTED_LOST, TODAY)))).isEmpty();
    }

    @Test
    void shouldRejectDatesBeforeAnyTheRegisterTakes() {
        for (LocalDate slip : java.util.List.of(LocalDate.of(20, 3, 1), LocalDate.of(1500, 3, 1), LocalDate.of(1799, 12, 31))) {
            assertThat(code(EventRules.dateNotBeforeEarliest(ctx(EventCommand.of(EventKind.IMPORTED, slip))))).as(slip.toString())
                    .contains("event.date.tooEarly");
        }
        assertThat(EventRules.dateNotBeforeEarliest(ctx(EventCommand.of(EventKind.IMPORTED, LocalDate.of(1800, 1, 1))))).isEmpty();
        // checked with the others, also where nothing else bounds the date (a registration's origin, no year of manufacture)
        EventRules.Context origin = new EventRules.Context(EventCommand.of(EventKind.IMPORTED, LocalDate.of(20, 3, 1)).withCountry("RU"),
                Lifecycle.registered(TODAY), null, null, TODAY, false, true, Optional.empty());
        assertThat(EventRules.check(origin)).extracting(Violation::code).containsExactly("event.date.tooEarly");
    }

    @Test
    void shouldRejectDateBeforeYearOfManufacture() {
        assertThat(code(EventRules.dateNotBeforeManufacture(ctx(EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(1989, 12, 31))))))
                .contains("event.date.beforeManufacture");
        assertThat(EventRules.dateNotBeforeManufacture(ctx(EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(1990, 1, 1))))).isEmpty();
    }

    @Test
    void shouldRejectDateBeforeLastEvent() {
        assertThat(code(EventRules.dateNotBeforeLastEvent(ctx(EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2020, 4, 30))))))
                .contains("event.date.beforeLast");
        assertThat(EventRules.dateNotBeforeLastEvent(ctx(EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2020, 5, 1))))).isEmpty();
    }

    @Test
    void shouldRefuseATransferOfAHeldWeaponToItsOwnHolder() {
        assertThat(code(EventRules.transferToAnotherHolder(ctx(EventCommand.of(EventKind.TRANSFERRED, TODAY).withHolder(HOLDER)))))
                .contains("event.holder.same");
        assertThat(EventRules.transferToAnotherHolder(ctx(EventCommand.of(EventKind.TRANSFERRED, TODAY).withHolder(UUID.randomUUID()))))
                .isEmpty();
        // handed back from state custody to the holder it was taken from: not refused
        EventRules.Context custody = new EventRules.Context(EventCommand.of(EventKind.TRANSFERRED, TODAY).withHolder(HOLDER),
                new Lifecycle.State(org.opensalw.registry.WeaponStatus.IN_STATE_CUSTODY, false, LocalDate.of(2021, 1, 1), EventKind.SEIZED),
                1990, HOLDER, TODAY, true, true, Optional.empty());
        assertThat(EventRules.transferToAnotherHolder(custody)).isEmpty();
    }

    @Test
    void shouldRequireHolderForTransfer() {
        assertThat(code(EventRules.holderWhenNeeded(ctx(EventCommand.of(EventKind.TRANSFERRED, TODAY))))).contains("event.holder.required");
        assertThat(EventRules.holderWhenNeeded(ctx(EventCommand.of(EventKind.TRANSFERRED, TODAY).withHolder(HOLDER)))).isEmpty();
    }

    @Test
    void shouldRejectUnknownHolder() {
        EventCommand c = EventCommand.of(EventKind.TRANSFERRED, TODAY).withHolder(UUID.randomUUID());
        EventRules.Context unknown = new EventRules.Context(c, HELD_SINCE_2020, 1990, HOLDER, TODAY, false, true, Optional.empty());
        assertThat(code(EventRules.holderWhenNeeded(unknown))).contains("event.holder.unknown");
    }

    @Test
    void shouldRequireCountryForImportAndExport() {
        assertThat(code(EventRules.countryWhenNeeded(ctx(EventCommand.of(EventKind.EXPORTED, TODAY))))).contains("event.country.destination.required");
        assertThat(code(EventRules.countryWhenNeeded(ctx(EventCommand.of(EventKind.IMPORTED, TODAY))))).contains("event.country.origin.required");
        assertThat(EventRules.countryWhenNeeded(ctx(EventCommand.of(EventKind.EXPORTED, TODAY).withCountry("FR")))).isEmpty();
        EventRules.Context unknownCountry = new EventRules.Context(EventCommand.of(EventKind.EXPORTED, TODAY).withCountry("QQ"),
                HELD_SINCE_2020, 1990, HOLDER, TODAY, true, false, Optional.empty());
        assertThat(code(EventRules.countryWhenNeeded(unknownCountry))).contains("country.unknown");
    }

    @Test
    void shouldRequireValidLicenceOfTheHolderWhenLicensing() {
        Licence valid = new Licence(new LicenceId(UUID.randomUUID()), new HolderId(HOLDER), "FL-1", LicenceKind.POSSESSION,
                LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 1), "Bureau", null, null);
        EventCommand licensing = EventCommand.of(EventKind.LICENSED, TODAY).withLicence(valid.id().value());
        assertThat(code(EventRules.licenceWhenNeeded(ctx(EventCommand.of(EventKind.LICENSED, TODAY))))).contains("event.licence.required");
        assertThat(EventRules.licenceWhenNeeded(new EventRules.Context(licensing, HELD_SINCE_2020, 1990, HOLDER, TODAY, true, true,
                Optional.of(valid)))).isEmpty();
        assertThat(code(EventRules.licenceWhenNeeded(new EventRules.Context(licensing, HELD_SINCE_2020, 1990, UUID.randomUUID(), TODAY,
                true, true, Optional.of(valid))))).contains("event.licence.otherHolder");
        EventCommand before = EventCommand.of(EventKind.LICENSED, LocalDate.of(2020, 12, 31)).withLicence(valid.id().value());
        assertThat(code(EventRules.licenceWhenNeeded(new EventRules.Context(before, HELD_SINCE_2020, 1990, HOLDER, TODAY, true, true,
                Optional.of(valid))))).contains("event.licence.notValid");
    }

    @Test
    void shouldRequireMarkingWhenMarked() {
        assertThat(code(EventRules.markingWhenNeeded(ctx(EventCommand.of(EventKind.MARKED, TODAY))))).contains("event.marking.required");
        assertThat(EventRules.markingWhenNeeded(ctx(EventCommand.of(EventKind.MARKED, TODAY)
                .withMarking(new MarkingInput(MarkingKind.NATIONAL, "XX-2025-0001", "XX", 2025))))).isEmpty();
    }

    @Test
    void shouldReportEveryViolationAtOnce() {
        EventCommand bad = EventCommand.of(EventKind.TRANSFERRED, TODAY.plusDays(3));
        assertThat(EventRules.check(ctx(bad))).extracting(Violation::code).containsExactlyInAnyOrder("event.date.future", "event.holder.required");
    }
}
