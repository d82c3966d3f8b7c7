package org.opensalw.registry.internal;

import org.opensalw.shared.CopyBinary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.LedgerReport;
import org.opensalw.shared.DaemonThreads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only, hash-chained ledger. An append locks the chain head row for the rest of the transaction, so
 * records get consecutive sequence numbers and each names its predecessor's hash, across all instances.
 */
@Component
public class Ledger {

    /** A record to append; sequence, time, author and hashes are set by {@link #append}. */
    public record NewEntry(String subjectType, UUID subjectId, EventKind kind, LocalDate occurredOn, String place,
            String actor, String reference, String notes, UUID holderId, UUID licenceId, String country,
            String details, Long voidsSeq, UUID batchId) {
    }

    /** A stored record. */
    public record Entry(long seq, String subjectType, UUID subjectId, EventKind kind, LocalDate occurredOn, String place,
            String actor, String reference, String notes, UUID holderId, UUID licenceId, String country,
            String details, Long voidsSeq, UUID batchId, Instant recordedAt, String recordedBy, String prevHash,
            String hash) {
    }

    private static final String INSERT = """
            INSERT INTO ledger_entry (seq, subject_type, subject_id, kind, occurred_on, place, actor, reference, notes,
              holder_id, licence_id, country, details, voids_seq, batch_id, recorded_at, recorded_by, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JdbcTemplate streaming;

    Ledger(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    /** The chain's head: its last record's sequence number and hash. */
    private record Head(long seq, String hash) {
    }

    /** Reads the head; {@code lock} holds it for the rest of the transaction, as an append must. */
    private Head head(boolean lock) {
        return jdbc.sql("SELECT seq, hash FROM ledger_head WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /**
     * Locks the chain head for the rest of the transaction, as an append would. Every writer that locks weapon rows and
     * then appends (events, voids, photos) takes the head first, so no two of them can wait for each other in opposite
     * orders (a deadlock PostgreSQL would end by failing one of them).
     */
    public void lockHead() {
        head(true);
    }

    /** The sequence number of the last record. */
    public long lastSeq() {
        return head(false).seq();
    }

    /** Appends the entries in order, inside the caller's transaction; returns their sequence numbers. */
    public List<Long> append(List<NewEntry> entries, String recordedBy, Instant now) {
        return append(entries, java.util.Collections.nCopies(entries.size(), recordedBy), now);
    }

    /** Appends entries written by several users (one per entry), as a group commit does. */
    public List<Long> append(List<NewEntry> entries, List<String> recordedBy, Instant now) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so the hash reads back the same
        Head head = head(true);
        LedgerHash hasher = new LedgerHash();
        List<Entry> stored = new ArrayList<>(entries.size());
        long seq = head.seq();
        String prev = head.hash();
        for (int i = 0; i < entries.size(); i++) {
            NewEntry e = entries.get(i);
            String by = recordedBy.get(i);
            seq++;
            String hash = hash(hasher, prev, seq, e.subjectType(), e.subjectId(), e.kind(), e.occurredOn(), e.place(),
                    e.actor(), e.reference(), e.notes(), e.holderId(), e.licenceId(), e.country(), e.details(),
                    e.voidsSeq(), e.batchId(), at, by);
            stored.add(new Entry(seq, e.subjectType(), e.subjectId(), e.kind(), e.occurredOn(), nz(e.place()), nz(e.actor()),
                    nz(e.reference()), nz(e.notes()), e.holderId(), e.licenceId(), e.country(), nz(e.details()), e.voidsSeq(),
                    e.batchId(), at, by, prev, hash));
            prev = hash;
        }
        template.batchUpdate(INSERT, stored, 1000, Ledger::bind);
        jdbc.sql("UPDATE ledger_head SET seq = :seq, hash = :hash WHERE id = 1").param("seq", seq).param("hash", prev).update();
        return stored.stream().map(Entry::seq).toList();
    }

    /**
     * Appends many entries by COPY inside the caller's transaction (bulk imports): locks the chain head like
     * {@link #append}, chains each entry with the same hash, and moves the head when {@link Bulk#finish} is called.
     */
    public Bulk openBulk(String recordedBy, Instant now) {
        Head head = head(true);
        return new Bulk(head.seq(), head.hash(), recordedBy, now.truncatedTo(ChronoUnit.MICROS));
    }

    /** Bulk appends: entries are hashed and written as binary COPY rows, sent by the caller on the transaction's connection. */
    public final class Bulk {
        public static final String COPY = "COPY ledger_entry (seq, subject_type, subject_id, kind, occurred_on, place, actor,"
                + " reference, notes, holder_id, licence_id, country, details, voids_seq, batch_id, recorded_at, recorded_by,"
                + " prev_hash, hash) FROM STDIN (FORMAT binary)";
        private final LedgerHash hasher = new LedgerHash();
        private final String by;
        private final Instant at;
        private CopyBinary rows = new CopyBinary(1 << 20);
        private long seq;
        private String prev;
        private final long first;

        Bulk(long seq, String prev, String by, Instant at) {
            this.seq = seq;
            this.prev = prev;
            this.by = by;
            this.at = at;
            this.first = seq + 1;
        }

        public long append(NewEntry e) {
            seq++;
            String h = hash(hasher, prev, seq, e.subjectType(), e.subjectId(), e.kind(), e.occurredOn(), e.place(), e.actor(),
                    e.reference(), e.notes(), e.holderId(), e.licenceId(), e.country(), e.details(), e.voidsSeq(), e.batchId(), at, by);
            rows.row(19).int8(seq).text(e.subjectType()).uuid(e.subjectId()).text(e.kind().name()).date(e.occurredOn()).text(nz(e.place()))
                    .text(nz(e.actor())).text(nz(e.reference())).text(nz(e.notes())).uuid(e.holderId()).uuid(e.licenceId())
                    .text(e.country()).text(nz(e.details())).int8(e.voidsSeq()).uuid(e.batchId()).timestamptz(at).text(by).text(prev).text(h);
            prev = h;
            return seq;
        }

        /** Bytes waiting to be sent. */
        public int pending() {
            return rows.length();
        }

        /** Hands over the rows written so far (to be sent by another thread) and starts new ones. */
        public CopyBinary take() {
            CopyBinary t = rows;
            rows = new CopyBinary(1 << 20);
            return t;
        }

        public long firstSeq() {
            return first;
        }

        public long lastSeq() {
            return seq;
        }

        /** Moves the chain head to the last entry (same transaction, head still locked). */
        public void finish() {
            jdbc.sql("UPDATE ledger_head SET seq = :seq, hash = :hash WHERE id = 1").param("seq", seq).param("hash", prev).update();
        }
    }

    public static String hash(LedgerHash hasher, String prev, long seq, String subjectType, UUID subjectId, EventKind kind,
            LocalDate occurredOn, String place, String actor, String reference, String notes, UUID holderId,
            UUID licenceId, String country, String details, Long voidsSeq, UUID batchId, Instant at, String recordedBy) {
        return hasher.hash(prev, seq, subjectType, subjectId, kind, occurredOn, nz(place), nz(actor), nz(reference),
                nz(notes), holderId, licenceId, country, nz(details), voidsSeq, batchId, at, recordedBy);
    }

    public List<Entry> forSubject(UUID subjectId) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE subject_id = :id ORDER BY seq").param("id", subjectId)
                .query(Ledger::map).list();
    }

    /**
     * Walks the whole chain (call inside a read-only transaction so rows stream by a cursor). Each record's own hash
     * depends only on its stored fields and stored predecessor hash, so hashes are recomputed in parallel chunks while
     * the reading thread checks that sequence numbers follow and that each record names its predecessor's hash.
     */
    public LedgerReport verify() {
        long started = System.nanoTime();
        // The chain as far as its head reads now: records appended while the walk runs are not part of this check (the
        // head moves in the transaction that appends, so every record up to it is committed). Reading the head at the end
        // instead would take a registrar's write during a long walk for records removed at the end.
        Head head = head(false);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("ledger-verify"));
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<Long>> chunks = new ArrayList<>();
        var walk = new Object() {
            long count;
            long expectedSeq = 1;
            String prev = LedgerHash.GENESIS;
            Long badSeq;
            String problem;
            List<Entry> chunk = new ArrayList<>(CHUNK);
        };
        try {
            streaming.query(VERIFY_SELECT, rs -> {
                Entry e = map(rs, 0);
                walk.count++;
                if (e.seq() != walk.expectedSeq) {
                    walk.badSeq = walk.expectedSeq;
                    walk.problem = "record " + walk.expectedSeq + " is missing (next present is " + e.seq() + ")";
                    throw new StopWalk();
                }
                if (!e.prevHash().equals(walk.prev)) {
                    walk.badSeq = e.seq();
                    walk.problem = "record " + e.seq() + " does not name the hash of record " + (e.seq() - 1);
                    throw new StopWalk();
                }
                walk.prev = e.hash();
                walk.expectedSeq++;
                walk.chunk.add(e);
                if (walk.chunk.size() == CHUNK) {
                    chunks.add(submit(pool, inFlight, walk.chunk));
                    walk.chunk = new ArrayList<>(CHUNK);
                }
            }, head.seq());
        } catch (StopWalk stop) {
            // the first break in the sequence or the links is known; hashes before it are still checked below
        }
        if (!walk.chunk.isEmpty()) {
            chunks.add(submit(pool, inFlight, walk.chunk));
        }
        Long firstChanged = null;
        for (Future<Long> f : chunks) {
            long bad = join(f);
            if (bad > 0) {
                firstChanged = firstChanged == null ? bad : Math.min(firstChanged, bad);
            }
        }
        pool.shutdown();
        if (firstChanged != null && (walk.badSeq == null || firstChanged <= walk.badSeq)) {
            walk.badSeq = firstChanged;
            walk.problem = "record " + firstChanged + " was changed after it was written (its content no longer matches its hash)";
        }
        if (walk.badSeq == null) {
            if (head.seq() != walk.expectedSeq - 1 || !head.hash().equals(walk.prev)) {
                walk.badSeq = Math.min(head.seq(), walk.expectedSeq);
                walk.problem = "the chain ends at record " + (walk.expectedSeq - 1) + " but its head says " + head.seq()
                        + ": records at the end were removed";
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new LedgerReport(walk.badSeq == null, walk.count, walk.badSeq, walk.problem, millis);
    }

    private static final int CHUNK = 5_000;
    private static final String VERIFY_SELECT = "SELECT seq, subject_type, subject_id, kind, occurred_on, place, actor, reference,"
            + " notes, holder_id, licence_id, country, details, voids_seq, batch_id, recorded_at, recorded_by, prev_hash, hash"
            + " FROM ledger_entry WHERE seq <= ? ORDER BY seq";

    /** Ends the streaming read at the first break in the chain. */
    private static final class StopWalk extends RuntimeException {
        StopWalk() {
            super(null, null, false, false);
        }
    }

    /** Recomputes the hashes of a chunk; the first record whose hash does not match, or -1. */
    private static Future<Long> submit(ExecutorService pool, Semaphore inFlight, List<Entry> chunk) {
        inFlight.acquireUninterruptibly();
        return pool.submit(() -> {
            try {
                LedgerHash hasher = new LedgerHash();
                for (Entry e : chunk) {
                    String computed = hash(hasher, e.prevHash(), e.seq(), e.subjectType(), e.subjectId(), e.kind(), e.occurredOn(),
                            e.place(), e.actor(), e.reference(), e.notes(), e.holderId(), e.licenceId(), e.country(), e.details(),
                            e.voidsSeq(), e.batchId(), e.recordedAt(), e.recordedBy());
                    if (!computed.equals(e.hash())) {
                        return e.seq();
                    }
                }
                return -1L;
            } finally {
                inFlight.release();
            }
        });
    }

    private static long join(Future<Long> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void bind(PreparedStatement ps, Entry e) throws SQLException {
        ps.setLong(1, e.seq());
        ps.setString(2, e.subjectType());
        ps.setObject(3, e.subjectId());
        ps.setString(4, e.kind().name());
        ps.setObject(5, e.occurredOn(), Types.DATE);
        ps.setString(6, e.place());
        ps.setString(7, e.actor());
        ps.setString(8, e.reference());
        ps.setString(9, e.notes());
        ps.setObject(10, e.holderId());
        ps.setObject(11, e.licenceId());
        ps.setString(12, e.country());
        ps.setString(13, e.details());
        if (e.voidsSeq() == null) {
            ps.setNull(14, Types.BIGINT);
        } else {
            ps.setLong(14, e.voidsSeq());
        }
        ps.setObject(15, e.batchId());
        ps.setObject(16, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
        ps.setString(17, e.recordedBy());
        ps.setString(18, e.prevHash());
        ps.setString(19, e.hash());
    }

    /** Reads a row selected with the columns in table order (SELECT * or {@link #VERIFY_SELECT}). */
    static Entry map(ResultSet rs, int row) throws SQLException {
        long voids = rs.getLong(14);
        Long voidsSeq = rs.wasNull() ? null : voids;
        return new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                EventKind.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class),
                rs.getObject(11, UUID.class), rs.getString(12), rs.getString(13), voidsSeq,
                rs.getObject(15, UUID.class), rs.getObject(16, OffsetDateTime.class).toInstant(),
                rs.getString(17), rs.getString(18), rs.getString(19));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
