package org.opensalw.importing.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opensalw.importing.ImportBatch;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.opensalw.registry.SerialNumbers;
import org.springframework.stereotype.Component;

/**
 * Migration 84: the register's normalised serial now sets accents, other scripts' digits and zeros padding a number
 * aside (migration 83), so the staged rows of every batch get their normalised serial and their row key computed again
 * where these change: a re-exported copy of an earlier confirmed file is still recognised row by row as already
 * imported. Every batch waiting for confirmation was checked for duplicates (in its file and against the register) with
 * the old rule, and confirmation only checks again the weapons registered since: even a batch whose own rows did not
 * change may hold `AK-123` while the register held `AK-000123`. So each is marked INTERRUPTED with the reason, to be read
 * again (its file is kept) rather than confirmed unchecked. Only rows whose serial has a character outside ASCII, or a
 * zero starting a number, can change.
 */
@Component
public class RowKeysMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("84");
    }

    @Override
    public String getDescription() {
        return "importing staged serials and row keys normalised again";
    }

    @Override
    public Integer getChecksum() {
        return 84;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException, NoSuchAlgorithmException {
        rekey(context.getConnection());
    }

    /** Recomputes the staged rows' normalised serials and row keys that the current rule changes; returns how many changed. */
    static int rekey(Connection c) throws SQLException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int changed = 0;
        Changes changes = new Changes();
        try (Statement s = c.createStatement();
                PreparedStatement u = c.prepareStatement("""
                        UPDATE import_row r SET serial_norm = v.serial, row_key = v.key
                        FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[]) AS v(batch, line, serial, key)
                        WHERE r.batch_id = v.batch AND r.line = v.line""")) {
            s.setFetchSize(10_000); // a cursor, in the migration's transaction
            ResultSet rs = s.executeQuery(StagedRows.SELECT + " WHERE " + SerialNumbers.mayReadDifferently("serial", "serial_norm"));
            while (rs.next()) {
                StagedRow r = StagedRows.map(rs);
                String serial = SerialNumbers.normalise(r.serial);
                if (serial.equals(r.serialNorm)) {
                    continue;
                }
                r.serialNorm = serial;
                changes.add(r.batchId, r.line, serial, RowChecker.rowKey(sha, r));
                changed++;
                if (changes.size() == 10_000) {
                    changes.apply(c, u);
                }
            }
            changes.apply(c, u);
        }
        readAgain(c);
        return changed;
    }

    /** Staged rows to update, applied by one statement for many. */
    private static final class Changes {
        final List<UUID> batches = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<String> serials = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        void add(UUID batch, long line, String serial, String key) {
            batches.add(batch);
            lines.add(line);
            serials.add(serial);
            keys.add(key);
        }

        int size() {
            return lines.size();
        }

        void apply(Connection c, PreparedStatement u) throws SQLException {
            if (lines.isEmpty()) {
                return;
            }
            u.setArray(1, c.createArrayOf("uuid", batches.toArray()));
            u.setArray(2, c.createArrayOf("bigint", lines.toArray()));
            u.setArray(3, c.createArrayOf("text", serials.toArray()));
            u.setArray(4, c.createArrayOf("text", keys.toArray()));
            u.executeUpdate();
            batches.clear();
            lines.clear();
            serials.clear();
            keys.clear();
        }
    }

    /** Every batch waiting for confirmation: INTERRUPTED, with the reason, to be read again. */
    private static void readAgain(Connection c) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                WITH stopped AS (
                  UPDATE import_batch SET status = 'INTERRUPTED', finished_at = now(), message = ?
                  WHERE status IN ('LOADED', 'CONFIRMING')
                  RETURNING id)
                INSERT INTO import_batch_history (batch_id, status, at, by_user, reason)
                SELECT id, 'INTERRUPTED', now(), 'system', ? FROM stopped
                """)) {
            u.setString(1, ImportBatch.keyed("import.stopped.serialRule"));
            u.setString(2, ImportBatch.keyed("import.history.serialRule"));
            u.executeUpdate();
        }
    }
}
