package org.opensalw.registry.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's advice for loading much data into a table ("Populating a Database": remove indexes, load, create them
 * again): inserting a row into seven secondary indexes costs several times the row itself, while building an index
 * from scratch sorts once. Measured on a 2-core machine with 980,562 weapons: COPY into {@code weapon} took 38 s with
 * its indexes and 7 s without, and building them afterwards 9 s.
 *
 * <p>Only worth it when the batch is large against what the register already holds, since the indexes are rebuilt
 * over the whole table, and only acceptable then: the tables are locked (ACCESS EXCLUSIVE) until the batch commits,
 * so the register cannot be read meanwhile. The locks are taken without queueing (see {@link #lockAll}). It all happens in the batch's transaction: if the batch fails, the
 * indexes are as they were. Primary keys and unique constraints are kept (they guard the data).
 */
@Component
public class BulkIndexes {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexes.class);
    /** The tables a bulk registration writes to. */
    static final String[] TABLES = {"weapon", "ledger_entry", "weapon_marking", "holder"};

    private static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofSeconds(60);

    private final long minimumRows;

    public BulkIndexes(@Value("${opensalw.registry.bulk.rebuild-indexes-from:50000}") long minimumRows) {
        this.minimumRows = minimumRows;
    }

    /** The secondary indexes dropped for a batch, to be created again before it commits. */
    public record Dropped(List<String> definitions) {
        public boolean any() {
            return !definitions.isEmpty();
        }
    }

    /**
     * Locks the tables and drops their secondary indexes when the batch is at least {@code minimumRows} and at least
     * as large as the register already is (so rebuilding is cheaper than maintaining); otherwise does nothing.
     * Call first in the batch's transaction: it also takes the ledger head, with the tables, without waiting.
     */
    public Dropped dropIfWorthIt(Connection c, long batchWeapons) throws SQLException {
        if (batchWeapons < minimumRows) {
            return new Dropped(List.of());
        }
        long registered = estimatedWeapons(c);
        if (batchWeapons < registered) {
            return new Dropped(List.of());
        }
        lockAll(c);
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT quote_ident(ic.relname), pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = current_schema()
                      AND t.relname IN ('weapon', 'ledger_entry', 'weapon_marking', 'holder')
                      AND NOT i.indisprimary AND NOT i.indisunique
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                    ORDER BY t.relname, ic.relname
                    """)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        log.info("Bulk registration of {} weapons into a register of about {}: {} secondary indexes dropped, to be built again"
                + " before commit (tables locked until then)", batchWeapons, registered, names.size());
        return new Dropped(List.copyOf(definitions));
    }

    /**
     * Takes the tables and the ledger head without waiting (NOWAIT), or gives them all back and tries again a little
     * later. Waiting in a queue instead would deadlock with a writer that holds the ledger head and waits for one of
     * these tables, and would hold up every reader of the register behind the waiting lock request.
     */
    private static void lockAll(Connection c) throws SQLException {
        long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            Savepoint before = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE NOWAIT");
                s.executeQuery("SELECT seq FROM ledger_head WHERE id = 1 FOR UPDATE NOWAIT").close();
                c.releaseSavepoint(before);
                return;
            } catch (SQLException e) {
                if (!"55P03".equals(e.getSQLState())) { // lock_not_available
                    throw e;
                }
                c.rollback(before); // gives back the locks taken so far
                if (System.nanoTime() > deadline) {
                    throw new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of(null, "registry.bulk.busy",
                            LOCK_PATIENCE.toSeconds())));
                }
                try {
                    Thread.sleep(Math.min(50L * attempt, 500L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the register's tables", interrupted);
                }
            }
        }
    }

    /**
     * Builds the dropped indexes again, in the same transaction (PostgreSQL may use parallel workers for each), then
     * refreshes the planner's statistics for the rows just written.
     */
    public void recreate(Connection c, Dropped dropped) throws SQLException {
        if (!dropped.any()) {
            return;
        }
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String definition : dropped.definitions()) {
                s.execute(definition);
            }
            s.execute("ANALYZE " + String.join(", ", TABLES));
        }
        log.info("{} indexes built again in {} ms", dropped.definitions().size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static long estimatedWeapons(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT greatest(reltuples::bigint, 0) FROM pg_class WHERE oid = 'weapon'::regclass")) {
            long estimate = rs.next() ? rs.getLong(1) : 0;
            if (estimate > 0) {
                return estimate;
            }
        }
        // never analysed (a new register): count, which is cheap while it is small
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM weapon")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
