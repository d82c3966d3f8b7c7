package org.opensalw.registry.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * so the register cannot be read meanwhile. It all happens in the batch's transaction: if the batch fails, the
 * indexes are as they were. Primary keys and unique constraints are kept (they guard the data).
 */
@Component
public class BulkIndexes {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexes.class);
    /** The tables a bulk registration writes to. */
    static final String[] TABLES = {"weapon", "ledger_entry", "weapon_marking", "holder"};

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
     * Call first in the batch's transaction, before any other lock, so a reader waiting on the ledger cannot
     * deadlock with it.
     */
    public Dropped dropIfWorthIt(Connection c, long batchWeapons) throws SQLException {
        if (batchWeapons < minimumRows) {
            return new Dropped(List.of());
        }
        long registered = estimatedWeapons(c);
        if (batchWeapons < registered) {
            return new Dropped(List.of());
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '60s'");
            s.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE");
            try (ResultSet rs = s.executeQuery("""
                    SELECT quote_ident(ic.relname), pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE t.relnamespace = current_schema()::regnamespace
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

    /** Builds the dropped indexes again, in the same transaction (PostgreSQL may use parallel workers for each). */
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
