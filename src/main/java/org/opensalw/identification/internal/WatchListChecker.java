package org.opensalw.identification.internal;

import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opensalw.identification.Alert;
import org.opensalw.identification.Candidate;
import org.opensalw.identification.Reading;
import org.opensalw.identification.WatchEntry;
import org.opensalw.identification.WatchListHit;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponEventRecorded;
import org.opensalw.registry.WeaponEventsRecorded;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.registry.WeaponRegistered;
import org.opensalw.registry.WeaponStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

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

    private final IdentificationIndex register;
    private final IdentificationIndex imported;
    private final WatchListStore store;
    private final RegistryQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserAccounts accounts;
    /** Who is told of an alert: by default the investigators (`opensalw.identification.alert-roles`). */
    private final List<Role> alertRoles;

    WatchListChecker(IdentificationIndex register, MakerDirectory makers, WatchListStore store, RegistryQueries queries,
            ApplicationEventPublisher events, Clock clock, UserAccounts accounts,
            @Value("${opensalw.identification.alert-roles:INVESTIGATOR}") List<Role> alertRoles) {
        this.accounts = accounts;
        this.alertRoles = alertRoles;
        this.register = register;
        this.imported = new IdentificationIndex(makers::code);
        this.store = store;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /** Loads the imported lists into their own in-memory index. */
    @Override
    public void run(ApplicationArguments args) {
        store.entries().forEach(this::index);
        imported.freeze();
    }

    /** Adds an imported entry to the index (after it is stored). */
    public void index(WatchEntry e) {
        imported.add(new WeaponIdentity(new WeaponId(e.id()), e.type(), imported.makerCode(e.maker()), e.maker(), e.model(), e.calibre(),
                null, null, e.serial(), e.serial(), e.reportKind()));
    }

    @ApplicationModuleListener
    void on(WeaponEventsRecorded recorded) {
        for (WeaponEventRecorded event : recorded.events()) {
            if (EventKind.RECOVERIES.contains(event.kind())) {
                check(event.weaponId(), event.previousStatus(), event.seq());
            }
        }
    }

    @ApplicationModuleListener
    void on(WeaponRegistered event) {
        if (event.status() == WeaponStatus.IN_STATE_CUSTODY) {
            check(event.weaponId(), null, REGISTRATION);
        }
    }

    /**
     * Checks the weapon as recovered by the ledger record {@code trigger} ({@link #REGISTRATION} when it was registered
     * as recovered) and returns the alerts raised now (none when this check ran before).
     */
    public List<Alert> check(WeaponId id, WeaponStatus previous, long trigger) {
        WeaponIdentity w = SystemActor.run("identification-index", Role.INVESTIGATOR, () -> queries.weaponIdentity(id)).orElse(null);
        if (w == null) {
            return List.of();
        }
        List<Alert> found = new ArrayList<>();
        if (previous != null && MISSING.contains(previous)) {
            found.add(alert(w, trigger, "REGISTER", id, null, w.serialAsMarked(), 100,
                    "The weapon itself was reported " + previous + " before this recovery."));
        }
        Reading reading = new Reading(w.serialAsMarked(), w.makerCode() != null ? w.makerCode() : w.makerAsMarked(), w.model(), w.calibre(),
                w.type(), w.countryOfManufacture(), w.yearOfManufacture());
        // the recovered weapon may already be in the index (its own event may be applied first): leave it out, and
        // judge confidence among the other candidates only, so the outcome does not depend on which listener ran first
        List<Candidate> others = register.identify(reading, 11).candidates().stream().filter(c -> !c.weaponId().equals(id)).toList();
        if (!others.isEmpty() && clearLead(others) && MISSING.contains(others.get(0).status())) {
            Candidate c = others.get(0);
            found.add(alert(w, trigger, "REGISTER", c.weaponId(), null, c.serial(), c.score(), evidence(c)));
        }
        for (Candidate c : imported.identify(reading, 10).candidates()) {
            if (c.confident()) {
                found.add(alert(w, trigger, "IMPORTED", null, c.weaponId().value(), c.serial(), c.score(), evidence(c)));
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

    /** The top candidate is a confident match: a high score and a clear lead over the next (as in the index). */
    private static boolean clearLead(List<Candidate> ranked) {
        Candidate top = ranked.get(0);
        return top.score() >= Candidate.CONFIDENT
                && (ranked.size() == 1 || ranked.get(1).score() <= top.score() - IdentificationIndex.CONFIDENT_LEAD);
    }

    /** The same recovery matched with the same record gives the same id, so the alert is stored once however often checked. */
    private Alert alert(WeaponIdentity w, long trigger, String origin, WeaponId matched, UUID entry, String matchedSerial, int score,
            String evidence) {
        String raisedBy = w.id().value() + "/" + trigger + "/" + origin + "/" + (matched != null ? matched.value() : entry);
        return new Alert(UUID.nameUUIDFromBytes(raisedBy.getBytes(StandardCharsets.UTF_8)), w.id(), w.serialAsMarked(), origin, matched,
                entry, matchedSerial, score, evidence, clock.instant(), null, null);
    }

    private static String evidence(Candidate c) {
        long lookAlikes = c.serialMarks().stream().filter(m -> m != org.opensalw.identification.SerialDifference.SAME).count();
        return "Serial " + c.serial() + " (" + (lookAlikes == 0 ? "same serial" : lookAlikes + " character(s) read differently")
                + "), maker " + (c.makerCode() == null ? "unknown" : c.makerCode()) + ", model " + (c.model() == null ? "unknown" : c.model())
                + ", reported " + c.status() + (c.differs().isEmpty() ? "" : "; differs: " + String.join(", ", c.differs()))
                + "; score " + c.score() + ".";
    }
}
