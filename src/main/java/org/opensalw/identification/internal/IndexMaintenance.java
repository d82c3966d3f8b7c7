package org.opensalw.identification.internal;

import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;

import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponEventsRecorded;
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
 * Builds the index from the whole register at start, then follows the registry's events published by this instance
 * (at once) and the ledger written by every instance ({@link RegisterFollower}, within seconds). An event may arrive
 * while the index is built: adding is idempotent.
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
    ApplicationRunner buildIdentificationIndex(RegisterFollower follower) {
        return (ApplicationArguments args) -> {
            long started = System.nanoTime();
            follower.build();
            IdentificationIndex index = follower.index();
            log.info("Identification index: {} weapons in {} ms, about {} MB", index.size(), (System.nanoTime() - started) / 1_000_000,
                    index.bytes() / (1024 * 1024));
        };
    }

    @Bean
    Listener identificationIndexListener(RegisterFollower follower) {
        return new Listener(follower);
    }

    /**
     * Listeners run concurrently and in any order, so each re-reads the weapons from the register (which already holds
     * the change that caused the event), one at a time ({@link RegisterFollower}).
     */
    static class Listener {
        private final RegisterFollower follower;

        Listener(RegisterFollower follower) {
            this.follower = follower;
        }

        // Each event only makes the follower catch up now rather than at its next round: the ledger records after the
        // last applied name the weapons to re-read, so a change is read once, whether announced here or written elsewhere.
        @ApplicationModuleListener
        void on(WeaponRegistered event) {
            follower.catchUp();
        }

        @ApplicationModuleListener
        void on(WeaponEventsRecorded recorded) {
            follower.catchUp();
        }

        /** A bulk registration (an import): its ledger records are read a window at a time. */
        @ApplicationModuleListener
        void on(WeaponsRegisteredInBatch batch) {
            follower.catchUp();
        }
    }
}
