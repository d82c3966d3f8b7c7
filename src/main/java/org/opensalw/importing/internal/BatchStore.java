package org.opensalw.importing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opensalw.importing.BatchStatus;
import org.opensalw.importing.FlagSource;
import org.opensalw.importing.FlaggedRow;
import org.opensalw.importing.ImportBatch;
import org.opensalw.importing.ImportOptions;
import org.opensalw.importing.PreparedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The import_batch table, its history, and the set-based steps on a batch's staged rows. */
@Component
public class BatchStore {

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new RUNNING batch of an upload, with the options as stated (to read it again) and as applied (to show). */
    public void insert(UUID id, PreparedFile file, ImportOptions stated, String options, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO import_batch (id, file_name, file_sha256, file_bytes, format, options, status, started_at, started_by, heartbeat_at,
                  upload_id, encoding, delimiter, date_format, mapping)
                VALUES (:id, :name, :sha, :bytes, :format, :options, 'RUNNING', :at, :by, :at, :upload, :encoding, :delimiter, :dateFormat, :mapping)
                """).param("id", id).param("name", file.fileName()).param("sha", file.sha256()).param("bytes", file.bytes())
                .param("format", file.format()).param("options", options).param("at", Timestamp.from(at)).param("by", by)
                .param("upload", file.id()).param("encoding", stated.encoding())
                .param("delimiter", stated.delimiter() == null ? null : stated.delimiter().toString())
                .param("dateFormat", stated.dateFormat()).param("mapping", ImportOptions.storedMapping(stated.mapping())).update();
        history(id, BatchStatus.RUNNING, at, by, "");
    }

    public void history(UUID id, BatchStatus status, Instant at, String by, String reason) {
        jdbc.sql("INSERT INTO import_batch_history (batch_id, status, at, by_user, reason) VALUES (:id, :s, :at, :by, :r)")
                .param("id", id).param("s", status.name()).param("at", Timestamp.from(at)).param("by", by).param("r", reason == null ? "" : reason)
                .update();
    }

    public record HistoryEntry(BatchStatus status, Instant at, String by, String reason) {
    }

    public List<HistoryEntry> history(UUID id) {
        return jdbc.sql("SELECT status, at, by_user, reason FROM import_batch_history WHERE batch_id = :id ORDER BY id").param("id", id)
                .query((rs, i) -> new HistoryEntry(BatchStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4))).list();
    }

    /** What a heartbeat learned: the batch runs on, someone asked to cancel it, or it is no longer running. */
    public enum Heartbeat { RUNNING, CANCEL_REQUESTED, NOT_RUNNING }

    /** The reading instance's heartbeat with its progress, for every instance to show. */
    public Heartbeat progress(UUID id, long read, long accepted, long rejected, long flagged, long bytesRead, Instant at) {
        return jdbc.sql("""
                UPDATE import_batch SET rows_read = :read, rows_accepted = :acc, rows_rejected = :rej, rows_flagged = :flag,
                  bytes_read = :bytes, heartbeat_at = :at
                WHERE id = :id AND status = 'RUNNING'
                RETURNING cancel_requested_at IS NOT NULL
                """).param("id", id).param("read", read).param("acc", accepted).param("rej", rejected).param("flag", flagged)
                .param("bytes", bytesRead).param("at", Timestamp.from(at)).query(Boolean.class).optional()
                .map(cancel -> cancel ? Heartbeat.CANCEL_REQUESTED : Heartbeat.RUNNING).orElse(Heartbeat.NOT_RUNNING);
    }

    /** Asks the instance reading a batch to stop (it sees the request at its next heartbeat); false if not running. */
    public boolean requestCancel(UUID id, Instant at, String by) {
        return jdbc.sql("UPDATE import_batch SET cancel_requested_at = :at, cancel_requested_by = :by WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).update() == 1;
    }

    /** The options a batch was started with, as stated: to read its file again the same way. */
    public ImportOptions statedOptions(UUID id) {
        return jdbc.sql("SELECT encoding, delimiter, date_format, mapping FROM import_batch WHERE id = :id").param("id", id)
                .query((rs, i) -> new ImportOptions(rs.getString(1), rs.getString(2) == null ? null : rs.getString(2).charAt(0),
                        rs.getString(3), ImportOptions.mappingFromStore(rs.getString(4)))).single();
    }

    /** Who asked to cancel a running batch, if anyone did. */
    public Optional<String> cancelRequestedBy(UUID id) {
        return jdbc.sql("SELECT cancel_requested_by FROM import_batch WHERE id = :id AND cancel_requested_at IS NOT NULL").param("id", id)
                .query(String.class).optional();
    }

    /**
     * Marks a stopped batch as read again by the batch given; false if it cannot be (status) or already was. The claim
     * comes first and the new batch after it, so a claim may point at a batch that was never written: it counts as
     * no claim.
     */
    public boolean claimReadAgain(UUID id, UUID newId) {
        return jdbc.sql("""
                UPDATE import_batch b SET read_again_as = :n
                WHERE b.id = :id AND b.status = ANY(:readAgain)
                  AND (b.read_again_as IS NULL
                       -- a claim whose batch never came to be (the process stopped in between) is taken over
                       OR NOT EXISTS (SELECT 1 FROM import_batch n WHERE n.id = b.read_again_as))
                """).param("readAgain", BatchStatus.names(BatchStatus.READ_AGAIN)).param("id", id).param("n", newId).update() == 1;
    }

    /** The new batch could not start: the old one can be read again later. */
    public void unclaimReadAgain(UUID id, UUID newId) {
        jdbc.sql("UPDATE import_batch SET read_again_as = NULL WHERE id = :id AND read_again_as = :n").param("id", id).param("n", newId).update();
    }

    /**
     * Ends a running batch (loaded, cancelled, failed, interrupted) with its final counts; false if it was not running,
     * or if it would be LOADED while someone asked to cancel it.
     */
    public boolean finish(UUID id, BatchStatus status, long read, long rejected, String message, Instant at, String by) {
        Map<String, Long> counts = statusCounts(id);
        int n = jdbc.sql("""
                UPDATE import_batch SET status = :s, rows_read = :read, rows_rejected = :rej, rows_accepted = :acc, rows_flagged = :flag,
                  rows_already = :already, message = :msg, finished_at = :at, heartbeat_at = :at
                WHERE id = :id AND status = 'RUNNING' AND (:s <> 'LOADED' OR cancel_requested_at IS NULL)
                """).param("id", id).param("s", status.name()).param("read", read).param("rej", rejected)
                .param("acc", counts.getOrDefault("ACCEPTED", 0L)).param("flag", counts.getOrDefault("FLAGGED", 0L))
                .param("already", counts.getOrDefault("ALREADY", 0L)).param("msg", message == null ? "" : message)
                .param("at", Timestamp.from(at)).update();
        if (n == 1) {
            history(id, status, at, by, message);
        }
        return n == 1;
    }

    public Map<String, Long> statusCounts(UUID id) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT status, count(*) FROM import_row WHERE batch_id = :id GROUP BY status").param("id", id)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public void refreshCounts(UUID id) {
        Map<String, Long> counts = statusCounts(id);
        jdbc.sql("UPDATE import_batch SET rows_accepted = :acc, rows_flagged = :flag, rows_already = :already WHERE id = :id")
                .param("id", id).param("acc", counts.getOrDefault("ACCEPTED", 0L) + counts.getOrDefault("DISTINCT", 0L))
                .param("flag", counts.getOrDefault("FLAGGED", 0L)).param("already", counts.getOrDefault("ALREADY", 0L)).update();
    }

    /** A batch with whether its file's content is still kept and, while it runs, how long since it started. */
    private static final String SELECT = """
            SELECT b.*, (u.id IS NOT NULL AND u.content_released_at IS NULL AND u.local_path IS NULL) AS file_kept,
              extract(epoch FROM b.heartbeat_at - b.started_at) AS seconds_reported
            FROM import_batch b LEFT JOIN import_upload u ON u.id = b.upload_id
            """;

    public Optional<ImportBatch> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE b.id = :id").param("id", id).query(BatchStore::map).optional();
    }

    public Optional<ImportBatch> lock(UUID id) {
        return jdbc.sql(SELECT + "WHERE b.id = :id FOR UPDATE OF b").param("id", id).query(BatchStore::map).optional();
    }

    public Optional<ImportBatch> activeWithSha(String sha) {
        return jdbc.sql(SELECT + "WHERE b.file_sha256 = :sha AND b.status = ANY(:holding) LIMIT 1")
                .param("sha", sha).param("holding", BatchStatus.names(BatchStatus.HOLDING_THE_FILE)).query(BatchStore::map).optional();
    }

    public List<ImportBatch> recent(int limit) {
        return jdbc.sql(SELECT + "ORDER BY b.started_at DESC LIMIT :n").param("n", limit).query(BatchStore::map).list();
    }

    public void confirmed(UUID id, long weapons, long holders, Instant at, String by) {
        jdbc.sql("""
                UPDATE import_batch SET status = 'CONFIRMED', weapons_registered = :w, holders_registered = :h, confirmed_at = :at,
                  confirmed_by = :by WHERE id = :id
                """).param("id", id).param("w", weapons).param("h", holders).param("at", Timestamp.from(at)).param("by", by).update();
        history(id, BatchStatus.CONFIRMED, at, by, ImportBatch.keyed("import.history.registered", weapons, holders));
    }

    /** Whether a confirmation is running (they run one at a time: each holds the ledger head until it commits). */
    public boolean anyConfirming() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM import_batch WHERE status = 'CONFIRMING')").query(Boolean.class).single();
    }

    /** A LOADED batch's confirmation is starting in the background. */
    public void confirming(UUID id, Instant at, String by) {
        jdbc.sql("UPDATE import_batch SET status = 'CONFIRMING', heartbeat_at = :at, message = '' WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
        history(id, BatchStatus.CONFIRMING, at, by, "");
    }

    /** A confirmation that ended without committing: the batch is LOADED again, with why. */
    public boolean confirmationFailed(UUID id, String message, Instant at, String by) {
        int changed = jdbc.sql("UPDATE import_batch SET status = 'LOADED', message = :m WHERE id = :id AND status = 'CONFIRMING'")
                .param("id", id).param("m", message).update();
        if (changed > 0) {
            history(id, BatchStatus.LOADED, at, by, message);
        }
        return changed > 0;
    }

    /** The lock a running confirmation holds until it commits or rolls back (also when its process dies). */
    public void holdConfirmationLock(UUID id) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + CONFIRMATION_LOCK + ")) AS l").param("id", id.toString())
                .query(Integer.class).single();
    }

    /** Takes that lock for the current transaction if nobody holds it, that is if no confirmation of the batch runs. */
    public boolean tryConfirmationLock(UUID id) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(" + CONFIRMATION_LOCK + ")").param("id", id.toString())
                .query(Boolean.class).single();
    }

    private static final String CONFIRMATION_LOCK = "hashtextextended(:id, 3)";

    /** Batches marked CONFIRMING before the time given. */
    public List<UUID> confirmingSince(Instant before) {
        return jdbc.sql("SELECT id FROM import_batch WHERE status = 'CONFIRMING' AND heartbeat_at < :before")
                .param("before", Timestamp.from(before)).query(UUID.class).list();
    }

    public void addTimings(UUID id, String text) {
        jdbc.sql("UPDATE import_batch SET timings = CASE WHEN timings = '' THEN :t ELSE timings || '; ' || :t END WHERE id = :id")
                .param("id", id).param("t", text).update();
    }

    public void addRegistered(UUID id, long weapons, long holders) {
        jdbc.sql("UPDATE import_batch SET weapons_registered = weapons_registered + :w, holders_registered = holders_registered + :h WHERE id = :id")
                .param("id", id).param("w", weapons).param("h", holders).update();
    }

    /** Voids a batch not yet voided (whoever comes second changes nothing); false if it already was. */
    public boolean voided(UUID id, String reason, Instant at, String by) {
        int changed = jdbc.sql("UPDATE import_batch SET status = 'VOIDED', voided_at = :at, voided_by = :by, void_reason = :r"
                        + " WHERE id = :id AND status <> 'VOIDED'")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).param("r", reason).update();
        if (changed == 1) {
            history(id, BatchStatus.VOIDED, at, by, reason);
        }
        return changed == 1;
    }

    /**
     * Running batches whose heartbeat stopped (the process died): marked interrupted. One conditional UPDATE, so a
     * batch that finished (or sent a heartbeat) meanwhile is left alone, whichever instance runs this.
     */
    @org.springframework.transaction.annotation.Transactional
    public List<UUID> interruptStale(Instant before, java.util.Collection<UUID> runningHere, Instant at) {
        List<UUID> stale = jdbc.sql("""
                UPDATE import_batch SET status = 'INTERRUPTED', finished_at = :at, message = :m
                WHERE status = 'RUNNING' AND heartbeat_at < :before AND NOT (id = ANY(:here))
                RETURNING id""")
                .param("at", Timestamp.from(at)).param("before", Timestamp.from(before))
                .param("here", runningHere.toArray(UUID[]::new))
                .param("m", ImportBatch.MESSAGE_KEY + "import.stopped.process") // no one's language: shown in the reader's
                .query(UUID.class).list();
        for (UUID id : stale) {
            refreshCounts(id);
            history(id, BatchStatus.INTERRUPTED, at, "system", ImportBatch.keyed("import.history.noProgress", before));
        }
        return stale;
    }

    /**
     * Fresh statistics for the rows just copied in (without them the planner takes the table for small and loops over
     * it); outside any transaction, so its lock is not held through the flagging.
     */
    public void analyzeRows() {
        jdbc.sql("ANALYZE import_row").update();
    }

    /** Records the ledger's last record before the batch's rows are checked against the register. */
    public void checkedAgainstRegisterAfter(UUID id, long seq) {
        jdbc.sql("UPDATE import_batch SET register_seq = :seq WHERE id = :id").param("seq", seq).param("id", id).update();
    }

    /** The ledger record the batch's rows were checked against the register after (null for batches read before V74). */
    public Long registerSeq(UUID id) {
        return jdbc.sql("SELECT register_seq FROM import_batch WHERE id = :id").param("id", id).query(Long.class).optional().orElse(null);
    }

    /**
     * Flagged rows (with {@code onlyOpen}, those still to decide), at most {@code limit}: without {@code afterLine}, those
     * still to decide first; with it, the rows after that line in line order (the next page).
     */
    public List<FlaggedRow> flagged(UUID id, boolean onlyOpen, Long afterLine, int limit) {
        return jdbc.sql("SELECT * FROM import_row WHERE batch_id = :id AND status " + (onlyOpen ? "= 'FLAGGED'" : "IN ('FLAGGED', 'DUPLICATE', 'DISTINCT')")
                        + " AND flag_reason <> ''" + (afterLine == null ? " ORDER BY status <> 'FLAGGED', line" : " AND line > :after ORDER BY line")
                        + " LIMIT :n")
                .param("id", id).param("n", limit).param("after", afterLine == null ? 0L : afterLine)
                .query((rs, i) -> new FlaggedRow(rs.getLong("line"), rs.getString("status"), rs.getString("weapon_type"),
                        rs.getString("maker_code"), rs.getString("serial"), rs.getString("national_mark"), rs.getString("flag_reason"),
                        rs.getObject("matched_weapon", UUID.class), rs.getString("reviewed_by")))
                .list();
    }

    public Optional<StagedRow> row(UUID id, long line) {
        return jdbc.sql("SELECT * FROM import_row WHERE batch_id = :id AND line = :line FOR UPDATE").param("id", id).param("line", line)
                .query((rs, i) -> StagedRows.map(rs)).optional();
    }

    /** Rows of one source in SQL: every flag against the register names the weapon it matched; flags within the file name none. */
    private static String from(FlagSource source) {
        return source == FlagSource.REGISTER ? "matched_weapon IS NOT NULL" : "matched_weapon IS NULL";
    }

    /** How many rows of the batch wait for a decision, by where their duplicate was found. */
    public Map<FlagSource, Long> openFlags(UUID id) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE " + from(FlagSource.FILE) + "), count(*) FILTER (WHERE " + from(FlagSource.REGISTER)
                + ") FROM import_row WHERE batch_id = :id AND status = 'FLAGGED'").param("id", id)
                .query((rs, i) -> {
                    Map<FlagSource, Long> open = new EnumMap<>(FlagSource.class);
                    open.put(FlagSource.FILE, rs.getLong(1));
                    open.put(FlagSource.REGISTER, rs.getLong(2));
                    return open;
                }).single();
    }

    /** The same decision on every row still flagged with a duplicate from this source; returns how many were decided. */
    public int reviewAll(UUID id, FlagSource source, String status, Instant at, String by) {
        return jdbc.sql("UPDATE import_row SET status = :s, reviewed_by = :by, reviewed_at = :at WHERE batch_id = :id AND status = 'FLAGGED' AND "
                + from(source)).param("s", status).param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void review(UUID id, long line, String status, Instant at, String by) {
        jdbc.sql("UPDATE import_row SET status = :s, reviewed_by = :by, reviewed_at = :at WHERE batch_id = :id AND line = :line")
                .param("s", status).param("by", by).param("at", Timestamp.from(at)).param("id", id).param("line", line).update();
    }

    /** A holder as a batch's rows name it: its id in the batch, kind, name and document. */
    public record NamedHolder(UUID id, String kind, String name, String document) {
    }

    /** The distinct holders named by a batch's rows to be registered, a page of 10,000 at a time. */
    public void forEachHolderToRegister(UUID id, java.util.function.Consumer<List<NamedHolder>> page) {
        List<NamedHolder> holders = new java.util.ArrayList<>(10_000);
        jdbc.sql("""
                SELECT DISTINCT ON (holder_id) holder_id, holder_kind, holder_name, holder_document FROM import_row
                WHERE batch_id = :id AND holder_id IS NOT NULL AND status IN ('ACCEPTED', 'DISTINCT') ORDER BY holder_id
                """).param("id", id).withFetchSize(10_000)
                .query(rs -> {
                    holders.add(new NamedHolder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
                    if (holders.size() == 10_000) {
                        page.accept(List.copyOf(holders));
                        holders.clear();
                    }
                });
        if (!holders.isEmpty()) {
            page.accept(List.copyOf(holders));
        }
    }

    public boolean holderRegisteredByAnotherRow(UUID id, UUID holderId, long line) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM import_row WHERE batch_id = :id AND holder_id = :h AND line <> :line
                  AND status IN ('ACCEPTED', 'DISTINCT'))
                """).param("id", id).param("h", holderId).param("line", line).query(Boolean.class).single();
    }

    public void errors(UUID id, java.util.function.Consumer<String[]> consumer) {
        jdbc.sql("SELECT line, column_name, reason, value FROM import_error WHERE batch_id = :id ORDER BY line")
                .param("id", id).withFetchSize(5000)
                .query(rs -> {
                    consumer.accept(new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)});
                });
    }

    static ImportBatch map(ResultSet rs, int i) throws SQLException {
        BatchStatus status = BatchStatus.valueOf(rs.getString("status"));
        Double rate = null;
        Long left = null;
        Integer percent = null;
        if (status == BatchStatus.RUNNING) {
            double seconds = Math.max(0.001, rs.getDouble("seconds_reported"));
            rate = Math.round(rs.getLong("rows_read") / seconds * 10) / 10.0;
            long bytes = rs.getLong("file_bytes");
            if ("CSV".equals(rs.getString("format")) && bytes > 0 && rs.getLong("bytes_read") > 0) {
                double share = Math.min(1.0, rs.getLong("bytes_read") / (double) bytes);
                percent = (int) Math.round(share * 100);
                left = share > 0.001 ? Math.round(seconds * (1 - share) / share) : null;
            }
        }
        return new ImportBatch(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("file_sha256"), rs.getLong("file_bytes"),
                rs.getString("format"), rs.getString("options"), status, rs.getLong("rows_read"),
                rs.getLong("rows_accepted"), rs.getLong("rows_rejected"), rs.getLong("rows_flagged"), rs.getLong("rows_already"),
                rs.getLong("weapons_registered"), rs.getLong("holders_registered"), rs.getString("message"), rs.getString("timings"),
                instant(rs, "started_at"),
                rs.getString("started_by"), instant(rs, "finished_at"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                instant(rs, "voided_at"), rs.getString("voided_by"), rs.getString("void_reason"), rate, left, percent,
                rs.getObject("upload_id", UUID.class), rs.getBoolean("file_kept"), rs.getObject("read_again_as", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
