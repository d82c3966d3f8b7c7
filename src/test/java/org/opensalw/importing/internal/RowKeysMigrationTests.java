package org.opensalw.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.importing.BatchStatus;
import org.opensalw.importing.ImportBatch;
import org.opensalw.importing.ImportManagement;
import org.opensalw.importing.ImportOptions;
import org.opensalw.importing.PreparedFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Migration 84 gives staged rows stored before the serial rule changed the serial and row key a new import computes, and
 * sends a waiting batch with such rows back to be read again, since it was checked for duplicates with the old rule.
 */
@TestDatabase
@WithMockUser(username = "rekey-registrar", roles = "REGISTRAR")
class RowKeysMigrationTests {

    @Autowired
    ImportManagement imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void shouldComputeTheSerialAndRowKeyOfStagedRowsAgain() throws Exception {
        String t = "RK" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        String csv = "weapon_type,maker,model,serial\nRIFLE,KALASHNIKOV,SKS," + t + "-0042\nRIFLE,KALASHNIKOV,SKS," + t + "-77\n";
        PreparedFile p = imports.prepare("rekey.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "UTF-8");
        ImportBatch b = imports.run(p.id(), ImportOptions.of("dd/MM/yyyy"), null);
        String other = "weapon_type,maker,model,serial\nRIFLE,KALASHNIKOV,SKS," + t + "-0099\n";
        ImportBatch confirmed = imports.confirm(imports.run(imports.prepare("confirmed.csv",
                new ByteArrayInputStream(other.getBytes(StandardCharsets.UTF_8)), "UTF-8").id(), ImportOptions.of("dd/MM/yyyy"), null).id());
        assertThat(confirmed.status()).isEqualTo(BatchStatus.CONFIRMED);
        // and a waiting batch whose own rows the new rule reads alike: checked against the register with the old rule all the same
        String unchanged = "weapon_type,maker,model,serial\nRIFLE,KALASHNIKOV,SKS," + t + "-77\n";
        ImportBatch alike = imports.run(imports.prepare("alike.csv", new ByteArrayInputStream(unchanged.getBytes(StandardCharsets.UTF_8)),
                "UTF-8").id(), ImportOptions.of("dd/MM/yyyy"), null);
        Map<String, Object> padded = row(b.id(), 2);
        Map<String, Object> plain = row(b.id(), 3);
        assertThat(padded.get("serial_norm")).isEqualTo(t + "42");
        // as a batch read before the rule changed stored it
        jdbc.update("UPDATE import_row SET serial_norm = ?, row_key = 'before' WHERE batch_id = ? AND line = 2", t + "0042", b.id());
        Map<String, Object> confirmedRow = row(confirmed.id(), 2);
        jdbc.update("UPDATE import_row SET serial_norm = ?, row_key = 'before' WHERE batch_id = ? AND line = 2", t + "0099", confirmed.id());

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(RowKeysMigration.rekey(c)).isGreaterThanOrEqualTo(1);
            c.commit();
        }

        assertThat(row(b.id(), 2)).as("what reading the file now gives").isEqualTo(padded);
        assertThat(row(b.id(), 3)).isEqualTo(plain);
        assertThat(row(confirmed.id(), 2)).isEqualTo(confirmedRow);
        ImportBatch waiting = imports.batch(b.id());
        assertThat(waiting.status()).as("checked with the old rule: to be read again, not confirmed").isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(waiting.message()).contains("Read its file again");
        assertThat(imports.batch(confirmed.id()).status()).isEqualTo(BatchStatus.CONFIRMED);
        assertThat(imports.batch(alike.id()).status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(imports.readAgain(b.id()).status()).isIn(BatchStatus.RUNNING, BatchStatus.LOADED);
    }

    private Map<String, Object> row(UUID batch, long line) {
        return jdbc.queryForMap("SELECT serial_norm, row_key FROM import_row WHERE batch_id = ? AND line = ?", batch, line);
    }
}
