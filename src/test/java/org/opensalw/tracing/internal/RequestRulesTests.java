package org.opensalw.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.TraceMarking;
import org.opensalw.tracing.TraceRequestForm;

class RequestRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    /** This node is TZ-NFP, knows a few countries and one peer, RU-NCB. */
    private static final RequestRules.Known KNOWN = new RequestRules.Known("TZ-NFP", Set.of("RU", "FR", "KE", "TZ"),
            node -> node.value().equals("RU-NCB"));

    private static TraceRequestForm complete() {
        return new TraceRequestForm(null, "RU-NCB", EventKind.SEIZED, LocalDate.of(2026, 5, 1), "Border", null, "Smuggled",
                "Arms Act", "Proceedings", WeaponType.RIFLE, "KALASHNIKOV", null, "7.62x39mm", "AB123", null, null, List.of());
    }

    private static TraceRequestForm with(String recipient, EventKind kind, LocalDate on, String serial, String maker, String country,
            List<TraceMarking> markings) {
        TraceRequestForm c = complete();
        return new TraceRequestForm(null, recipient, kind, on, c.recoveredPlace(), null, c.illicitNature(), c.legalBasis(),
                c.intendedUse(), c.type(), maker, null, c.calibre(), serial, country, null, markings);
    }

    @Test
    void shouldAcceptACompleteRequest() {
        assertThat(RequestRules.check(complete(), TODAY)).isEmpty();
    }

    @Test
    void shouldRefuseARecipientThatIsNotANodeId() {
        assertThat(RequestRules.recipient(with("ru ncb", EventKind.SEIZED, TODAY, "A", "M", null, List.of()), TODAY))
                .map(Violation::code).contains("tracing.recipient.invalid");
    }

    @Test
    void shouldRefuseARecoveryThatIsNotSeizedFoundOrSurrendered() {
        assertThat(RequestRules.recoveryKind(with("RU-NCB", EventKind.EXPORTED, TODAY, "A", "M", null, List.of()), TODAY)).isPresent();
    }

    @Test
    void shouldRefuseARecoveryInTheFuture() {
        assertThat(RequestRules.recoveredOn(with("RU-NCB", EventKind.SEIZED, TODAY.plusDays(1), "A", "M", null, List.of()), TODAY))
                .map(Violation::code).contains("tracing.recoveredOn.future");
    }

    @Test
    void shouldAcceptAnotherMarkingWhenTheSerialIsGroundOff() {
        assertThat(RequestRules.markings(with("RU-NCB", EventKind.SEIZED, TODAY, null, "M", null, List.of()), TODAY)).isPresent();
        assertThat(RequestRules.markings(with("RU-NCB", EventKind.SEIZED, TODAY, null, "M", null,
                List.of(new TraceMarking("PROOF", "crown over V", null, null))), TODAY)).isEmpty();
    }

    @Test
    void shouldAskForTheMakerOrTheCountryOfManufacture() {
        assertThat(RequestRules.origin(with("RU-NCB", EventKind.SEIZED, TODAY, "A", null, null, List.of()), TODAY)).isPresent();
        assertThat(RequestRules.origin(with("RU-NCB", EventKind.SEIZED, TODAY, "A", null, "RU", List.of()), TODAY)).isEmpty();
    }

    private static TraceRequestForm made(String recipient, Integer year, String country, List<TraceMarking> markings) {
        TraceRequestForm c = complete();
        return new TraceRequestForm(null, recipient, c.recoveryKind(), c.recoveredOn(), c.recoveredPlace(), null, c.illicitNature(),
                c.legalBasis(), c.intendedUse(), c.type(), c.maker(), null, c.calibre(), c.serial(), country, year, markings);
    }

    @Test
    void shouldRefuseAYearOfManufactureInTheFutureOrBefore1800() {
        assertThat(RequestRules.yearOfManufacture(made("RU-NCB", 3000, null, List.of()), TODAY)).map(Violation::code)
                .contains("tracing.yearOfManufacture.range");
        assertThat(RequestRules.yearOfManufacture(made("RU-NCB", 2027, null, List.of()), TODAY)).isPresent();
        assertThat(RequestRules.yearOfManufacture(made("RU-NCB", 1799, null, List.of()), TODAY)).isPresent();
        assertThat(RequestRules.yearOfManufacture(made("RU-NCB", 2026, null, List.of()), TODAY)).isEmpty();
        assertThat(RequestRules.yearOfManufacture(made("RU-NCB", 1800, null, List.of()), TODAY)).isEmpty();
    }

    @Test
    void shouldRefuseAMarkingsYearInTheFutureNamingTheMarking() {
        TraceRequestForm form = made("RU-NCB", null, null, List.of(new TraceMarking("SERIAL", "AB123", null, null),
                new TraceMarking("IMPORT", "FR 40", "FR", 4000), new TraceMarking("PROOF", "crown", null, 1950)));
        assertThat(RequestRules.markingYears(form, TODAY)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("markings[1].year");
            assertThat(v.args()).containsExactly(2, 4000, 1800, 2026);
        });
        assertThat(RequestRules.check(form, TODAY)).extracting(Violation::field).containsExactly("markings[1].year");
    }

    @Test
    void shouldRefuseACountryTheReferenceDataDoesNotKnow() {
        assertThat(RequestRules.countryOfManufacture(made("RU-NCB", null, "ZZ", List.of()), KNOWN)).map(Violation::field)
                .contains("countryOfManufacture");
        assertThat(RequestRules.countryOfManufacture(made("RU-NCB", null, "ru", List.of()), KNOWN)).isEmpty();
        assertThat(RequestRules.markingCountries(made("RU-NCB", null, null, List.of(new TraceMarking("IMPORT", "QQ 01", "QQ", 2001),
                new TraceMarking("IMPORT", "FR 01", "FR", 2001))), KNOWN)).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("markings[0].country", "tracing.markingCountry.unknown"));
    }

    @Test
    void shouldRefuseARecipientThatIsNotAPeerOfThisNodeOrThisNodeItself() {
        assertThat(RequestRules.recipientReachable(made("KE-NFP", null, null, List.of()), KNOWN)).map(Violation::code)
                .contains("tracing.recipient.notPeer");
        assertThat(RequestRules.recipientReachable(made("TZ-NFP", null, null, List.of()), KNOWN)).map(Violation::code)
                .contains("tracing.recipient.self");
        assertThat(RequestRules.recipientReachable(made("RU-NCB", null, null, List.of()), KNOWN)).isEmpty();
        assertThat(RequestRules.recipientReachable(made("ru ncb", null, null, List.of()), KNOWN)).as("not a node id: the recipient rule's")
                .isEmpty();
    }

    @Test
    void shouldReportEveryRuleBrokenBeforeSendingAtOnce() {
        assertThat(RequestRules.check(complete(), TODAY, KNOWN)).isEmpty();
        TraceRequestForm form = made("KE-NFP", 3000, "ZZ", List.of(new TraceMarking("IMPORT", "QQ 40", "QQ", 4000)));
        assertThat(RequestRules.check(form, TODAY, KNOWN)).extracting(Violation::field).containsExactlyInAnyOrder("yearOfManufacture",
                "markings[0].year", "recipient", "countryOfManufacture", "markings[0].country");
    }
}
