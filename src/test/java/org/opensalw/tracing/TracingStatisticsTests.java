package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensalw.TestDatabase;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** SDG 16.4.2 from the register's recoveries and this node's traces, on dates no other test uses (1999). */
@TestDatabase
@WithMockUser(username = "officer", roles = {"REGISTRAR", "INVESTIGATOR"})
@ExtendWith(TracingFixtures.RequestedPeer.class) // a request is sent only to a peer
class TracingStatisticsTests {

    @Autowired
    TracingStatistics statistics;
    @Autowired
    TracingManagement tracing;
    @Autowired
    RegistryManagement registry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    private WeaponId recovered(WeaponType type, EventKind origin, LocalDate on, String serial) {
        return registry.register(new Registration(new WeaponDescription(type, "KALASHNIKOV", null, "AKM", "7.62x39mm", "RU", 1985,
                serial), List.of(), EventCommand.of(origin, on), null, null));
    }

    private void traced(WeaponId weapon, String serial, String outcome, boolean established) {
        TraceId id = tracing.draft(complete(weapon.value(), "RU-NCB", serial));
        tracing.send(id);
        if (outcome != null) {
            UUID conversation = tracing.request(id).conversationId();
            receive(events, tx, "RU-NCB", conversation, "tracing.answer", """
                    {"v":1,"requestId":"%s","answer":{"outcome":"%s","originEstablished":%s,"permittedUse":"CASE","history":[]}}"""
                    .formatted(conversation, outcome, established));
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> tracing.request(id).state() == TraceState.ANSWERED);
        }
    }

    @Test
    void shouldCountRecoveriesWhoseOriginWasTracedOrEstablishedByTheRegister() {
        WeaponId knownBefore = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null,
                "AKM", "7.62x39mm", "RU", 1985, unique("SD")), List.of(),
                EventCommand.of(EventKind.IMPORTED, LocalDate.of(1995, 1, 1)).withCountry("RU"), null, null));
        registry.recordEvent(knownBefore, EventCommand.of(EventKind.SEIZED, LocalDate.of(1999, 3, 1)));
        recovered(WeaponType.ASSAULT_RIFLE, EventKind.FOUND, LocalDate.of(1999, 4, 1), unique("SD"));
        String pendingSerial = unique("SD");
        traced(recovered(WeaponType.ASSAULT_RIFLE, EventKind.SURRENDERED, LocalDate.of(1999, 5, 1), pendingSerial), pendingSerial, null, false);
        String tracedSerial = unique("SD");
        traced(recovered(WeaponType.SELF_LOADING_PISTOL, EventKind.SEIZED, LocalDate.of(1999, 6, 1), tracedSerial), tracedSerial, "FULL", true);
        String failedSerial = unique("SD");
        traced(recovered(WeaponType.ASSAULT_RIFLE, EventKind.FOUND, LocalDate.of(1999, 8, 1), failedSerial), failedSerial, "NOT_FOUND", false);
        LocalDate from = LocalDate.of(1999, 3, 1);
        LocalDate to = LocalDate.of(1999, 8, 31);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> statistics.sdg1642(from, to).total().recovered() == 5);

        Sdg1642 report = statistics.sdg1642(from, to);
        Sdg1642.Line all = report.total();
        assertThat(all.established()).isEqualTo(2);
        assertThat(all.percent()).isEqualTo(40.0);
        assertThat(all.count(SdgOutcome.TRACED)).isEqualTo(1);
        assertThat(all.count(SdgOutcome.ESTABLISHED_BY_AUTHORITY)).isEqualTo(1);
        assertThat(all.count(SdgOutcome.PENDING)).isEqualTo(1);
        assertThat(all.count(SdgOutcome.NOT_TRACED)).isEqualTo(1);
        assertThat(all.count(SdgOutcome.NOT_ATTEMPTED)).isEqualTo(1);
        assertThat(report.by("KIND")).extracting(Sdg1642.Line::value, Sdg1642.Line::recovered, Sdg1642.Line::established)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SEIZED", 2L, 2L), org.assertj.core.groups.Tuple.tuple("FOUND", 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("SURRENDERED", 1L, 0L));
        assertThat(report.by("TYPE")).extracting(Sdg1642.Line::value, Sdg1642.Line::recovered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ASSAULT_RIFLE", 4L),
                        org.assertj.core.groups.Tuple.tuple("SELF_LOADING_PISTOL", 1L));
        assertThat(statistics.sdg1642(LocalDate.of(1999, 3, 2), LocalDate.of(1999, 3, 31)).total().recovered()).isZero();

        StringWriter csv = new StringWriter();
        statistics.writeCsv(report, csv);
        assertThat(csv.toString()).startsWith("indicator,from,to,computed_on,dimension,value,recovered,established,percent,traced,")
                .contains(",ALL,ALL,5,2,40.0,1,1,1,1,0,1");
    }

    @Test
    void shouldDropARecoveryThatIsVoided() {
        WeaponId weapon = recovered(WeaponType.RIFLE, EventKind.SEIZED, LocalDate.of(1999, 11, 5), unique("SV"));
        long seq = registry.recordEvent(weapon, EventCommand.of(EventKind.DESTROYED, LocalDate.of(1999, 11, 20)));
        LocalDate day = LocalDate.of(1999, 11, 5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> statistics.sdg1642(day, day).total().recovered() == 1);
        registry.voidEntry(weapon, seq, "Recorded on the wrong weapon");
        long recoverySeq = jdbc.sql("SELECT seq FROM trace_recovery WHERE weapon_id = :w").param("w", weapon.value()).query(Long.class).single();
        registry.voidEntry(weapon, recoverySeq, "Not seized: a misreading");
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> statistics.sdg1642(day, day).total().recovered() == 0);
    }
}
