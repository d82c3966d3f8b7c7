package org.opensalw.identification.internal;

import java.util.List;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;

import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponEventRecorded;
import org.opensalw.registry.WeaponEventsRecorded;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponRegistered;
import org.opensalw.registry.WeaponsRegisteredInBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Builds the index from the whole register at start, then follows the registry's events (delivered reliably from the
 * event publication registry, also after a restart). An event may arrive while the index is built: adding is idempotent.
 */
@Configuration
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    /**
     * Sized for the register as it is at start (and a tenth more), so that loading millions of weapons does not copy
     * the index's arrays while they grow (at 10M weapons a copy would need twice the heap for a moment).
     */
    @Bean
    IdentificationIndex identificationIndex(MakerDirectory makers, RegistryQueries queries) {
        long weapons = SystemActor.run("identification-index", Role.INVESTIGATOR, queries::weaponCount);
        return new IdentificationIndex(makers::code, (int) Math.min(50_000_000L, weapons + weapons / 10));
    }

    @Bean
    @Order(20)
    ApplicationRunner buildIdentificationIndex(IdentificationIndex index, RegistryQueries queries) {
        return (ApplicationArguments args) -> {
            long started = System.nanoTime();
            SystemActor.run("identification-index", Role.INVESTIGATOR, () -> {
                queries.forEachWeaponIdentity(index::add);
                return null;
            });
            index.freeze();
            log.info("Identification index: {} weapons in {} ms, about {} MB", index.size(), (System.nanoTime() - started) / 1_000_000,
                    index.bytes() / (1024 * 1024));
        };
    }

    @Bean
    Listener identificationIndexListener(IdentificationIndex index, RegistryQueries queries) {
        return new Listener(index, queries);
    }

    static class Listener {
        private final IdentificationIndex index;
        private final RegistryQueries queries;

        Listener(IdentificationIndex index, RegistryQueries queries) {
            this.index = index;
            this.queries = queries;
        }

        @ApplicationModuleListener
        void on(WeaponRegistered event) {
            refresh(List.of(event.weaponId()));
        }

        @ApplicationModuleListener
        void on(WeaponEventsRecorded recorded) {
            refresh(recorded.events().stream().map(WeaponEventRecorded::weaponId).distinct().toList());
        }

        /** A bulk registration (an import): the batch's weapons are read in one stream, not announced one by one. */
        @ApplicationModuleListener
        void on(WeaponsRegisteredInBatch batch) {
            synchronized (this) {
                SystemActor.run("identification-index", Role.INVESTIGATOR, () -> {
                    queries.forEachWeaponIdentityOfBatch(batch.batchId(), weapon -> {
                        if (index.contains(weapon.id())) {
                            index.status(weapon.id(), weapon.status());
                        } else {
                            index.add(weapon);
                        }
                    });
                    return null;
                });
            }
        }

        /**
         * Listeners run concurrently and in any order, so each re-reads the weapons from the register (which already
         * holds the change that caused the event), in one query, and one listener at a time: whichever runs last has read
         * the latest state.
         */
        private synchronized void refresh(List<WeaponId> ids) {
            SystemActor.run("identification-index", Role.INVESTIGATOR, () -> queries.weaponIdentities(ids)).forEach(weapon -> {
                if (index.contains(weapon.id())) {
                    index.status(weapon.id(), weapon.status());
                } else {
                    index.add(weapon);
                }
            });
        }
    }
}
