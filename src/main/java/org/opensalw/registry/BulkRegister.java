package org.opensalw.registry;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.opensalw.identity.AuditTrail;
import org.opensalw.reference.Country;
import org.opensalw.reference.Maker;
import org.opensalw.reference.References;
import org.opensalw.registry.internal.CopyText;
import org.opensalw.registry.internal.Details;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The bulk path of {@link RegistryManagement#registerBulk}: every weapon is checked again with {@link HistoryCheck},
 * then weapons, holders, markings and ledger entries are written by PostgreSQL COPY on the transaction's connection,
 * chained with the same hash as single appends while the chain head is locked. All or nothing: one refused weapon
 * rolls the whole transaction back.
 */
class BulkRegister {

    static final String COPY_WEAPON = "COPY weapon (id, weapon_type, salw_class, maker_code, maker_as_marked, model, calibre,"
            + " country_of_manufacture, year_of_manufacture, serial_as_marked, serial_normalised, status, holder_id, location,"
            + " batch_id, registered_at, registered_by, last_event_at, last_event_kind, last_event_on) FROM STDIN";
    static final String COPY_MARKING = "COPY weapon_marking (weapon_id, kind, text, country, year, ledger_seq, recorded_at, recorded_by) FROM STDIN";
    static final String COPY_HOLDER = "COPY holder (id, kind, name, country, birth_date, id_document, address, phone,"
            + " registration_number, role, batch_id, created_at, created_by, updated_at, updated_by) FROM STDIN";
    private static final int FLUSH_CHARS = 4 << 20;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkRegister.class);
    private long copyNanos;

    private final DataSource dataSource;
    private final Ledger ledger;
    private final References references;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BulkRegister(DataSource dataSource, Ledger ledger, References references, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.references = references;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    RegistryManagement.BulkResult register(UUID batchId, Iterator<BulkWeapon> weapons, String by) {
        Set<String> makers = new HashSet<>();
        references.makers().stream().map(Maker::code).forEach(makers::add);
        Set<String> countries = new HashSet<>();
        references.countries().stream().map(Country::alpha2).forEach(countries::add);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        String at = OffsetDateTime.ofInstant(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC).toString();
        long started = System.nanoTime();
        copyNanos = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's connection
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Ledger.Bulk chain = ledger.openBulk(by, now);
            CopyText weaponRows = new CopyText(1 << 20);
            CopyText markingRows = new CopyText(1 << 16);
            CopyText holderRows = new CopyText(1 << 16);
            Set<UUID> holdersSeen = new HashSet<>();
            int count = 0;
            int holderCount = 0;
            int index = 0;
            while (weapons.hasNext()) {
                BulkWeapon w = weapons.next();
                Registration r = w.registration();
                WeaponDescription d = r.description();
                HistoryCheck.Result checked = HistoryCheck.check(r, w.history(), today, makers::contains, countries::contains, true);
                if (!checked.valid()) {
                    throw new UserFacingException(UserFacingException.Kind.INVALID,
                            EventRecorder.prefixed("weapons[" + index + "].", checked.violations()));
                }
                if (w.holder() != null && holdersSeen.add(w.holder().id())) {
                    holderCount++;
                    HolderForm f = w.holder().form();
                    String country = EventRecorder.upper(f.country());
                    holderRows.add(w.holder().id()).add(f.kind().name()).add(f.name().trim()).add(country).add(f.birthDate())
                            .add(nz(f.idDocument())).add(nz(f.address())).add(nz(f.phone())).add(nz(f.registrationNumber()))
                            .add(nz(f.role())).add(batchId).add(at).add(by).add(at).add(by).end();
                    chain.append(new Ledger.NewEntry("HOLDER", w.holder().id(), EventKind.HOLDER_REGISTERED, today, "", "", "", "",
                            w.holder().id(), null, null, HolderRegister.snapshot(f), null, batchId));
                }
                String makerCode = EventRecorder.upper(d.makerCode());
                String country = EventRecorder.upper(d.countryOfManufacture());
                String serial = EventRecorder.nz(d.serial()).trim();
                String normalised = SerialNumbers.normalise(serial);
                EventCommand origin = r.origin();
                UUID holder = origin != null && origin.holderId() != null ? origin.holderId() : r.holderId();
                for (EventCommand c : w.history()) {
                    holder = c.holderId() != null ? c.holderId() : holder;
                }
                weaponRows.add(w.id()).add(d.type().name()).add(d.type().salwClass().name()).add(makerCode)
                        .add(EventRecorder.nz(d.makerAsMarked()).trim()).add(EventRecorder.nz(d.model()).trim())
                        .add(EventRecorder.nz(d.calibre()).trim()).add(country).add(d.yearOfManufacture()).add(serial).add(normalised)
                        .add(checked.status().name()).add(holder).add(checked.location()).add(batchId).add(at).add(by).add(at)
                        .add(checked.lastKind().name()).add(checked.lastOn()).end();
                Details snapshot = Details.of().with("type", d.type()).with("maker", makerCode).with("makerAsMarked", d.makerAsMarked())
                        .with("model", d.model()).with("calibre", d.calibre()).with("countryOfManufacture", country)
                        .with("yearOfManufacture", d.yearOfManufacture()).with("serial", serial);
                r.markings().forEach(m -> snapshot.with("marking." + m.kind(), EventRecorder.markingText(m)));
                long registered = chain.append(new Ledger.NewEntry("WEAPON", w.id(), EventKind.REGISTERED, today, "", "", "", "",
                        r.holderId(), null, null, snapshot.text(), null, batchId));
                for (MarkingInput m : r.markings()) {
                    markingRows.add(w.id()).add(m.kind().name()).add(m.text().trim()).add(EventRecorder.upper(m.country())).add(m.year())
                            .add(registered).add(at).add(by).end();
                }
                List<EventCommand> later = new ArrayList<>();
                if (origin != null) {
                    later.add(origin);
                }
                later.addAll(w.history());
                for (EventCommand c : later) {
                    long seq = chain.append(EventRecorder.entry(w.id(), c, batchId));
                    if (c.marking() != null) {
                        MarkingInput m = c.marking();
                        markingRows.add(w.id()).add(m.kind().name()).add(m.text().trim()).add(EventRecorder.upper(m.country()))
                                .add(m.year()).add(seq).add(at).add(by).end();
                    }
                }
                count++;
                index++;
                if (chain.pendingChars() > FLUSH_CHARS) {
                    flush(copy, holderRows, weaponRows, markingRows, chain);
                }
            }
            flush(copy, holderRows, weaponRows, markingRows, chain);
            chain.finish();
            log.info("Bulk registration of batch {}: {} weapons, {} holders, {} ledger records in {} ms, of which {} ms in COPY (PostgreSQL)",
                    batchId, count, holderCount, chain.lastSeq() - chain.firstSeq() + 1, (System.nanoTime() - started) / 1_000_000,
                    copyNanos / 1_000_000);
            audit.recordWrite("weapon.registerBulk", "BATCH", batchId, count + " weapons, " + holderCount + " holders, ledger seq "
                    + chain.firstSeq() + "-" + chain.lastSeq());
            if (count > 0) {
                events.publishEvent(new WeaponsRegisteredInBatch(batchId, count));
            }
            return new RegistryManagement.BulkResult(count, holderCount, chain.firstSeq(), chain.lastSeq());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Bulk registration failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Holders before weapons (weapons name them), weapons before markings (markings reference them). */
    private void flush(CopyManager copy, CopyText holders, CopyText weapons, CopyText markings, Ledger.Bulk chain)
            throws SQLException, IOException {
        long t = System.nanoTime();
        try {
            flushAll(copy, holders, weapons, markings, chain);
        } finally {
            copyNanos += System.nanoTime() - t;
        }
    }

    private static void flushAll(CopyManager copy, CopyText holders, CopyText weapons, CopyText markings, Ledger.Bulk chain)
            throws SQLException, IOException {
        if (!holders.isEmpty()) {
            copy.copyIn(COPY_HOLDER, holders.reader());
            holders.clear();
        }
        if (!weapons.isEmpty()) {
            copy.copyIn(COPY_WEAPON, weapons.reader());
            weapons.clear();
        }
        if (!markings.isEmpty()) {
            copy.copyIn(COPY_MARKING, markings.reader());
            markings.clear();
        }
        chain.flush(copy);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<Violation> none() {
        return List.of();
    }
}
