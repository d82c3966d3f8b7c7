package org.opensalw.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identification.internal.WatchListChecker;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.Messages;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.test.context.support.WithMockUser;

@TestDatabase
@WithMockUser(roles = {"REGISTRAR", "INVESTIGATOR"})
class WatchListTests {

    @Autowired
    WatchList watchList;
    @Autowired
    Identification identification;
    @Autowired
    RegistryManagement registry;
    @Autowired
    WatchListChecker checker;
    @Autowired
    MessageSource messages;

    private WeaponId register(String serial) {
        return registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm", "RU",
                1980, serial), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2000, 3, 1)).withCountry("RU"), null, null));
    }

    private Recovery found() {
        return new Recovery(EventKind.FOUND, LocalDate.now(), "Port city", "CASE-1", null, null);
    }

    private List<Alert> alertsFor(WeaponId recovered) {
        return watchList.alerts(true).stream().filter(a -> a.weaponId().equals(recovered)).toList();
    }

    /** The evidence of the weapon's first alert as a reader of this language is given it. */
    private String alertIn(java.util.Locale locale, WeaponId recovered) {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
        try {
            return alertsFor(recovered).get(0).evidence();
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void shouldAlertWhenARecoveredWeaponMatchesAStolenRecordReadWithALookAlike() {
        WeaponId stolen = register("WL 5551234");
        registry.recordEvent(stolen, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.now()));
        Reading reading = new Reading("WL 555I234", "Izhmash", "AKM", "7.62x39mm", WeaponType.ASSAULT_RIFLE, null, null);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> identification.identify(reading).candidates().stream()
                .anyMatch(c -> c.weaponId().equals(stolen) && c.status() == org.opensalw.registry.WeaponStatus.STOLEN));
        WeaponId recovered = identification.recordAsUnregistered(reading, found());
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !alertsFor(recovered).isEmpty());
        Alert alert = alertsFor(recovered).get(0);
        assertThat(alert.matchedWeaponId()).isEqualTo(stolen);
        // said in the reader's language, whoever raised it
        assertThat(alertIn(java.util.Locale.FRENCH, recovered)).contains("WL5551234", "déclarée volée", "différemment")
                .doesNotContain("reported", "STOLEN", "character");
        assertThat(alertIn(java.util.Locale.ENGLISH, recovered)).contains("WL5551234", "reported stolen", "read differently");
    }

    @Test
    void shouldListAlertsPageByPageNewestFirst() {
        for (String serial : List.of("WL 880001", "WL 880002")) {
            WeaponId lost = register(serial + "-" + java.util.UUID.randomUUID().toString().substring(0, 4));
            registry.recordEvent(lost, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.now()));
            identification.recordAsMatched(lost, new Recovery(EventKind.SEIZED, LocalDate.now(), null, null, null, null));
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !alertsFor(lost).isEmpty());
        }
        var first = watchList.alerts(false, new org.opensalw.shared.PageRequest(0, 1));
        var second = watchList.alerts(false, new org.opensalw.shared.PageRequest(1, 1));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.items()).hasSize(1);
        assertThat(second.items()).hasSize(1).doesNotContainAnyElementsOf(first.items());
        assertThat(first.items().get(0).raisedAt()).isAfterOrEqualTo(second.items().get(0).raisedAt());
    }

    @Test
    void shouldAlertWhenTheRecoveredWeaponItselfWasReportedLost() {
        WeaponId lost = register("WL 777000");
        registry.recordEvent(lost, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.now()));
        identification.recordAsMatched(lost, new Recovery(EventKind.SEIZED, LocalDate.now(), null, null, null, null));
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !alertsFor(lost).isEmpty());
        assertThat(alertIn(java.util.Locale.forLanguageTag("es"), lost)).contains("declarada perdida").doesNotContain("LOST", "reported");
    }

    @Test
    void shouldRaiseAnAlertOnceWhenTheCheckOfARecoveryRunsAgain() {
        WeaponId lost = register("WL 777002");
        registry.recordEvent(lost, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.now()));
        long seized = identification.recordAsMatched(lost, new Recovery(EventKind.SEIZED, LocalDate.now(), null, null, null, null));
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !alertsFor(lost).isEmpty());
        List<Alert> raised = alertsFor(lost);

        // as when the event is delivered again after a restart (its publication was not marked complete)
        List<Alert> again = checker.check(lost, WeaponStatus.LOST, seized);

        assertThat(again).isEmpty();
        assertThat(alertsFor(lost)).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(raised.stream().map(Alert::id).toList());
    }

    @Test
    void shouldAlertOnAnImportedListEntryAndAcknowledgeIt() {
        int added = watchList.importList("iARMS 2026-11", new StringReader("""
                reference,serial,maker,model,calibre,type,reported_by,report_kind,reported_on
                IA-1,IMP-778899,Norinco,Type 56,7.62x39mm,ASSAULT_RIFLE,KE,STOLEN,2024-02-01
                """));
        assertThat(added).isEqualTo(1);
        WeaponId recovered = identification.recordAsUnregistered(new Reading("IMP 778899", "Norinco", "Type 56", null,
                WeaponType.ASSAULT_RIFLE, null, null), found());
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !alertsFor(recovered).isEmpty());
        Alert alert = alertsFor(recovered).get(0);
        assertThat(alert.origin()).isEqualTo("IMPORTED");
        assertThat(alert.matchedEntryId()).isNotNull();
        watchList.acknowledge(alert.id());
        assertThat(alertsFor(recovered)).isEmpty();
        // acknowledged again (an old page): said who did and when, not that there is no such alert
        assertThatThrownBy(() -> watchList.acknowledge(alert.id())).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
            assertThat(e.violations()).extracting(Violation::code).containsExactly("watch.alert.acknowledged");
            assertThat(e.violations().get(0).args()).contains("user");
        });
        assertThatThrownBy(() -> watchList.acknowledge(java.util.UUID.randomUUID())).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.kind()).isEqualTo(UserFacingException.Kind.NOT_FOUND));
    }

    @Test
    void shouldRejectAnImportedListWithABadLineAndKeepNothing() {
        int before = watchList.entries().size();
        assertThatThrownBy(() -> watchList.importList("bad list", new StringReader("""
                reference,serial,maker,report_kind
                B-1,123456,Glock,STOLEN
                B-2,654321,Glock,MISPLACED
                """))).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.code()).isEqualTo("watch.line.invalid.choice")));
        assertThat(watchList.entries()).hasSize(before);
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8NamingItsLineOrReadItInTheEncodingGiven() {
        String s = java.util.UUID.randomUUID().toString().substring(0, 6);
        byte[] latin1 = ("reference,serial,maker,report_kind\nE-1-" + s + ",SN-" + s + ",Armurerie Générale,STOLEN\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int before = watchList.entries().size();
        assertThatThrownBy(() -> watchList.importList("latin-1 " + s, latin1, null)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.violations()).extracting(Violation::code).containsExactly("watch.file.encoding");
            assertThat(Messages.resolve(messages, e.violations().get(0), java.util.Locale.ENGLISH)).contains("Line 2", "UTF-8");
        });
        assertThat(watchList.entries()).hasSize(before);

        assertThat(watchList.importList("latin-1 " + s, latin1, "ISO-8859-1")).isEqualTo(1);
        assertThat(watchList.entries()).filteredOn(e -> e.reference().equals("E-1-" + s)).singleElement()
                .satisfies(e -> assertThat(e.maker()).isEqualTo("Armurerie Générale"));
    }

    @Test
    void shouldSayWhichLineAndColumnIsWrongAndWhatItTakesInTheReadersWords() {
        String csv = """
                reference,serial,maker,type,report_kind,reported_on
                M-1,111,Glock,GUN,STOLEN,2025-02-01
                M-2,222,Glock,SELF_LOADING_PISTOL,STOLEN,01/02/2025
                M-3,333,Glock,,STOLEN,2099-01-01
                M-4,444,Glock,,MISPLACED,
                """;
        assertThatThrownBy(() -> watchList.importList("checked", new StringReader(csv))).isInstanceOfSatisfying(UserFacingException.class, e -> {
            List<String> said = e.violations().stream().map(v -> Messages.resolve(messages, v, java.util.Locale.ENGLISH)).toList();
            assertThat(said).hasSize(4);
            assertThat(said.get(0)).contains("Line 2", "type", "GUN", "SELF_LOADING_PISTOL", "ASSAULT_RIFLE");
            assertThat(said.get(1)).contains("Line 3", "reported_on", "01/02/2025", "YYYY-MM-DD");
            assertThat(said.get(2)).contains("Line 4", "reported_on", "2099-01-01", "future");
            assertThat(said.get(3)).contains("Line 5", "report_kind", "MISPLACED", "LOST, STOLEN");
            assertThat(String.join(" ", said)).doesNotContain("org.opensalw", "No enum constant", "could not be parsed");
        });
        assertThatThrownBy(() -> watchList.importList("no kind", new StringReader("reference,serial\nS-1,555\n")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::code).containsExactly("watch.file.columns");
                    assertThat(Messages.resolve(messages, e.violations().get(0), java.util.Locale.ENGLISH)).contains("no column report_kind")
                            .doesNotContain("is empty");
                });
    }
}
