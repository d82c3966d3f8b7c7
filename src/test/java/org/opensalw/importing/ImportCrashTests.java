package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.RegistryQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process dies in the middle of an import: a separate JVM runs the command-line import against this test's
 * database and is killed (destroyForcibly, no shutdown hooks), once while reading the file and once while confirming.
 * Afterwards no half batch is in the register: the first batch is marked interrupted by the recovery every start runs
 * (and can be voided), the second is still unconfirmed with none of its weapons written, and the ledger is intact.
 */
@TestDatabase
class ImportCrashTests {

    /** The register's indexes and foreign keys (a large confirmation drops and rebuilds them in its transaction). */
    private static final String INDEXES_AND_KEYS = "SELECT indexdef FROM pg_indexes WHERE tablename IN ('weapon', 'ledger_entry', 'weapon_marking')"
            + " UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
            + " AND conrelid::regclass::text IN ('weapon', 'ledger_entry', 'weapon_marking') ORDER BY 1";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportManagement imports;

    @Autowired
    RegistryQueries queries;

    @Test
    void shouldLeaveNoHalfBatchWhenTheProcessIsKilledWhileReadingOrConfirming() throws Exception {
        long weaponsBefore = jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class);
        long ledgerBefore = jdbc.queryForObject("SELECT seq FROM ledger_head", Long.class);

        // killed while reading: the batch is RUNNING with rows staged, then no heartbeat
        Path reading = Path.of("target", "crash-" + UUID.randomUUID() + ".csv");
        ImportBenchmark.generate(reading, 400_000);
        Process p1 = child(reading, false);
        UUID b1 = await(reading, status -> status.equals("RUNNING"), "rows_read > 20000", p1);
        p1.destroyForcibly().waitFor();
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch WHERE id = ?", String.class, b1)).isEqualTo("RUNNING");
        Thread.sleep(1500);
        List<UUID> interrupted = SystemActor.run("recovery", Role.REGISTRAR, () -> imports.markInterrupted(Duration.ofSeconds(1)));
        assertThat(interrupted).contains(b1);
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch WHERE id = ?", String.class, b1)).isEqualTo("INTERRUPTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE batch_id = ?", Long.class, b1)).isZero();
        SystemActor.run("registrar", Role.REGISTRAR, () -> {
            imports.voidBatch(b1, "Process killed during the test");
            return null;
        });

        // killed while confirming: the confirmation is one transaction, so nothing of it stays
        Path confirming = Path.of("target", "crash-" + UUID.randomUUID() + ".csv");
        ImportBenchmark.generate(confirming, 60_000);
        Process p2 = child(confirming, true);
        List<String> indexesBefore = jdbc.queryForList(INDEXES_AND_KEYS, String.class);
        UUID b2 = await(confirming, status -> status.equals("LOADED"), "true", p2);
        // the confirmation's transaction is writing into the register (with 60,000 rows, its indexes dropped until commit)
        long until = System.currentTimeMillis() + 60_000;
        while (jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE xact_start IS NOT NULL AND (query LIKE 'COPY weapon %'"
                + " OR query LIKE 'COPY ledger_entry %' OR query LIKE 'COPY holder %')", Long.class) == 0) {
            assertThat(System.currentTimeMillis()).as("the confirmation started writing").isLessThan(until);
            assertThat(p2.isAlive()).as("the import process is still confirming").isTrue();
            Thread.sleep(20);
        }
        p2.destroyForcibly().waitFor();
        Thread.sleep(500);
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch WHERE id = ?", String.class, b2)).isEqualTo("LOADED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE batch_id = ?", Long.class, b2)).isZero();
        assertThat(jdbc.queryForList(INDEXES_AND_KEYS, String.class))
                .isEqualTo(indexesBefore);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class)).isEqualTo(weaponsBefore);
        assertThat(jdbc.queryForObject("SELECT seq FROM ledger_head", Long.class)).isEqualTo(ledgerBefore);
        assertThat(SystemActor.run("auditor", Role.AUDITOR, () -> queries.verifyLedger()).intact()).isTrue();
        Files.deleteIfExists(reading);
        Files.deleteIfExists(confirming);
    }

    private Process child(Path file, boolean confirm) throws Exception {
        HikariDataSource ds = dataSource.unwrap(HikariDataSource.class);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=target", "-cp", System.getProperty("java.class.path"), "org.opensalw.OpenSalwApplication",
                "import", file.toString(), "--date-format=dd/MM/yyyy", "--spring.datasource.url=" + ds.getJdbcUrl(),
                "--spring.datasource.username=" + ds.getUsername(), "--opensalw.data-dir=target/test-data/crash-" + UUID.randomUUID(),
                "--opensalw.admin.password=crash-test-password", "--spring.main.banner-mode=off"));
        if (confirm) {
            cmd.add("--confirm");
        }
        File log = Path.of("target", "crash-child-" + UUID.randomUUID() + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits (up to 3 minutes) until the batch of this file has the status, and the condition holds. */
    private UUID await(Path file, Predicate<String> status, String condition, Process child) throws InterruptedException {
        long until = System.currentTimeMillis() + 180_000;
        String name = file.getFileName().toString();
        while (System.currentTimeMillis() < until) {
            List<UUID> ids = jdbc.queryForList("SELECT id FROM import_batch WHERE file_name = ? AND " + condition, UUID.class, name);
            if (!ids.isEmpty()) {
                String s = jdbc.queryForObject("SELECT status FROM import_batch WHERE id = ?", String.class, ids.get(0));
                if (status.test(s)) {
                    return ids.get(0);
                }
            }
            if (!child.isAlive()) {
                throw new IllegalStateException("the import process ended before it could be killed: exit " + child.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the import did not reach the expected state in time");
    }
}
