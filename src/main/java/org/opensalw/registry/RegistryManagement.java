package org.opensalw.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.reference.References;
import org.opensalw.registry.internal.Details;
import org.opensalw.registry.internal.GroupCommit;
import org.opensalw.registry.internal.HolderStore;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.registry.internal.Lifecycle;
import org.opensalw.registry.internal.SameIdentity;
import org.opensalw.registry.internal.WeaponStore;
import org.opensalw.shared.ImageTypes;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Records weapons and everything that happens to them. Each write validates against the rules and the state
 * machine, appends to the hash-chained ledger, updates the current state and the audit trail in one transaction,
 * and publishes an event for the other modules.
 */
@Service
@Validated
@PreAuthorize("hasRole('REGISTRAR')")
public class RegistryManagement {

    private final WeaponStore weapons;
    private final HolderStore holders;
    private final Ledger ledger;
    private final References references;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HolderRegister holderRegister;
    private final GroupCommit groupCommit;
    private final EventRecorder recorder;
    private final java.util.function.Function<List<GroupCommit.Merged<BatchEvent>>, List<GroupCommit.Result<Long>>> mergedEvents;
    private final BulkRegister bulk;
    private final SameIdentity sameIdentity;

    /** What a bulk registration wrote. */
    public record BulkResult(int weapons, int holders, long firstSeq, long lastSeq, long millis, long copyMillis) {
    }

    RegistryManagement(WeaponStore weapons, HolderStore holders, Ledger ledger, References references,
            CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock, GroupCommit groupCommit,
            javax.sql.DataSource dataSource, org.opensalw.registry.internal.BulkIndexes bulkIndexes) {
        this.bulk = new BulkRegister(dataSource, ledger, references, audit, events, clock, bulkIndexes);
        this.groupCommit = groupCommit;
        this.recorder = new EventRecorder(weapons, holders, ledger, references, audit, events, clock);
        this.mergedEvents = recorder::recordEach; // one instance, so the group commit can merge events of many callers
        this.weapons = weapons;
        this.holders = holders;
        this.ledger = ledger;
        this.references = references;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.holderRegister = new HolderRegister(holders, ledger, references, currentUser, audit, clock);
        this.sameIdentity = new SameIdentity(weapons);
    }

    /** Registers a weapon; concurrent registrations share commits ({@link GroupCommit}). */
    public WeaponId register(@NotNull @Valid Registration registration) {
        return groupCommit.run(() -> registerOne(registration));
    }

