package org.opensalw.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.opensalw.registry.SerialNumbers;
import org.springframework.stereotype.Component;

/**
 * Migration 83: {@link SerialNumbers#normalise} now reads accented Latin letters without their accents and other
 * scripts' decimal digits as ASCII digits, and drops the zeros that pad a number, so the normalised serials stored
 * before are computed again where they change. Only serials with a character outside ASCII, or a normalised serial with
 * a zero starting a number, can change; the rest of the register is not rewritten. Written
 * in Java because the rule is Java's (Unicode decomposition and every script's digits), which SQL cannot repeat
 * faithfully. The import's staged rows are the importing module's ({@code RowKeysMigration}, 84).
 */
@Component
public class SerialsFoldedMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("83");
    }

    @Override
    public String getDescription() {
        return "registry serials normalised without accents, other scripts' digits or padding zeros";
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
        int changed = 0;
        List<UUID> ids = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        try (Statement s = c.createStatement();
                PreparedStatement u = c.prepareStatement("""
                        UPDATE weapon w SET serial_normalised = v.serial FROM unnest(?::uuid[], ?::text[]) AS v(id, serial) WHERE w.id = v.id""")) {
            s.setFetchSize(10_000); // a cursor, in the migration's transaction: a large register is not read into memory at once
            ResultSet rs = s.executeQuery("SELECT id, serial_as_marked, serial_normalised FROM weapon WHERE "
                    + SerialNumbers.mayReadDifferently("serial_as_marked", "serial_normalised"));
            while (rs.next()) {
                String now = SerialNumbers.normalise(rs.getString(2));
                if (now.equals(rs.getString(3))) {
                    continue;
                }
                ids.add(rs.getObject(1, UUID.class));
                serials.add(now);
                changed++;
                if (ids.size() == 10_000) {
                    update(c, u, ids, serials);
                }
            }
            update(c, u, ids, serials);
        }
        return changed;
    }

    /** One statement for many weapons (the weapon counts' statement trigger then runs once for them). */
    private static void update(Connection c, PreparedStatement u, List<UUID> ids, List<String> serials) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        u.setArray(1, c.createArrayOf("uuid", ids.toArray()));
        u.setArray(2, c.createArrayOf("text", serials.toArray()));
        u.executeUpdate();
        ids.clear();
        serials.clear();
    }
}
