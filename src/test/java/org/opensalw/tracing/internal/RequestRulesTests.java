package org.opensalw.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.TraceMarking;
import org.opensalw.tracing.TraceRequestForm;

class RequestRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

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
}