    private WeaponId registerOne(Registration registration) {
        WeaponDescription d = registration.description();
        LocalDate today = LocalDate.now(clock);
        EventCommand origin = registration.origin();
        HistoryCheck.Result checked = HistoryCheck.check(registration, List.of(), today, new HistoryCheck.Lookups(
                code -> references.maker(code).isPresent(), code -> references.country(code).isPresent(), holders::exists, holders::licence));
        if (!checked.valid()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, checked.violations());
        }
        // the head first, as every writer takes it: a registration of the same mark or serial at the same time (another
        // instance, an import) waits until this one commits, then finds it
        ledger.lockHead();
        List<Violation> taken = new ArrayList<>(sameIdentity.nationalMarksTaken(registration));
        SameIdentity.Taken sameSerial = sameIdentity.sameMakerAndSerial(d).orElse(null);
        if (sameSerial != null && !registration.confirmedDistinct()) {
            taken.add(SameIdentity.serialTaken(sameSerial));
        }
        if (!taken.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, taken);
        }

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String by = currentUser.username();
        WeaponStore.Row row = EventRecorder.weaponRow(id, d, checked, null, now, by);
        weapons.insert(row);

        // a weapon registered as another than one of the same maker and serial says so in its record, with which one
        String distinct = sameSerial == null ? "" : Details.of().with("distinctFrom", sameSerial.weaponId()).text();
        List<Ledger.NewEntry> entries = new ArrayList<>();
        entries.add(new Ledger.NewEntry("WEAPON", id, EventKind.REGISTERED, today, EventRecorder.nz(registration.location()).trim(), "",
                "", "", registration.holderId(), null,
                null, EventRecorder.registrationSnapshot(registration, row) + distinct, null, null));
        if (origin != null) {
            entries.add(EventRecorder.entry(id, origin, null));
        }
        List<Long> seqs = ledger.append(entries, by, now);
        for (MarkingInput m : registration.markings()) {
            weapons.addMarking(id, m, seqs.get(0), now, by);
        }
        if (origin != null && origin.marking() != null) {
            weapons.addMarking(id, origin.marking(), seqs.get(1), now, by);
        }
        audit.recordWrite("weapon.register", "WEAPON", id, "serial=" + row.serialAsMarked()
                + (sameSerial == null ? "" : " confirmed distinct from " + sameSerial.weaponId()));
        events.publishEvent(new WeaponRegistered(new WeaponId(id), row.makerCode(), row.serialNormalised(), checked.status()));
        return new WeaponId(id);
    }

    /**
     * Registers many weapons with their holders and past events in one transaction (legacy imports): each is checked
     * with the same rules as {@link #register} ({@link HistoryCheck}); if any is refused nothing is written. Records are
     * written by COPY and chained into the ledger with the head locked until commit; one audit record and one
     * {@link WeaponsRegisteredInBatch} event for the whole batch.
     */
    /**
     * Takes the ledger head for the rest of the caller's transaction: no registration commits until it ends. An import
     * confirmation takes it before checking the rows against what was registered since they were read, so that nothing
     * (a second confirmation included) is registered between that check and its own registration.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void holdLedgerHead() {
        ledger.lockHead();
    }

    @Transactional
    public BulkResult registerBulk(@NotNull UUID batchId, @NotNull java.util.Iterator<BulkWeapon> weapons) {
        return registerBulk(batchId, 0, weapons);
    }

    /**
     * As {@link #registerBulk(UUID, java.util.Iterator)}, told how many weapons to expect: a batch of at least
     * {@code opensalw.registry.bulk.rebuild-indexes-from} weapons (50,000), and at least as many as the register holds,
     * is written with the secondary indexes dropped and built again before commit, which is several times faster;
     * the register's tables are then locked (not readable) until the batch commits.
     */
    @Transactional
    public BulkResult registerBulk(@NotNull UUID batchId, long expectedWeapons, @NotNull java.util.Iterator<BulkWeapon> weapons) {
        return bulk.register(batchId, expectedWeapons, weapons, currentUser.username());
    }

    /**
     * Records one lifecycle event; returns its ledger sequence number. Concurrent callers share commits
     * ({@link GroupCommit}); each is answered only once its event is durable.
     */
    public long recordEvent(@NotNull WeaponId weaponId, @NotNull @Valid EventCommand command) {
        return groupCommit.runMerged(new BatchEvent(weaponId, command), mergedEvents);
    }

    /**
     * Records many events in one transaction, in order (several may concern one weapon). All are checked first:
     * if any is refused, none is recorded and the exception names each refused one by its position.
     */
    @Transactional
    public List<Long> recordEvents(@NotNull List<@Valid BatchEvent> batch, UUID batchId) {
        List<Long> seqs = recorder.recordAll(batch, batchId, currentUser.username());
        if (!seqs.isEmpty()) {
            audit.recordWrite("weapon.events", "LEDGER", seqs.get(0), seqs.size() + " events, seq " + seqs.get(0) + "-"
                    + seqs.get(seqs.size() - 1) + (batchId == null ? "" : " batch=" + batchId));
        }
        return seqs;
    }

    /**
     * Voids an earlier entry of a weapon's history (a correction: who, when, why). The rest of the history must
     * still be possible without it; the voided entry stays in the ledger, marked as voided.
     */
    @Transactional
    public long voidEntry(@NotNull WeaponId weaponId, long seq, String reason) {
        if (reason == null || reason.isBlank()) {
            throw UserFacingException.invalid("reason", "correction.reason.required");
        }
        ledger.lockHead(); // before the weapon row, as every writer of the register takes them
        WeaponStore.Row row = weapons.lock(List.of(weaponId.value())).get(weaponId.value());
        if (row == null) {
            throw UserFacingException.notFound("weapon", weaponId);
        }
        List<Ledger.Entry> history = ledger.forSubject(weaponId.value());
        Set<Long> voided = new java.util.HashSet<>();
        history.forEach(e -> {
            if (e.voidsSeq() != null) {
                voided.add(e.voidsSeq());
            }
        });
        Ledger.Entry target = history.stream().filter(e -> e.seq() == seq).findFirst()
                .orElseThrow(() -> UserFacingException.invalid("seq", "correction.notInHistory", seq));
        if (target.kind() == EventKind.REGISTERED || target.kind() == EventKind.VOIDED) {
            throw UserFacingException.invalid("seq", "correction.cannotVoid", seq);
        }
        if (voided.contains(seq)) {
            throw UserFacingException.invalid("seq", "correction.alreadyVoided", seq);
        }
        voided.add(seq);
        List<Ledger.Entry> remaining = history.stream()
                .filter(e -> !voided.contains(e.seq()) && e.kind() != EventKind.VOIDED && e.kind() != EventKind.PHOTO_ADDED).toList();
        Lifecycle.Outcome outcome = Lifecycle.replay(remaining.stream()
                .map(e -> new Lifecycle.Step(e.seq(), e.kind(), e.occurredOn())).toList());
        if (!outcome.allowed()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, List.of(outcome.refusal()));
        }
        UUID holder = null;
        String location = "";
        for (Ledger.Entry e : remaining) {
            holder = e.holderId() != null ? e.holderId() : holder;
            location = blankToNull(e.place()) != null ? e.place() : location;
        }
        if (blankToNull(target.place()) == null) {
            location = row.location(); // the voided entry moved nothing (and records registered before their place was kept have none)
        }
        Instant now = clock.instant();
        long correction = ledger.append(List.of(new Ledger.NewEntry("WEAPON", weaponId.value(), EventKind.VOIDED,
                LocalDate.now(clock), "", "", "", reason.trim(), null, null, null, "", seq, null)), currentUser.username(), now).get(0);
        weapons.updateStates(List.of(new WeaponStore.StateUpdate(weaponId.value(), outcome.next(), holder, location)), now);
        audit.recordWrite("weapon.void", "WEAPON", weaponId, "voided seq=" + seq + " by seq=" + correction + ": " + reason.trim());
        events.publishEvent(new WeaponEventsRecorded(List.of(new WeaponEventRecorded(weaponId, correction, EventKind.VOIDED, row.status(),
                outcome.next().status()))));
        return correction;
    }

    /** Adds a photo of the markings; its SHA-256 goes into the ledger, so a swapped picture is detected. */
    @Transactional
    public UUID addPhoto(@NotNull WeaponId weaponId, String caption, String contentType, byte[] content) {
        if (content == null || content.length == 0) {
            throw UserFacingException.invalid("photo", "photo.empty");
        }
        String type = ImageTypes.accepted(contentType).orElseThrow(() -> UserFacingException.invalid("photo", "photo.type", contentType));
        if (!ImageTypes.looksLike(type, content)) {
            throw UserFacingException.invalid("photo", "photo.content", type);
        }
        ledger.lockHead(); // before the weapon row, as every writer of the register takes them
        if (weapons.lock(List.of(weaponId.value())).isEmpty()) {
            throw UserFacingException.notFound("weapon", weaponId);
        }
        String sha = sha256(content);
        UUID photoId = UUID.randomUUID();
        Instant now = clock.instant();
        long seq = ledger.append(List.of(new Ledger.NewEntry("WEAPON", weaponId.value(), EventKind.PHOTO_ADDED, LocalDate.now(clock),
                "", "", "", EventRecorder.nz(caption), null, null, null, Details.of().with("photo", photoId).with("sha256", sha).text(), null, null)),
                currentUser.username(), now).get(0);
        weapons.addPhoto(photoId, weaponId.value(), EventRecorder.nz(caption), type, content, sha, seq, now, currentUser.username());
        audit.recordWrite("weapon.photo", "WEAPON", weaponId, "photo=" + photoId + " sha256=" + sha);
        return photoId;
    }

    @Transactional
    public HolderId registerHolder(@NotNull @Valid HolderForm form) {
        return holderRegister.register(form);
    }

    @Transactional
    public void updateHolder(@NotNull HolderId id, @NotNull @Valid HolderForm form) {
        holderRegister.update(id, form, null);
    }

    /**
     * Updates a holder as edited from the version read ({@link HolderDetails#updatedAt()}): refused (CONFLICT) when someone
     * changed the holder since, so that two people editing at once do not undo each other's changes.
     */
    @Transactional
    public void updateHolder(@NotNull HolderId id, @NotNull @Valid HolderForm form, java.time.Instant version) {
        holderRegister.update(id, form, version);
    }

    @Transactional
    public LicenceId issueLicence(@NotNull HolderId holderId, @NotNull @Valid LicenceForm form) {
        return holderRegister.issueLicence(holderId, form);
    }

    @Transactional
    public void revokeLicence(@NotNull LicenceId licenceId, @NotNull LocalDate on, String reason) {
        holderRegister.revokeLicence(licenceId, on, reason);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
