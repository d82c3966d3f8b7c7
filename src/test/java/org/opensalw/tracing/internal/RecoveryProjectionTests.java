package org.opensalw.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.BulkWeapon;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The SDG 16.4.2 projection follows bulk imports, and its fill from the register selects weapons by their history. */
@TestDatabase
@WithMockUser(username = "officer", roles = "REGISTRAR")
class RecoveryProjectionTests {

    @Autowired
    RegistryManagement registry;
    @Autowired
    RecoveryProjection projection;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.opensalw.registry.RegistryQueries queries;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void shouldProjectTheRecoveriesOfABulkImport() {
        UUID seized = UUID.randomUUID();
        UUID imported = UUID.randomUUID();
        registry.registerBulk(UUID.randomUUID(), List.of(
                bulk(seized, "RP-BULK-1", EventKind.IMPORTED, LocalDate.of(1996, 2, 1), new EventCommand[] {
                        EventCommand.of(EventKind.SEIZED, LocalDate.of(2001, 7, 3))}),
                bulk(imported, "RP-BULK-2", EventKind.IMPORTED, LocalDate.of(1996, 2, 1), new EventCommand[0])).iterator());

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(seized).size() == 1);
        assertThat(rows(seized)).containsExactly("SEIZED 2001-07-03 known=true");
        assertThat(rows(imported)).isEmpty();
    }

    @Test
    void shouldFillFromTheRegisterAWeaponSeizedAndLaterHandedBack() {
        HolderId owner = registry.registerHolder(new HolderForm(HolderKind.COMPANY, "Armurerie RP", "FR", null, null, null, null, "FR-RP-1",
                "dealer"));
        WeaponId weapon = registry.register(new Registration(new WeaponDescription(WeaponType.RIFLE, "KALASHNIKOV", null, "AKM",
                "7.62x39mm", "RU", 1980, "RP-BACK-1"), List.of(), EventCommand.of(EventKind.SEIZED, LocalDate.of(2002, 1, 9)), null, null));
        registry.recordEvent(weapon, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2002, 6, 1)).withHolder(owner.value()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(weapon.value()).size() == 1);
        jdbc.sql("DELETE FROM trace_recovery WHERE weapon_id = :w").param("w", weapon.value()).update(); // as before the projection

        projection.backfill();

        assertThat(rows(weapon.value())).containsExactly("SEIZED 2002-01-09 known=false");
    }

    @Test
    void shouldProjectABatchOfSeizuresTogetherAndDropAVoidedOne() {
        List<WeaponId> weapons = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            weapons.add(registry.register(new Registration(new WeaponDescription(WeaponType.RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm",
                    "RU", 1980, "RP-BATCH-" + i + "-" + UUID.randomUUID().toString().substring(0, 6)), List.of(),
                    EventCommand.of(EventKind.IMPORTED, LocalDate.of(2002, 1, 9)).withCountry("RU"), null, null)));
        }
        registry.recordEvents(weapons.stream().map(w -> new org.opensalw.registry.BatchEvent(w,
                EventCommand.of(EventKind.SEIZED, LocalDate.of(2004, 5, 6)))).toList(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> weapons.stream().allMatch(w -> rows(w.value()).size() == 1));
        assertThat(rows(weapons.get(0).value())).containsExactly("SEIZED 2004-05-06 known=true");

        long seizure = queries.weapon(weapons.get(1)).orElseThrow().timeline().stream()
                .filter(e -> e.kind() == EventKind.SEIZED).findFirst().orElseThrow().seq();
        registry.voidEntry(weapons.get(1), seizure, "Seized in error");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(weapons.get(1).value()).isEmpty());
        assertThat(rows(weapons.get(2).value())).hasSize(1);
    }

    /**
     * Listeners rebuild a weapon's rows concurrently; one that read the history before a void must not write its rows
     * after the void's listener wrote the right ones. So a rebuild waits while another holds the weapon, then reads
     * the history as it then stands.
     */
    @Test
    void shouldWaitForAnotherRebuildOfTheSameWeaponAndThenReadItsHistoryAsItStands() throws Exception {
        WeaponId weapon = registry.register(new Registration(new WeaponDescription(WeaponType.RIFLE, "KALASHNIKOV", null, "AKM",
                "7.62x39mm", "RU", 1980, "RP-LOCK-" + UUID.randomUUID().toString().substring(0, 6)), List.of(),
                EventCommand.of(EventKind.IMPORTED, LocalDate.of(2002, 1, 9)).withCountry("RU"), null, null));
        long seizure = registry.recordEvent(weapon, EventCommand.of(EventKind.SEIZED, LocalDate.of(2004, 5, 6)));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(weapon.value()).size() == 1);

        try (java.sql.Connection other = dataSource.getConnection()) { // another rebuild of this weapon, under way
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT pg_advisory_xact_lock(5005002, hashtext(?::text))")) {
                lock.setObject(1, weapon.value());
                lock.executeQuery().close();
            }
            var rebuild = java.util.concurrent.CompletableFuture.runAsync(() -> projection.resync(List.of(weapon)));
            // it waits for the other rebuild: its request for the weapon's lock is seen, not granted
            await().atMost(Duration.ofSeconds(30)).until(() -> rebuild.isDone() || jdbc.sql("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 5005002 AND NOT granted""")
                    .query(Long.class).single() > 0);
            assertThat(rebuild).as("waits for the other rebuild").isNotDone();
            registry.voidEntry(weapon, seizure, "Seized in error"); // its own listener waits too
            try (var stale = other.prepareStatement("""
                    DELETE FROM trace_recovery WHERE weapon_id = ?;
                    INSERT INTO trace_recovery (weapon_id, seq, kind, recovered_on, weapon_type, has_serial, known_before)
                    VALUES (?, ?, 'SEIZED', DATE '2004-05-06', 'RIFLE', true, true)""")) {
                stale.setObject(1, weapon.value());
                stale.setObject(2, weapon.value());
                stale.setLong(3, seizure);
                stale.execute(); // what the other rebuild writes: it read the history before the void
            }
            other.commit();
            rebuild.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        await("the waiting rebuilds read the history after the void").atMost(Duration.ofSeconds(30)).until(() -> rows(weapon.value()).isEmpty());
    }

    private static BulkWeapon bulk(UUID id, String serial, EventKind origin, LocalDate on, EventCommand[] later) {
        return new BulkWeapon(id, new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm",
                "RU", 1985, serial), List.of(), EventCommand.of(origin, on).withCountry("RU"), null, null), List.of(later), null);
    }

    private List<String> rows(UUID weapon) {
        return jdbc.sql("SELECT kind || ' ' || recovered_on || ' known=' || known_before FROM trace_recovery WHERE weapon_id = :w ORDER BY seq")
                .param("w", weapon).query(String.class).list();
    }

    @Test
    void shouldNameTheWeaponsRecoveredOrCorrectedAfterALedgerRecord() {
        long beforeRegistration = queries.ledgerHead();
        WeaponId weapon = registry.register(new Registration(new WeaponDescription(WeaponType.RIFLE, "KALASHNIKOV", null, "AKM",
                "7.62x39mm", "RU", 1980, "RP-AFTER-1"), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2002, 1, 9))
                .withCountry("RU"), null, null));
        // registered and imported after that record, but neither is a recovery
        assertThat(queries.weaponsWithRecoveriesOrCorrectionsAfter(beforeRegistration)).doesNotContain(weapon);
        long head = queries.ledgerHead();
        long seized = registry.recordEvent(weapon, EventCommand.of(EventKind.SEIZED, LocalDate.of(2003, 2, 1)));
        assertThat(queries.weaponsWithRecoveriesOrCorrectionsAfter(head)).contains(weapon);
        long afterSeizure = queries.ledgerHead();
        registry.voidEntry(weapon, seized, "Not seized: a misreading");
        assertThat(queries.weaponsWithRecoveriesOrCorrectionsAfter(afterSeizure)).contains(weapon);
    }
}
