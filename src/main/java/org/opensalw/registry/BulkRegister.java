package org.opensalw.registry;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.opensalw.identity.AuditTrail;
import org.opensalw.reference.References;
import org.opensalw.shared.CopyBinary;
import org.opensalw.registry.internal.BulkIndexes;
import org.opensalw.registry.internal.HolderStore;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.registry.internal.WeaponStore;
import org.opensalw.shared.DaemonThreads;
import org.opensalw.shared.UserFacingException;
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

    private static final int FLUSH_BYTES = 2 << 20;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkRegister.class);

    private final DataSource dataSource;
    private final Ledger ledger;
    private final References references;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BulkIndexes indexes;

    BulkRegister(DataSource dataSource, Ledger ledger, References references, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            BulkIndexes indexes) {
        this.indexes = indexes;
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.references = references;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** COPY rows of one part of the batch, built by the checking thread and sent by the transaction's thread. */
    private record Chunk(CopyBinary holders, CopyBinary weapons, CopyBinary markings, CopyBinary ledger) {
    }

    /** What the checking thread wrote. */
    private record Counts(int weapons, int holders) {
    }

    /** Put by the checking thread after its last chunk, also when it fails. */
    private static final Object END = new Object();

    /**
     * Two threads overlap: this one (the transaction's, holding the ledger head) sends COPY data to PostgreSQL while
     * a helper checks the next weapons, hashes their ledger entries and writes their COPY text. The chain is extended in
     * order by the helper alone; at most two chunks wait, so memory stays bounded.
     */
    RegistryManagement.BulkResult register(UUID batchId, long expectedWeapons, Iterator<BulkWeapon> weapons, String by) {
        Set<String> makers = references.makerCodes();
        Set<String> countries = references.countryCodes();
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long started = System.nanoTime();
        long copyNanos = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's connection
        ExecutorService helper = Executors.newSingleThreadExecutor(DaemonThreads.named("bulk-register"));
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        try {
            BulkIndexes.Dropped dropped = indexes.dropIfWorthIt(connection, expectedWeapons); // when it drops them it takes the ledger head too; else openBulk does
            Ledger.Bulk chain = ledger.openBulk(by, now);
            Future<Counts> built = helper.submit(() -> build(batchId, weapons, by, at, today, makers, countries, chain, queue));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Object next = queue.take(); next != END; next = queue.take()) {
                Chunk c = (Chunk) next;
                long t = System.nanoTime();
                send(copy, HolderStore.COPY, c.holders());
                send(copy, WeaponStore.COPY, c.weapons());
                send(copy, WeaponStore.COPY_MARKING, c.markings());
                send(copy, Ledger.Bulk.COPY, c.ledger());
                copyNanos += System.nanoTime() - t;
            }
            Counts counts = built.get(); // the checking thread's failure, if any, is thrown here
            chain.finish();
            long indexStarted = System.nanoTime();
            indexes.recreate(connection, dropped);
            long indexNanos = System.nanoTime() - indexStarted;
            copyNanos += indexNanos;
            log.info("Bulk registration of batch {}: {} weapons, {} holders, {} ledger records in {} ms, of which {} ms in PostgreSQL"
                    + " (COPY while the next rows were checked and hashed{})", batchId, counts.weapons(), counts.holders(),
                    chain.lastSeq() - chain.firstSeq() + 1, (System.nanoTime() - started) / 1_000_000, copyNanos / 1_000_000,
                    dropped.any() ? ", then " + indexNanos / 1_000_000 + " ms building " + dropped.definitions().size() + " indexes again" : "");
            audit.recordWrite("weapon.registerBulk", "BATCH", batchId, counts.weapons() + " weapons, " + counts.holders()
                    + " holders, ledger seq " + chain.firstSeq() + "-" + chain.lastSeq());
            if (counts.weapons() > 0) {
                events.publishEvent(new WeaponsRegisteredInBatch(batchId, counts.weapons()));
            }
            return new RegistryManagement.BulkResult(counts.weapons(), counts.holders(), chain.firstSeq(), chain.lastSeq(),
                    (System.nanoTime() - started) / 1_000_000, copyNanos / 1_000_000);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("Bulk registration failed", e.getCause());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Bulk registration failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bulk registration interrupted", e);
        } finally {
            helper.shutdownNow(); // a checking thread still waiting to hand over a chunk is interrupted...
            queue.clear(); // ...and finds room for its END
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void send(CopyManager copy, String sql, CopyBinary rows) throws SQLException, IOException {
        if (!rows.isEmpty()) {
            copy.copyIn(sql, rows.stream());
        }
    }

    /**
     * The checking thread: checks each weapon with the registry's rules, hashes its ledger entries and writes COPY rows,
     * hands them over a chunk at a time (waiting while two are queued), and puts {@link #END} last whatever happens.
     */
    private static Counts build(UUID batchId, Iterator<BulkWeapon> weapons, String by, Instant at, LocalDate today, Set<String> makers,
            Set<String> countries, Ledger.Bulk chain, BlockingQueue<Object> queue) throws InterruptedException {
        try {
            CopyBinary weaponRows = new CopyBinary(1 << 20);
            CopyBinary markingRows = new CopyBinary(1 << 16);
            CopyBinary holderRows = new CopyBinary(1 << 16);
            Set<UUID> holdersSeen = new HashSet<>();
            int count = 0;
            int holderCount = 0;
            while (weapons.hasNext()) {
                BulkWeapon w = weapons.next();
                Registration r = w.registration();
                WeaponDescription d = r.description();
                HistoryCheck.Result checked = HistoryCheck.check(r, w.history(), today,
                        HistoryCheck.Lookups.arriving(r, makers::contains, countries::contains));
                if (!checked.valid()) {
                    throw new UserFacingException(UserFacingException.Kind.INVALID,
                            EventRecorder.prefixed("weapons[" + count + "].", checked.violations()));
                }
                if (w.holder() != null && holdersSeen.add(w.holder().id())) {
                    holderCount++;
                    HolderForm f = w.holder().form();
                    var unknownCountry = HolderRegister.countryViolation(f, countries::contains, "weapons[" + count + "].holder.country");
                    if (unknownCountry.isPresent()) {
                        throw new UserFacingException(UserFacingException.Kind.INVALID, List.of(unknownCountry.get()));
                    }
                    HolderStore.copy(holderRows, w.holder().id(), f, batchId, at, by);
                    chain.append(new Ledger.NewEntry("HOLDER", w.holder().id(), EventKind.HOLDER_REGISTERED, today, "", "", "", "",
                            w.holder().id(), null, null, HolderRegister.snapshot(f), null, batchId));
                }
                WeaponStore.Row row = EventRecorder.weaponRow(w.id(), d, checked, batchId, at, by);
                WeaponStore.copy(weaponRows, row);
                EventCommand origin = r.origin();
                long registered = chain.append(new Ledger.NewEntry("WEAPON", w.id(), EventKind.REGISTERED, today,
                        EventRecorder.nz(r.location()).trim(), "", "", "",
                        r.holderId(), null, null, EventRecorder.registrationSnapshot(r, row), null, batchId));
                for (MarkingInput m : r.markings()) {
                    WeaponStore.copyMarking(markingRows, w.id(), m, registered, at, by);
                }
                List<EventCommand> later = new ArrayList<>();
                if (origin != null) {
                    later.add(origin);
                }
                later.addAll(w.history());
                for (EventCommand c : later) {
                    long seq = chain.append(EventRecorder.entry(w.id(), c, batchId));
                    if (c.marking() != null) {
                        WeaponStore.copyMarking(markingRows, w.id(), c.marking(), seq, at, by);
                    }
                }
                count++;
                if (chain.pending() > FLUSH_BYTES) {
                    queue.put(new Chunk(holderRows, weaponRows, markingRows, chain.take()));
                    holderRows = new CopyBinary(1 << 16);
                    weaponRows = new CopyBinary(1 << 20);
                    markingRows = new CopyBinary(1 << 16);
                }
            }
            queue.put(new Chunk(holderRows, weaponRows, markingRows, chain.take()));
            return new Counts(count, holderCount);
        } finally {
            queue.put(END);
        }
    }
}
