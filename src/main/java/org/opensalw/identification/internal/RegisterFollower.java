package org.opensalw.identification.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the identification index as the register is. Several instances share one database, and the registry's events
 * reach only the instance that published them: they make this instance's own changes immediate, and every instance
 * also tails the ledger ({@link #catchUp}, every {@code opensalw.identification.sync-millis}) for the changes written
 * by the others. One writer at a time, each re-reading the weapons under the lock: whichever writes last has read the
 * latest state.
 */
@Component
public class RegisterFollower {

    /** Ledger records read per query while catching up (a bulk import elsewhere may have written millions). */
    static final int WINDOW = 10_000;

    private final IdentificationIndex index;
    private final RegistryQueries queries;
    private final CountDownLatch built = new CountDownLatch(1);
    /** The last ledger record applied; -1 until the index is built from the register. Guarded by this. */
    private long followed = -1;

    RegisterFollower(IdentificationIndex index, RegistryQueries queries) {
        this.index = index;
        this.queries = queries;
    }

    public IdentificationIndex index() {
        return index;
    }

    /**
     * Builds the index from the whole register, then follows the ledger from the head read before the register was:
     * what is written meanwhile is both read and followed (adding is idempotent), so nothing falls between.
     */
    public void build() {
        long head = asSystem(queries::ledgerHead);
        asSystem(() -> {
            queries.forEachWeaponIdentity(index::add);
            return null;
        });
        index.freeze();
        startAfter(head);
    }

    /** Follows the ledger after record {@code seq}; the index is ready from now on. */
    synchronized void startAfter(long seq) {
        followed = seq;
        built.countDown();
    }

    /** Waits until the index is built, at most the time given; true when it is. */
    public boolean awaitBuilt(long nanos) throws InterruptedException {
        return built.await(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Applies the ledger records written since the last applied (by any instance), up to the head as it is now; returns
     * how many weapons were re-read. In one transaction, so that the connection is taken before the lock, not under it.
     */
    @Scheduled(fixedDelayString = "${opensalw.identification.sync-millis:2000}", initialDelayString = "${opensalw.identification.sync-millis:2000}")
    @Transactional(readOnly = true)
    public synchronized int catchUp() {
        if (followed < 0) {
            return 0;
        }
        long head = asSystem(queries::ledgerHead);
        int reread = 0;
        while (followed < head) {
            long after = followed;
            long upTo = Math.min(head, after + WINDOW);
            List<WeaponId> changed = asSystem(() -> queries.weaponsChangedBetween(after, upTo));
            refresh(changed);
            reread += changed.size();
            followed = upTo;
        }
        return reread;
    }

    /** Re-reads these weapons from the register. */
    private void refresh(List<WeaponId> ids) {
        if (!ids.isEmpty()) {
            asSystem(() -> queries.weaponIdentities(ids)).forEach(this::apply);
        }
    }

    private void apply(WeaponIdentity weapon) {
        if (index.contains(weapon.id())) {
            index.status(weapon.id(), weapon.status());
        } else {
            index.add(weapon);
        }
    }

    /** Reads of the register by the identification module itself (its indexes and watch-list checks). */
    static <T> T asSystem(Supplier<T> work) {
        return SystemActor.run("identification-index", Role.INVESTIGATOR, work);
    }
}
