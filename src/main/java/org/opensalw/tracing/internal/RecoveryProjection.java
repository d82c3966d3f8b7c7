package org.opensalw.tracing.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.TimelineEntry;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.registry.WeaponEventRecorded;
import org.opensalw.registry.WeaponEventsRecorded;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponRegistered;
import org.opensalw.registry.WeaponStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the seized, found and surrendered records of the register (the SDG 16.4.2 denominator) in tracing's own table:
 * filled once from the register at the first start, then from registry events. A weapon's rows are rebuilt from its
 * whole history each time, so a correction that voids a recovery removes it, and events may arrive in any order.
 */
@Component
@Order(30)
class RecoveryProjection implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RecoveryProjection.class);
    private static final Set<EventKind> NOT_LAWFUL_HISTORY = Set.of(EventKind.SEIZED, EventKind.FOUND, EventKind.SURRENDERED,
            EventKind.RECOVERED, EventKind.MARKED);

    private final RegistryQueries registry;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TraceStore store;

    RecoveryProjection(RegistryQueries registry, JdbcClient jdbc, TransactionTemplate tx, TraceStore store) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean done = jdbc.sql("SELECT count(*) FROM trace_recovery_backfill").query(Long.class).single() > 0;
        if (done) {
            return;
        }
        List<WeaponId> recovered = new ArrayList<>();
        SystemActor.run("tracing-sdg", Role.READ_ONLY, () -> {
            registry.forEachWeaponIdentity(w -> {
                if (w.status() == WeaponStatus.IN_STATE_CUSTODY || w.status() == WeaponStatus.DEACTIVATED
                        || w.status() == WeaponStatus.DESTROYED) {
                    recovered.add(w.id());
                }
            });
            return null;
        });
        recovered.forEach(this::resync);
        jdbc.sql("INSERT INTO trace_recovery_backfill VALUES (1, :now) ON CONFLICT DO NOTHING")
                .param("now", Timestamp.from(store.now())).update();
        log.info("SDG 16.4.2: {} weapons in state custody or after read from the register", recovered.size());
    }

    @ApplicationModuleListener
    void on(WeaponRegistered registered) {
        if (registered.status() == WeaponStatus.IN_STATE_CUSTODY) {
            resync(registered.weaponId());
        }
    }

    @ApplicationModuleListener
    void on(WeaponEventsRecorded recorded) {
        recorded.events().stream()
                .filter(e -> EventKind.RECOVERIES.contains(e.kind()) || e.kind() == EventKind.VOIDED)
                .map(WeaponEventRecorded::weaponId).distinct().forEach(this::resync);
    }

    /** Rebuilds one weapon's recovery rows from its history as it stands. */
    void resync(WeaponId id) {
        // A role without personal data: the projection needs kinds and dates, and reads no one's name.
        WeaponDetails w = SystemActor.run("tracing-sdg", Role.READ_ONLY, () -> registry.weapon(id).orElse(null));
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM trace_recovery WHERE weapon_id = :id").param("id", id.value()).update();
            if (w == null) {
                return;
            }
            boolean lawfulBefore = false;
            boolean hasSerial = w.serialNormalised() != null && !w.serialNormalised().isBlank();
            for (TimelineEntry e : w.timeline()) {
                if (e.voided() || !EventKind.LIFECYCLE.contains(e.kind())) {
                    continue;
                }
                if (EventKind.RECOVERIES.contains(e.kind()) && e.occurredOn() != null) {
                    jdbc.sql("""
                            INSERT INTO trace_recovery (weapon_id, seq, kind, recovered_on, weapon_type, has_serial, known_before)
                            VALUES (:id, :seq, :kind, :on, :type, :serial, :known) ON CONFLICT DO NOTHING""")
                            .param("id", id.value()).param("seq", e.seq()).param("kind", e.kind().name()).param("on", e.occurredOn())
                            .param("type", w.type().name()).param("serial", hasSerial).param("known", lawfulBefore).update();
                } else if (!NOT_LAWFUL_HISTORY.contains(e.kind())) {
                    lawfulBefore = true;
                }
            }
        });
    }
}
