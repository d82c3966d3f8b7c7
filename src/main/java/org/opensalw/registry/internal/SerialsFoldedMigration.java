package org.opensalw.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.opensalw.registry.SerialNumbers;
import org.springframework.stereotype.Component;

/**
 * Migration 83: {@link SerialNumbers#normalise} now reads accented Latin letters without their accents and other
 * scripts' decimal digits as ASCII digits, so the normalised serials stored before are computed again where they
 * change. Only serials with a character outside ASCII can change; the rest of the register is not rewritten. Written
 * in Java because the rule is Java's (Unicode decomposition and every script's digits), which SQL cannot repeat
 * faithfully. Staged rows of batches not yet confirmed are refreshed too, so their confirmation compares like with like.
 */
@Component
public class SerialsFoldedMigration implements JavaMigration {

    private static final String NOT_ASCII = "[^\\x01-\\x7F]";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("83");
    }

    @Override
    public String getDescription() {
        return "registry serials folded without accents and with ASCII digits";
    }

    @Override
    public Integer getChecksum() {
        return 83;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        refold(context.getConnection());
    }

    /** Recomputes the stored normalised serials that the current rule changes; returns how many weapons changed. */
    static int refold(Connection c) throws SQLException {
        int weapons = refold(c, "SELECT id, serial_as_marked, serial_normalised FROM weapon WHERE serial_as_marked ~ '" + NOT_ASCII + "'",
                "UPDATE weapon SET serial_normalised = ? WHERE id = ?", false);
        refold(c, "SELECT r.batch_id, r.line, r.serial, r.serial_norm FROM import_row r JOIN import_batch b ON b.id = r.batch_id"
                + " WHERE b.status <> 'CONFIRMED' AND r.serial ~ '" + NOT_ASCII + "'",
                "UPDATE import_row SET serial_norm = ? WHERE batch_id = ? AND line = ?", true);
        return weapons;
    }

    private static int refold(Connection c, String select, String update, boolean staged) throws SQLException {
        int changed = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select); PreparedStatement u = c.prepareStatement(update)) {
            int key = staged ? 2 : 1;
            while (rs.next()) {
                String now = SerialNumbers.normalise(rs.getString(key + 1));
                if (now.equals(rs.getString(key + 2))) {
                    continue;
                }
                u.setString(1, now);
                u.setObject(2, rs.getObject(1, UUID.class));
                if (staged) {
                    u.setLong(3, rs.getLong(2));
                }
                u.addBatch();
                if (++changed % 10_000 == 0) {
                    u.executeBatch();
                }
            }
            if (changed % 10_000 != 0) {
                u.executeBatch();
            }
        }
        return changed;
    }
}
