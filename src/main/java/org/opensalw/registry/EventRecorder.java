package org.opensalw.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opensalw.identity.AuditTrail;
import org.opensalw.reference.References;
import org.opensalw.registry.internal.Details;
import org.opensalw.registry.internal.EventRules;
import org.opensalw.registry.internal.GroupCommit;
import org.opensalw.registry.internal.HolderStore;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.registry.internal.Lifecycle;
import org.opensalw.registry.internal.SameIdentity;
import org.opensalw.registry.internal.WeaponStore;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Lifecycle events for {@link RegistryManagement}: checks each event against the rules and the state machine (in
 * order, so several events of one weapon follow each other), then writes all accepted ones with one ledger append,
 * one state update and one audit statement.
 */
class EventRecorder {

    /** What became of one event: its ledger sequence number, or why it was refused (and whether it was for lack of its weapon). */
    record Outcome(Long seq, List<Violation> refusals, boolean weaponMissing) {
    }

    private final WeaponStore weapons;
    private final HolderStore holders;
    private final Ledger ledger;
    private final References references;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SameIdentity sameIdentity;

    EventRecorder(WeaponStore weapons, HolderStore holders, Ledger ledger, References references, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.weapons = weapons;
        this.holders = holders;
        this.ledger = ledger;
        this.references = references;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.sameIdentity = new SameIdentity(weapons);
    }

    /** All or nothing: if any event is refused, nothing is written and every refusal is named by its position. */
    List<Long> recordAll(List<BatchEvent> batch, UUID batchId, String by) {
        List<Outcome> outcomes = record(batch, batchId, Collections.nCopies(batch.size(), by), false);
        return outcomes.stream().map(Outcome::seq).toList();
    }

