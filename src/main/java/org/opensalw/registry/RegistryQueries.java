package org.opensalw.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.reference.Maker;
import org.opensalw.reference.References;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.internal.HolderStore;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.registry.internal.Lifecycle;
import org.opensalw.registry.internal.WeaponStore;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the register for every signed-in role. Holders' personal data (a person's name, birth date, identity
 * document, address, phone) is given only to roles that need it, and each such read is written to the audit trail.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class RegistryQueries {

    private final WeaponStore weapons;
    private final HolderStore holders;
    private final Ledger ledger;
    private final References references;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    RegistryQueries(WeaponStore weapons, HolderStore holders, Ledger ledger, References references, CurrentUser currentUser,
            AuditTrail audit, JdbcClient jdbc) {
        this.weapons = weapons;
        this.holders = holders;
        this.ledger = ledger;
        this.references = references;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    public Optional<WeaponDetails> weapon(WeaponId id) {
        return weapons.find(id.value()).map(w -> {
            List<Ledger.Entry> entries = ledger.forSubject(id.value());
            Set<UUID> holderIds = new HashSet<>();
            if (w.holderId() != null) {
                holderIds.add(w.holderId());
            }
            entries.forEach(e -> {
                if (e.holderId() != null) {
                    holderIds.add(e.holderId());
                }
            });
            Map<UUID, HolderStore.Row> holderRows = holders.findAll(holderIds);
            boolean personal = currentUser.seesPersonalData();
            if (personal && holderRows.values().stream().anyMatch(h -> h.kind() == HolderKind.PERSON)) {
                audit.recordPersonalDataRead("weapon.view", "WEAPON", id);
            }
            HolderStore.Row holder = w.holderId() == null ? null : holderRows.get(w.holderId());
            String makerName = w.makerCode() == null ? null : references.maker(w.makerCode()).map(Maker::name).orElse(w.makerCode());
            return new WeaponDetails(id, w.type(), w.type().salwClass(), w.makerCode(), makerName, w.makerAsMarked(), w.model(),
                    w.calibre(), w.countryOfManufacture(), w.yearOfManufacture(), w.serialAsMarked(), w.serialNormalised(),
                    w.status(), w.holderId(), holder == null ? null : visibleName(holder, personal),
                    holder == null ? null : holder.kind(), w.location(), w.batchId(), w.registeredAt(), w.registeredBy(),
                    weapons.markings(id.value()), weapons.photos(id.value()), timeline(entries, holderRows, personal));
        });
    }

    /** The lifecycle events that the weapon's current status allows, for forms to offer only possible ones. */
    public List<EventKind> possibleEvents(WeaponId id) {
        WeaponStore.Row row = weapons.find(id.value()).orElseThrow(() -> UserFacingException.notFound("weapon", id));
        Lifecycle.State state = row.state();
        return EventKind.LIFECYCLE.stream().filter(k -> Lifecycle.canFollow(state, k)).toList();
    }

    public Page<WeaponSummary> weapons(WeaponFilter filter, PageRequest page) {
        return Page.of(weapons.list(filter, page), page);
    }

    @Transactional
    public Optional<HolderDetails> holder(HolderId id) {
        return holders.find(id.value()).map(h -> {
            boolean personal = currentUser.seesPersonalData();
            boolean isPerson = h.kind() == HolderKind.PERSON;
            if (personal && isPerson) {
                audit.recordPersonalDataRead("holder.view", "HOLDER", id);
            }
            boolean show = personal || !isPerson;
            // a holder recorded as a person and later as a company keeps the person's data in its earlier snapshots
            List<TimelineEntry> history = timeline(ledger.forSubject(id.value()), Map.of(h.id(), h), personal).stream()
                    .map(e -> personal || (show && !describesAPerson(e)) ? e : withoutDetails(e)).toList();
            return new HolderDetails(id, h.kind(), visibleName(h, personal), h.country(), show ? h.birthDate() : null,
                    show ? h.idDocument() : null, show ? h.address() : null, show ? h.phone() : null,
                    h.registrationNumber(), h.role(), show, h.createdAt(), h.createdBy(), holders.licences(id.value()),
                    weapons.heldBy(id.value()), history, h.updatedAt());
        });
    }

    /**
     * Holders already in the register that an import names (the same kind, name apart from case and accents, and the
     * same document; a person only with a document), probe by probe from parallel arrays: probe index to holder id. Only
     * ids are returned, no personal data.
     */
    public Map<Integer, UUID> matchingHolders(String[] kinds, String[] names, String[] documents) {
        return holders.matching(kinds, names, documents);
    }

    /** Holders by name prefix; persons are listed only to roles that may see personal data. */
    @Transactional
    public Page<HolderSummary> holders(String name, HolderKind kind, PageRequest page) {
        boolean personal = currentUser.seesPersonalData();
        List<HolderStore.Row> rows = holders.search(name, kind, personal, page);
        if (personal && rows.stream().anyMatch(r -> r.kind() == HolderKind.PERSON)) {
            audit.recordPersonalDataRead("holder.search", "HOLDER", null);
        }
        return Page.of(rows.stream().map(h -> new HolderSummary(new HolderId(h.id()), h.kind(), visibleName(h, personal),
                h.country(), h.role())).toList(), page);
    }

    public List<Licence> licences(HolderId holderId) {
        return holders.licences(holderId.value());
    }

    public Optional<Photo> photo(UUID photoId) {
        return weapons.photoInfo(photoId).flatMap(info -> weapons.photoContent(photoId).map(bytes -> new Photo(info, bytes)));
    }

    /** How many weapons the register holds (e.g. to size an index before loading it). */
    public long weaponCount() {
        return weapons.count();
    }

    public Dashboard dashboard() {
        List<Dashboard.RecentEvent> recent = jdbc.sql("""
                SELECT l.seq, l.subject_id, l.kind, l.occurred_on, w.serial_as_marked, l.recorded_at, l.recorded_by
                FROM ledger_entry l JOIN weapon w ON w.id = l.subject_id
                WHERE l.subject_type = 'WEAPON' ORDER BY l.seq DESC LIMIT 15
                """).query((rs, i) -> new Dashboard.RecentEvent(rs.getLong(1), new WeaponId(rs.getObject(2, UUID.class)),
                EventKind.valueOf(rs.getString(3)), rs.getObject(4, java.time.LocalDate.class), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7))).list();
        // from the counts kept as weapons change (V73); counting the register took 0.5 s per view at 1,000,000 weapons
        Map<WeaponStatus, Long> byStatus = new EnumMap<>(WeaponStatus.class);
        Map<WeaponType, Long> byType = new EnumMap<>(WeaponType.class);
        long total = 0;
        for (WeaponStore.Count c : weapons.countByStatusAndType()) {
            byStatus.merge(c.status(), c.weapons(), Long::sum);
            byType.merge(c.type(), c.weapons(), Long::sum);
            total += c.weapons();
        }
        return new Dashboard(total, holders.count(), byStatus, byType, recent);
    }

    /**
     * The weapons with a recovery (seized, found, surrendered) in their history, with their standing lifecycle events,
     * streamed: of the whole register when {@code batchId} is null, else of the weapons registered by that batch.
     * Selected by the events, not by the current status, so a weapon seized and later returned is included.
     */
    @Transactional(readOnly = true)
    public void forEachRecoveredWeapon(UUID batchId, Consumer<RecoveredWeapon> consumer) {
        recovered(batchId == null ? "" : "w.batch_id = :batch AND", batchId == null ? null : "batch", batchId, consumer);
    }

    /** The sequence number of the last ledger record (to ask later what changed after it). */
    public long ledgerHead() {
        return ledger.lastSeq();
    }

    /** Weapons with a recovery or a correction recorded after the ledger record {@code seq}. */
    public List<WeaponId> weaponsWithRecoveriesOrCorrectionsAfter(long seq) {
        List<String> kinds = new ArrayList<>(EventKind.RECOVERIES.stream().map(Enum::name).toList());
        kinds.add(EventKind.VOIDED.name());
        return jdbc.sql("""
                SELECT DISTINCT subject_id FROM ledger_entry WHERE seq > :seq AND subject_type = 'WEAPON' AND kind = ANY(:kinds)""")
                .param("seq", seq).param("kinds", kinds.toArray(String[]::new))
                .query((rs, i) -> new WeaponId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * The weapons with a ledger record after {@code afterSeq} up to {@code upToSeq} included (see {@link #ledgerHead()}),
     * for indexes kept by other modules to follow what other instances write. Records become visible in sequence order
     * (an append holds the head until it commits), so none can appear later at or below a head already read.
     */
    public List<WeaponId> weaponsChangedBetween(long afterSeq, long upToSeq) {
        return jdbc.sql("""
                SELECT DISTINCT subject_id FROM ledger_entry WHERE seq > :after AND seq <= :upTo AND subject_type = 'WEAPON'""")
                .param("after", afterSeq).param("upTo", upToSeq)
                .query((rs, i) -> new WeaponId(rs.getObject(1, UUID.class))).list();
    }

    /** Of the weapons given, those with a recovery in their history, with their standing lifecycle events (one query). */
    @Transactional(readOnly = true)
    public List<RecoveredWeapon> recoveredWeapons(java.util.Collection<WeaponId> ids) {
        List<RecoveredWeapon> found = new ArrayList<>(ids.size());
        if (!ids.isEmpty()) {
            recovered("w.id = ANY(:ids) AND", "ids", ids.stream().map(WeaponId::value).toArray(UUID[]::new), found::add);
        }
        return found;
    }

    /** The weapons the filter selects (with its one parameter, if any) that have a recovery, each with its events. */
    private void recovered(String filter, String parameter, Object value, Consumer<RecoveredWeapon> consumer) {
        String recoveries = EventKind.RECOVERIES.stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
        var query = jdbc.sql("""
                SELECT w.id, w.weapon_type, w.serial_normalised, l.seq, l.kind, l.occurred_on
                FROM weapon w JOIN ledger_entry l ON l.subject_id = w.id
                WHERE %s EXISTS (SELECT 1 FROM ledger_entry r WHERE r.subject_id = w.id AND r.kind IN (%s))
                  AND l.kind <> 'VOIDED' AND NOT EXISTS (SELECT 1 FROM ledger_entry v WHERE v.voids_seq = l.seq)
                ORDER BY w.id, l.seq
                """.formatted(filter, recoveries));
        if (parameter != null) {
            query = query.param(parameter, value);
        }
        RecoveredWeapon[] current = new RecoveredWeapon[1];
        try (var rows = query.withFetchSize(10_000).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getObject(6, LocalDate.class)}).stream()) {
            rows.forEach(r -> {
                WeaponId id = new WeaponId((UUID) r[0]);
                if (current[0] != null && !current[0].id().equals(id)) {
                    consumer.accept(current[0]);
                    current[0] = null;
                }
                if (current[0] == null) {
                    String serial = (String) r[2];
                    current[0] = new RecoveredWeapon(id, WeaponType.valueOf((String) r[1]),
                            serial != null && !serial.isBlank(), new ArrayList<>());
                }
                EventKind kind = EventKind.valueOf((String) r[4]);
                if (EventKind.LIFECYCLE.contains(kind)) {
                    current[0].events().add(new RecoveredWeapon.Event((Long) r[3], kind, (LocalDate) r[5]));
                }
            });
        }
        if (current[0] != null) {
            consumer.accept(current[0]);
        }
    }

    /** Every weapon's identifying data, streamed (for indexes kept by other modules, built at start). */
    @Transactional(readOnly = true)
    public void forEachWeaponIdentity(java.util.function.Consumer<WeaponIdentity> consumer) {
        weapons.forEachIdentity(consumer);
    }

    public Optional<WeaponIdentity> weaponIdentity(WeaponId id) {
        return weapons.find(id.value()).map(WeaponStore::identity);
    }

    /** The identities of several weapons with one query (weapons not found are left out). */
    public List<WeaponIdentity> weaponIdentities(java.util.Collection<WeaponId> ids) {
        return weapons.findAll(ids.stream().map(WeaponId::value).toList()).stream().map(WeaponStore::identity).toList();
    }

    /**
     * A weapon of the register that looks like the one probed, and how: SERIAL (same maker and normalised serial),
     * SERIAL_NO_MAKER (neither has a known maker; same type and serial) or NATIONAL_MARK.
     */
    public record IdentityMatch(int probe, WeaponId weaponId, String how) {
    }

    /**
     * Finds existing weapons with the same maker and normalised serial (or, for a probe without a known maker, the same
     * type and serial among weapons without one), or the same national mark, for many probes in one query (duplicate
     * checks of imports). Probes are given as parallel arrays; blank entries are not matched.
     */
    public List<IdentityMatch> findSameIdentity(String[] makerCodes, String[] serialsNormalised, String[] weaponTypes,
            String[] nationalMarks) {
        return weapons.findSameIdentity(makerCodes, serialsNormalised, weaponTypes, nationalMarks).stream()
                .map(m -> new IdentityMatch(m.probe(), new WeaponId(m.id()), m.how())).toList();
    }

    /** A weapon's duplicate-check keys: maker code, type, normalised serial, national marks. */
    public record RegisteredIdentity(WeaponId weaponId, String makerCode, String weaponType, String serialNormalised,
            List<String> nationalMarks) {
    }

    /**
     * The weapons registered after the ledger record {@code seq} (see {@link #ledgerHead()}), with their duplicate-check
     * keys, a page of 10,000 at a time: what an import checked against the register before then is checked against these.
     */
    public void forEachRegisteredAfter(long seq, java.util.function.Consumer<List<RegisteredIdentity>> page) {
        long after = seq;
        while (true) {
            List<WeaponStore.IdentityKeys> keys = weapons.registeredAfter(after, 10_000);
            if (keys.isEmpty()) {
                return;
            }
            page.accept(keys.stream().map(k -> new RegisteredIdentity(new WeaponId(k.id()), k.makerCode(), k.type(),
                    k.serialNormalised(), k.nationalMarks())).toList());
            after = keys.get(keys.size() - 1).seq();
        }
    }

    /** Walks the whole hash chain and names the first record that does not match. */
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    @Transactional(readOnly = true)
    public LedgerReport verifyLedger() {
        return ledger.verify();
    }

    private List<TimelineEntry> timeline(List<Ledger.Entry> entries, Map<UUID, HolderStore.Row> holderRows, boolean personal) {
        Map<Long, Ledger.Entry> voidedBy = new HashMap<>();
        entries.forEach(e -> {
            if (e.voidsSeq() != null) {
                voidedBy.put(e.voidsSeq(), e);
            }
        });
        List<TimelineEntry> out = new ArrayList<>(entries.size());
        for (Ledger.Entry e : entries) {
            Ledger.Entry v = voidedBy.get(e.seq());
            HolderStore.Row h = e.holderId() == null ? null : holderRows.get(e.holderId());
            out.add(new TimelineEntry(e.seq(), e.kind(), e.occurredOn(), e.place(), e.actor(), e.reference(), e.notes(),
                    e.holderId(), h == null ? null : visibleName(h, personal), e.licenceId(), e.country(), e.details(),
                    e.voidsSeq(), e.recordedAt(), e.recordedBy(), e.hash(),
                    v == null ? null : new TimelineEntry.Voiding(v.seq(), v.recordedAt(), v.recordedBy(), v.notes())));
        }
        return out;
    }

    /** A holder snapshot (HOLDER_REGISTERED, HOLDER_UPDATED) of a person: its details are personal data. */
    private static boolean describesAPerson(TimelineEntry e) {
        String d = e.details() == null ? "" : e.details();
        return d.startsWith("kind=" + HolderKind.PERSON.name() + "\n") || d.contains("\nkind=" + HolderKind.PERSON.name() + "\n");
    }

    private static TimelineEntry withoutDetails(TimelineEntry e) {
        return new TimelineEntry(e.seq(), e.kind(), e.occurredOn(), e.place(), e.actor(), e.reference(), e.notes(), e.holderId(),
                e.holderName(), e.licenceId(), e.country(), "", e.voidsSeq(), e.recordedAt(), e.recordedBy(), e.hash(), e.voidedBy());
    }

    /** A person's name is personal data; companies and state bodies are named to everyone. */
    private static String visibleName(HolderStore.Row h, boolean personal) {
        return h.kind() != HolderKind.PERSON || personal ? h.name() : null;
    }
}
