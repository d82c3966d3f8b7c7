package org.opensalw.tracing.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.RecoveredWeapon;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponEventRecorded;
import org.opensalw.registry.WeaponEventsRecorded;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponRegistered;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.registry.WeaponsRegisteredInBatch;
import org.opensalw.shared.LockKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the seized, found and surrendered records of the register (the SDG 16.4.2 denominator) in tracing's own table:
 * filled once from the register after the first start (in the background, so a large register does not delay it),
 * then from registry events, bulk imports included. A weapon's rows are rebuilt from its whole standing history each
 * time, so a correction that voids a recovery removes it, and events may arrive in any order.
 */
@Component
class RecoveryProjection {

    /** The first key of the advisory locks taken on a weapon while its rows are rebuilt. */
    private static final int WEAPON_LOCKS = LockKeys.WEAPON_PROJECTION;
    private static final Logger log = LoggerFactory.getLogger(RecoveryProjection.class);
    private static final int CHUNK = 1_000;

    private final RegistryQueries registry;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate writes;
    private final TraceStore store;

    RecoveryProjection(RegistryQueries registry, JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
            TraceStore store) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        // each chunk commits on its own, also while the register is being read in a surrounding (read-only) transaction
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillOnce() {
        boolean done = jdbc.sql("SELECT count(*) FROM trace_recovery_backfill").query(Long.class).single() > 0;
        if (!done) {
            Thread t = new Thread(this::backfill, "tracing-sdg-backfill");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Fills the projection from the whole register; idempotent, so instances starting together may both run it. */
    void backfill() {
        try {
            long started = System.nanoTime();
            int weapons = project(null);
            jdbc.sql("INSERT INTO trace_recovery_backfill VALUES (1, :now) ON CONFLICT DO NOTHING")
                    .param("now", Timestamp.from(store.now())).update();
            log.info("SDG 16.4.2: {} recovered weapons read from the register in {} ms", weapons, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("SDG 16.4.2: filling the projection from the register failed; it is tried again at the next start", e);
        }
    }

    @ApplicationModuleListener
    void on(WeaponRegistered registered) {
        if (registered.status() == WeaponStatus.IN_STATE_CUSTODY) {
            resync(List.of(registered.weaponId()));
        }
    }

    @ApplicationModuleListener
    void on(WeaponsRegisteredInBatch batch) {
        int weapons = project(batch.batchId());
        log.info("SDG 16.4.2: {} recovered weapons of batch {} projected", weapons, batch.batchId());
    }

    @ApplicationModuleListener
    void on(WeaponEventsRecorded recorded) {
        resync(recorded.events().stream()
                .filter(e -> EventKind.RECOVERIES.contains(e.kind()) || e.kind() == EventKind.VOIDED)
                .map(WeaponEventRecorded::weaponId).distinct().toList());
    }

    /**
     * Rebuilds these weapons' recovery rows from their histories as they stand: a query and a transaction per chunk.
     * Listeners run concurrently, so the weapons are locked before their histories are read: without that, a listener
     * that read a history before a later void could write its stale rows after the void's own listener wrote the right ones.
     */
    void resync(List<WeaponId> ids) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<WeaponId> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            UUID[] weaponIds = chunk.stream().map(WeaponId::value).toArray(UUID[]::new);
            writes.executeWithoutResult(status -> {
                jdbc.sql("""
                        SELECT pg_advisory_xact_lock(:space, k) FROM (SELECT DISTINCT hashtext(id::text) AS k
                          FROM unnest(:ids::uuid[]) AS id ORDER BY k) AS keys""") // in one order, so two listeners cannot deadlock
                        .param("space", WEAPON_LOCKS).param("ids", weaponIds).query().listOfRows();
                // A role without personal data: the projection needs kinds and dates, and reads no one's name.
                List<RecoveredWeapon> found = SystemActor.run("tracing-sdg", Role.READ_ONLY, () -> registry.recoveredWeapons(chunk));
                replace(weaponIds, found);
            });
        }
    }

    /**
     * Projects the recovered weapons of a batch (or of the whole register when null), a chunk per transaction. The
     * register is read from one snapshot while events keep coming, so the weapons that had a recovery or a correction
     * recorded meanwhile are projected again at the end, from their history as it then stands.
     */
    private int project(UUID batchId) {
        List<RecoveredWeapon> chunk = new ArrayList<>(CHUNK);
        int[] count = {0};
        long before = SystemActor.run("tracing-sdg", Role.READ_ONLY, registry::ledgerHead);
        SystemActor.run("tracing-sdg", Role.READ_ONLY, () -> {
            registry.forEachRecoveredWeapon(batchId, w -> {
                chunk.add(w);
                count[0]++;
                if (chunk.size() == CHUNK) {
                    write(chunk.stream().map(r -> r.id().value()).toList(), chunk);
                    chunk.clear();
                }
            });
            return null;
        });
        write(chunk.stream().map(r -> r.id().value()).toList(), chunk);
        resync(SystemActor.run("tracing-sdg", Role.READ_ONLY, () -> registry.weaponsWithRecoveriesOrCorrectionsAfter(before)));
        return count[0];
    }

    private void write(List<UUID> weaponIds, List<RecoveredWeapon> weapons) {
        if (!weaponIds.isEmpty()) {
            writes.executeWithoutResult(status -> replace(weaponIds.toArray(UUID[]::new), weapons));
        }
    }

    /** Replaces the weapons' rows by those of their histories (in the caller's transaction). */
    private void replace(UUID[] weaponIds, List<RecoveredWeapon> weapons) {
        List<Object[]> rows = new ArrayList<>();
        weapons.forEach(w -> rows.addAll(rows(w)));
        jdbc.sql("DELETE FROM trace_recovery WHERE weapon_id = ANY(:ids)").param("ids", weaponIds).update();
        jdbcTemplate.batchUpdate("""
                INSERT INTO trace_recovery (weapon_id, seq, kind, recovered_on, weapon_type, has_serial, known_before)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
    }

    /** A row per recovery, saying whether the register knew the weapon lawfully before it (its point of diversion). */
    static List<Object[]> rows(RecoveredWeapon w) {
        List<Object[]> out = new ArrayList<>();
        boolean lawfulBefore = false;
        for (RecoveredWeapon.Event e : w.events()) {
            if (EventKind.RECOVERIES.contains(e.kind()) && e.occurredOn() != null) {
                out.add(new Object[] {w.id().value(), e.seq(), e.kind().name(), e.occurredOn(), w.type().name(), w.hasSerial(), lawfulBefore});
            } else if (e.kind().isLawfulHolding() || EventKind.DIVERSIONS.contains(e.kind())) { // a loss, theft or export is reported by a lawful holder
                lawfulBefore = true;
            }
        }
        return out;
    }
}