    /** Events of different callers merged by a group commit: each is accepted or refused on its own. */
    List<GroupCommit.Result<Long>> recordEach(List<GroupCommit.Merged<BatchEvent>> merged) {
        List<BatchEvent> batch = merged.stream().map(GroupCommit.Merged::item).toList();
        List<String> users = merged.stream().map(GroupCommit.Merged::username).toList();
        List<Outcome> outcomes = record(batch, null, users, true);
        List<AuditTrail.Write> writes = new ArrayList<>();
        List<GroupCommit.Result<Long>> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.seq() == null) {
                // an event on a weapon that does not exist is not an invalid event: nothing is there to record it on
                results.add(GroupCommit.Result.failed(new UserFacingException(o.weaponMissing() ? UserFacingException.Kind.NOT_FOUND
                        : UserFacingException.Kind.INVALID, o.refusals())));
            } else {
                writes.add(new AuditTrail.Write(users.get(i), "weapon.event", "WEAPON", batch.get(i).weaponId(),
                        batch.get(i).command().kind() + " seq=" + o.seq()));
                results.add(GroupCommit.Result.of(o.seq()));
            }
        }
        audit.recordWrites(writes);
        return results;
    }

    private List<Outcome> record(List<BatchEvent> batch, UUID batchId, List<String> users, boolean eachAlone) {
        if (batch.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Set<UUID> ids = new LinkedHashSet<>();
        batch.forEach(b -> ids.add(b.weaponId().value()));
        ledger.lockHead(); // before the weapon rows, as every writer of the register does (voids and photos too): no deadlock
        Map<UUID, WeaponStore.Row> rows = weapons.lock(ids);
        Map<UUID, WeaponStore.StateUpdate> current = new HashMap<>();
        rows.forEach((id, r) -> current.put(id, new WeaponStore.StateUpdate(id, r.state(), r.holderId(), r.location())));
        List<List<Violation>> refusals = new ArrayList<>(batch.size());
        List<Integer> accepted = new ArrayList<>(batch.size());
        List<Ledger.NewEntry> entries = new ArrayList<>(batch.size());
        List<String> authors = new ArrayList<>(batch.size());
        List<WeaponEventRecorded> published = new ArrayList<>(batch.size());
        Set<UUID> touched = new LinkedHashSet<>();
        Map<String, UUID> markedNow = new HashMap<>(); // national marks given by the events accepted so far
        Set<Integer> missing = new HashSet<>(); // events of a weapon the register does not hold
        for (int i = 0; i < batch.size(); i++) {
            BatchEvent b = batch.get(i);
            String where = eachAlone || batch.size() == 1 ? "" : "events[" + i + "].";
            WeaponStore.Row row = rows.get(b.weaponId().value());
            if (row == null) {
                Violation notFound = UserFacingException.notFound("weapon", b.weaponId()).violations().get(0);
                refusals.add(List.of(new Violation(where + "weaponId", notFound.code(), notFound.args())));
                missing.add(i);
                continue;
            }
            WeaponStore.StateUpdate before = current.get(row.id());
            EventCommand c = b.command();
            EventRules.Context context = context(c, before, row.yearOfManufacture(), today);
            List<Violation> found = new ArrayList<>(EventRules.check(context));
            EventRules.transferToAnotherHolder(context).ifPresent(found::add);
            Lifecycle.Outcome outcome = Lifecycle.apply(before.state(), c.kind(), c.occurredOn());
            if (!EventKind.LIFECYCLE.contains(c.kind())) {
                found.add(Violation.of("kind", "event.kind.notLifecycle", c.kind()));
            } else if (!outcome.allowed()) {
                found.add(outcome.refusal());
            }
            if (found.isEmpty()) {
                markTaken(c.marking(), row.id(), markedNow).ifPresent(found::add);
            }
            if (!found.isEmpty()) {
                refusals.add(prefixed(where, found));
                continue;
            }
            refusals.add(null);
            accepted.add(i);
            UUID holder = c.holderId() != null ? c.holderId() : before.holderId();
            String location = c.place() != null && !c.place().isBlank() ? c.place().trim() : before.location();
            current.put(row.id(), new WeaponStore.StateUpdate(row.id(), outcome.next(), holder, location));
            touched.add(row.id());
            entries.add(entry(row.id(), c, batchId));
            if (c.marking() != null && c.marking().kind() == MarkingKind.NATIONAL) {
                markedNow.put(markKey(c.marking()), row.id());
            }
            authors.add(users.get(i));
            published.add(new WeaponEventRecorded(new WeaponId(row.id()), 0, c.kind(), before.state().status(), outcome.next().status()));
        }
        if (!eachAlone && accepted.size() < batch.size()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID,
                    refusals.stream().filter(r -> r != null).flatMap(List::stream).toList());
        }
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), (Outcome) null));
        for (int i = 0; i < batch.size(); i++) {
            if (refusals.get(i) != null) {
                outcomes.set(i, new Outcome(null, refusals.get(i), missing.contains(i)));
            }
        }
        if (entries.isEmpty()) {
            return outcomes;
        }
        Instant now = clock.instant();
        List<Long> seqs = ledger.append(entries, authors, now);
        weapons.updateStates(touched.stream().map(current::get).toList(), now);
        for (int k = 0; k < accepted.size(); k++) {
            int i = accepted.get(k);
            outcomes.set(i, new Outcome(seqs.get(k), List.of(), false));
            MarkingInput m = batch.get(i).command().marking();
            if (m != null) {
                weapons.addMarking(batch.get(i).weaponId().value(), m, seqs.get(k), now, authors.get(k));
            }
            WeaponEventRecorded e = published.get(k);
            published.set(k, new WeaponEventRecorded(e.weaponId(), seqs.get(k), e.kind(), e.previousStatus(), e.status()));
        }
        events.publishEvent(new WeaponEventsRecorded(published));
        return outcomes;
    }

    /**
     * ITI para 8 e: a national mark applied by a MARKED event (or any event's marking) must not be one that another weapon
     * carries already, in the register or by an event accepted earlier in this batch.
     */
    private java.util.Optional<Violation> markTaken(MarkingInput m, UUID weaponId, Map<String, UUID> markedNow) {
        if (m == null || m.kind() != MarkingKind.NATIONAL || m.text() == null || m.text().isBlank()) {
            return java.util.Optional.empty();
        }
        UUID earlier = markedNow.get(markKey(m));
        if (earlier != null && !earlier.equals(weaponId)) {
            return java.util.Optional.of(Violation.of("marking.text", "marking.national.taken", m.text().trim(), earlier));
        }
        return sameIdentity.nationalMarkTaken(m, weaponId, "marking.text");
    }

    private static String markKey(MarkingInput m) {
        return m.text().trim().toUpperCase(Locale.ROOT);
    }

    EventRules.Context context(EventCommand c, WeaponStore.StateUpdate before, Integer year, LocalDate today) {
        String country = upper(c.country());
        return new EventRules.Context(c, before.state(), year, before.holderId(), today, holders.exists(c.holderId()),
                country == null || references.country(country).isPresent(), holders.licence(c.licenceId()));
    }

    static Ledger.NewEntry entry(UUID weaponId, EventCommand c, UUID batchId) {
        String details = c.marking() == null ? "" : Details.of().with("marking." + c.marking().kind(), markingText(c.marking())).text();
        return new Ledger.NewEntry("WEAPON", weaponId, c.kind(), c.occurredOn(), nz(c.place()).trim(), nz(c.actor()).trim(),
                nz(c.reference()).trim(), nz(c.notes()).trim(), c.holderId(), c.licenceId(), upper(c.country()), details, null, batchId);
    }

    /**
     * The weapon row a checked registration stores (single and bulk registration alike): maker and country codes upper
     * case, texts trimmed, the serial normalised, status, holder and last event from the check.
     */
    static WeaponStore.Row weaponRow(UUID id, WeaponDescription d, HistoryCheck.Result checked, UUID batchId, Instant at, String by) {
        String serial = nz(d.serial()).trim();
        return new WeaponStore.Row(id, d.type(), upper(d.makerCode()), nz(d.makerAsMarked()).trim(), nz(d.model()).trim(),
                nz(d.calibre()).trim(), upper(d.countryOfManufacture()), d.yearOfManufacture(), serial, SerialNumbers.normalise(serial),
                checked.status(), checked.holder(), checked.location(), batchId, at, by, at, checked.lastKind(), checked.lastOn());
    }

    /** The canonical snapshot of a registration in its REGISTERED ledger record (single and bulk registration alike). */
    static String registrationSnapshot(Registration r, WeaponStore.Row row) {
        WeaponDescription d = r.description();
        Details snapshot = Details.of().with("type", d.type()).with("maker", row.makerCode()).with("makerAsMarked", d.makerAsMarked())
                .with("model", d.model()).with("calibre", d.calibre()).with("countryOfManufacture", row.countryOfManufacture())
                .with("yearOfManufacture", d.yearOfManufacture()).with("serial", row.serialAsMarked());
        r.markings().forEach(m -> snapshot.with("marking." + m.kind(), markingText(m)));
        return snapshot.text();
    }

    static String markingText(MarkingInput m) {
        return m.text().trim() + (m.country() == null || m.country().isBlank() ? "" : " " + upper(m.country()))
                + (m.year() == null ? "" : " " + m.year());
    }

    static List<Violation> prefixed(String prefix, List<Violation> violations) {
        if (prefix.isEmpty()) {
            return violations;
        }
        return violations.stream().map(v -> new Violation(v.field() == null ? prefix.substring(0, prefix.length() - 1)
                : prefix + v.field(), v.code(), v.args())).toList();
    }

    static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
