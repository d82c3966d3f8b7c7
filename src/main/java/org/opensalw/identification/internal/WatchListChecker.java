package org.opensalw.identification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opensalw.identification.Alert;
import org.opensalw.identification.Candidate;
import org.opensalw.identification.Reading;
import org.opensalw.identification.WatchEntry;
import org.opensalw.identification.WatchListHit;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponEventRecorded;
import org.opensalw.registry.WeaponEventsRecorded;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.registry.WeaponRegistered;
import org.opensalw.registry.WeaponStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks each weapon recorded as found, seized or surrendered against the weapons reported lost or stolen, in this
 * register and in the imported lists, at once (on the registry's event), and raises an alert with the evidence. Each
 * alert is raised once: its id comes from what raised it, so a check run again (an event delivered again after a
 * restart) stores, delivers and announces nothing new.
 */
@Component
@Order(21)
public class WatchListChecker implements ApplicationRunner {

    /** The trigger of the check of a weapon registered as recovered (a weapon is registered once). */
    public static final long REGISTRATION = 0;

    private static final Set<WeaponStatus> MISSING = Set.of(WeaponStatus.LOST, WeaponStatus.STOLEN);
    /** Imported entries read per query. */
    private static final int PAGE = 10_000;

    private final RegisterFollower follower;
    private final IdentificationIndex register;
    private final IdentificationIndex imported;
    private final WatchListStore store;
    private final RegistryQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserAccounts accounts;
    /** Who is told of an alert: by default the investigators (`opensalw.identification.alert-roles`). */
    private final List<Role> alertRoles;
    /** How long a check waits for the indexes at start before it fails, to run again later. */
    private final long readyWaitMillis;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final TransactionTemplate transactions;
    /** The number of the last imported entry indexed; entries are indexed before it moves past them. */
    private final AtomicLong importedUpTo = new AtomicLong();

    WatchListChecker(RegisterFollower follower, MakerDirectory makers, WatchListStore store, RegistryQueries queries,
            ApplicationEventPublisher events, Clock clock, UserAccounts accounts,
            @Value("${opensalw.identification.alert-roles:INVESTIGATOR}") List<Role> alertRoles,
            @Value("${opensalw.identification.ready-wait-millis:600000}") long readyWaitMillis,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.follower = follower;
        this.register = follower.index();
        this.imported = new IdentificationIndex(makers::code);
        this.store = store;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
        this.accounts = accounts;
        this.alertRoles = alertRoles;
        this.readyWaitMillis = readyWaitMillis;
    }

    /** Loads the imported lists into their own in-memory index. */
    @Override
    public void run(ApplicationArguments args) {
        readImported();
        imported.freeze();
        loaded.countDown();
    }

    /** Adds an imported entry to the index (after it is stored). */
    public void index(WatchEntry e) {
        imported.add(new WeaponIdentity(new WeaponId(e.id()), e.type(), imported.makerCode(e.maker()), e.maker(), e.model(), e.calibre(),
                null, null, e.serial(), e.serial(), e.reportKind()));
    }

    /** Indexes the entries imported since the last read, by any instance (an import on another reaches only its own index). */
    @Scheduled(fixedDelayString = "${opensalw.identification.sync-millis:2000}", initialDelayString = "${opensalw.identification.sync-millis:2000}")
    public int catchUpImported() {
        return loaded.getCount() > 0 ? 0 : readImported();
    }

    /** Concurrent reads only repeat work: adding is idempotent and the mark only moves forward. */
    private int readImported() {
        int read = 0;
        while (true) {
            List<WatchListStore.Numbered> page = store.entriesAfter(importedUpTo.get(), PAGE);
            page.forEach(n -> index(n.entry()));
            read += page.size();
            if (page.isEmpty()) {
                return read;
            }
            importedUpTo.accumulateAndGet(page.get(page.size() - 1).seq(), Math::max);
            if (page.size() < PAGE) {
                return read;
            }
        }
    }

    // no transaction while a check waits for the indexes (minutes at start on a large register): it opens its own after
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WeaponEventsRecorded recorded) {
        for (WeaponEventRecorded event : recorded.events()) {
            if (EventKind.RECOVERIES.contains(event.kind())) {
                check(event.weaponId(), event.previousStatus(), event.seq());
            }
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WeaponRegistered event) {
        if (event.status() == WeaponStatus.IN_STATE_CUSTODY) {
            check(event.weaponId(), null, REGISTRATION);
        }
    }

    /**
     * Checks the weapon as recovered by the ledger record {@code trigger} ({@link #REGISTRATION} when it was registered
     * as recovered) and returns the alerts raised now (none when this check ran before). Fails while the indexes are
     * not loaded yet (events delivered again at start come before they are), so that the event stays outstanding
     * instead of being found clear against empty indexes.
     */
    public List<Alert> check(WeaponId id, WeaponStatus previous, long trigger) {
        awaitReady(); // holding no connection meanwhile
        return transactions.execute(status -> checkReady(id, previous, trigger));
    }

    private List<Alert> checkReady(WeaponId id, WeaponStatus previous, long trigger) {
        // as the register and the lists are now, whichever instance wrote them
        follower.catchUp();
        readImported();
        WeaponIdentity w = RegisterFollower.asSystem(() -> queries.weaponIdentity(id)).orElse(null);
        if (w == null) {
            return List.of();
        }
        List<Alert> found = new ArrayList<>();
        if (previous != null && MISSING.contains(previous)) {
            found.add(alert(w, trigger, "REGISTER", id, null, w.serialAsMarked(), 100, AlertEvidence.itself(previous)));
        }
        Reading reading = new Reading(w.serialAsMarked(), w.makerCode() != null ? w.makerCode() : w.makerAsMarked(), w.model(), w.calibre(),
                w.type(), w.countryOfManufacture(), w.yearOfManufacture());
        // the recovered weapon may already be in the index (its own event may be applied first): leave it out, and
        // judge confidence among the other candidates only, so the outcome does not depend on which listener ran first
        List<Candidate> others = register.identify(reading, 11).candidates().stream().filter(c -> !c.weaponId().equals(id)).toList();
        if (!others.isEmpty() && clearLead(others)) {
            Candidate c = withCurrentStatus(others.get(0));
            if (MISSING.contains(c.status())) {
                found.add(alert(w, trigger, "REGISTER", c.weaponId(), null, c.serial(), c.score(), AlertEvidence.candidate(c)));
            }
        }
        for (Candidate c : imported.identify(reading, 10).candidates()) {
            if (c.confident()) {
                found.add(alert(w, trigger, "IMPORTED", null, c.weaponId().value(), c.serial(), c.score(), AlertEvidence.candidate(c)));
            }
        }
        List<Alert> raised = new ArrayList<>();
        List<String> recipients = null;
        for (Alert a : found) {
            if (store.insert(a)) {
                recipients = recipients != null ? recipients : accounts.usernamesWithAnyRole(alertRoles);
                store.deliver(a.id(), recipients, a.raisedAt());
                events.publishEvent(new WatchListHit(a.id(), a.weaponId(), a.matchedWeaponId(), a.matchedEntryId(), a.score()));
                raised.add(a);
            }
        }
        return raised;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readyWaitMillis);
        try {
            if (follower.awaitBuilt(deadline - System.nanoTime()) && loaded.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("The identification indexes are not loaded yet: the watch-list check is left outstanding, to run again");
    }

    /** The top candidate is a confident match: a high score and a clear lead over the next (as in the index). */
    private static boolean clearLead(List<Candidate> ranked) {
        Candidate top = ranked.get(0);
        return top.score() >= Candidate.CONFIDENT
                && (ranked.size() == 1 || ranked.get(1).score() <= top.score() - IdentificationIndex.CONFIDENT_LEAD);
    }

    /** The candidate with its status as the register has it now: the index follows other instances' writes a moment later. */
    private Candidate withCurrentStatus(Candidate c) {
        WeaponStatus now = RegisterFollower.asSystem(() -> queries.weaponIdentity(c.weaponId())).map(WeaponIdentity::status).orElse(c.status());
        return new Candidate(c.weaponId(), c.score(), c.confident(), c.serial(), c.serialMarks(), c.makerCode(), c.model(), c.calibre(),
                c.type(), c.country(), c.year(), now, c.differs());
    }

    /** The same recovery matched with the same record gives the same id, so the alert is stored once however often checked. */
    private Alert alert(WeaponIdentity w, long trigger, String origin, WeaponId matched, UUID entry, String matchedSerial, int score,
            String evidence) {
        String raisedBy = w.id().value() + "/" + trigger + "/" + origin + "/" + (matched != null ? matched.value() : entry);
        return new Alert(UUID.nameUUIDFromBytes(raisedBy.getBytes(StandardCharsets.UTF_8)), w.id(), w.serialAsMarked(), origin, matched,
                entry, matchedSerial, score, evidence, clock.instant(), null, null);
    }

}
