package org.opensalw.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.reference.SalwClass;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.TimelineEntry;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.tracing.Outcome;
import org.opensalw.tracing.TraceAnswer;

/** The answer drawn from a record: last lawful holder and point of diversion from the history. */
class RecordAnswersTests {

    private static final UUID DEALER = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();

    private final List<TimelineEntry> timeline = new ArrayList<>();

    private RecordAnswersTests entry(EventKind kind, String date, UUID holder, String holderName, boolean voided) {
        timeline.add(new TimelineEntry(timeline.size() + 1, kind, LocalDate.parse(date), "Place " + kind, null, null, null, holder,
                holderName, null, kind == EventKind.EXPORTED || kind == EventKind.IMPORTED ? "RU" : null, null, null, Instant.now(),
                "registrar", "h", voided ? new TimelineEntry.Voiding(99, Instant.now(), "registrar", "mistake") : null));
        return this;
    }

    private WeaponDetails weapon(WeaponStatus status) {
        return new WeaponDetails(new WeaponId(UUID.randomUUID()), WeaponType.RIFLE, SalwClass.SMALL_ARM, "KALASHNIKOV", "Kalashnikov",
                null, "AKM", "7.62x39mm", "RU", 1980, "AB1", "AB1", status, OWNER, "Jane Owner", HolderKind.PERSON, null, null,
                Instant.now(), "registrar", List.of(), List.of(), timeline);
    }

    @Test
    void shouldNameTheHolderBeforeATheftAsTheLastLegalHolder() {
        entry(EventKind.IMPORTED, "2001-01-01", null, null, false).entry(EventKind.TRANSFERRED, "2002-01-01", DEALER, "Dealer", false)
                .entry(EventKind.TRANSFERRED, "2005-01-01", OWNER, "Jane Owner", false)
                .entry(EventKind.REPORTED_STOLEN, "2019-01-01", null, null, false).entry(EventKind.SEIZED, "2024-01-01", null, null, false);
        TraceAnswer a = RecordAnswers.propose(weapon(WeaponStatus.IN_STATE_CUSTODY), true, "Case", "Node", Instant.now());
        assertThat(a.outcome()).isEqualTo(Outcome.FULL);
        assertThat(a.originEstablished()).isTrue();
        assertThat(a.lastLegalHolder().name()).isEqualTo("Jane Owner");
        assertThat(a.lastLegalHolder().kind()).isEqualTo("PERSON");
        assertThat(a.pointOfDiversion().event()).isEqualTo("REPORTED_STOLEN");
        assertThat(a.history()).hasSize(5);
    }

    @Test
    void shouldDrawOnlyWhatPeersTakeFromRecordsWrittenBeforeTodaysLimitsAndPassTheirChecks() {
        entry(EventKind.IMPORTED, "2001-01-01", null, null, false).entry(EventKind.TRANSFERRED, "2005-01-01", OWNER, "O".repeat(400), false);
        timeline.add(new TimelineEntry(timeline.size() + 1, EventKind.REPORTED_STOLEN, LocalDate.parse("2019-01-01"), "P".repeat(500), null,
                null, null, null, null, null, null, null, null, Instant.now(), "registrar", "h", null));
        for (int i = 0; i < PayloadLimits.HISTORY_LINES; i++) {
            entry(EventKind.SEIZED, "2020-01-01", null, null, false);
        }
        TraceAnswer a = RecordAnswers.propose(weapon(WeaponStatus.IN_STATE_CUSTODY), true, "Case", "Node", Instant.now());
        assertThat(a.history()).hasSize(PayloadLimits.HISTORY_LINES);
        assertThat(a.pointOfDiversion().place()).hasSize(PayloadLimits.PLACE_CHARS);
        assertThat(a.lastLegalHolder().name()).hasSize(PayloadLimits.HOLDER_CHARS);
        assertThat(new PayloadLimits(jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator()).answer(a))
                .as("what a peer's check of the answer refuses").isEmpty();
    }

    @Test
    void shouldWithholdHolderNamesUnlessAsked() {
        entry(EventKind.TRANSFERRED, "2005-01-01", OWNER, "Jane Owner", false).entry(EventKind.REPORTED_LOST, "2019-01-01", null, null, false);
        TraceAnswer a = RecordAnswers.propose(weapon(WeaponStatus.LOST), false, "Case", "Node", Instant.now());
        assertThat(a.lastLegalHolder()).isNotNull();
        assertThat(a.lastLegalHolder().name()).isNull();
        assertThat(a.history()).allSatisfy(h -> assertThat(h.holder()).isNull());
    }

    @Test
    void shouldIgnoreAVoidedTheftAndPointToTheExportInstead() {
        entry(EventKind.IMPORTED, "2001-01-01", null, null, false).entry(EventKind.REPORTED_STOLEN, "2003-01-01", null, null, true)
                .entry(EventKind.EXPORTED, "2010-05-01", null, null, false);
        TraceAnswer a = RecordAnswers.propose(weapon(WeaponStatus.EXPORTED), false, "Case", "Node", Instant.now());
        assertThat(a.pointOfDiversion().event()).isEqualTo("EXPORTED");
        assertThat(a.pointOfDiversion().country()).isEqualTo("RU");
        assertThat(a.history()).extracting(TraceAnswer.HistoryLine::event).containsExactly("IMPORTED", "EXPORTED");
    }

    @Test
    void shouldAnswerPartiallyFromAMakingOnlyRecordAndNotFoundWithoutOne() {
        entry(EventKind.MANUFACTURED, "1980-01-01", null, null, false);
        assertThat(RecordAnswers.propose(weapon(WeaponStatus.LEGALLY_HELD), false, "Case", "Node", Instant.now()).outcome())
                .isEqualTo(Outcome.PARTIAL);
        assertThat(RecordAnswers.propose(null, false, "Case", "Node", Instant.now()).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }
}
