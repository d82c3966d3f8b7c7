package org.opensalw.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/** The index rebuild of large bulk registrations leaves the register's indexes exactly as they were. */
@TestDatabase
class BulkIndexesTests {

    @Autowired
    DataSource dataSource;

    @Test
    void shouldBuildTheDroppedIndexesAgainBeforeCommit() throws SQLException {
        List<String> before = indexes();
        assertThat(before).anyMatch(d -> d.contains("weapon_serial_idx")).anyMatch(d -> d.contains("ledger_entry_subject_idx"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            BulkIndexes.Dropped dropped = new BulkIndexes(1).dropIfWorthIt(c, Long.MAX_VALUE / 2);
            assertThat(dropped.definitions()).containsExactlyInAnyOrderElementsOf(before.stream()
                    .filter(d -> !d.contains("_pkey") && !d.contains("UNIQUE")).toList());
            assertThat(indexes(c)).allMatch(d -> d.contains("_pkey") || d.contains("UNIQUE"));
            new BulkIndexes(1).recreate(c, dropped);
            c.commit();
        }
        assertThat(indexes()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldLeaveTheIndexesAsTheyWereWhenTheBatchFails() throws SQLException {
        List<String> before = indexes();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(new BulkIndexes(1).dropIfWorthIt(c, Long.MAX_VALUE / 2).any()).isTrue();
            c.rollback();
        }
        assertThat(indexes()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldKeepTheIndexesForSmallBatchesAndBatchesSmallerThanTheRegister() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(new BulkIndexes(50_000).dropIfWorthIt(c, 49_999).any()).isFalse();
            assertThat(new BulkIndexes(1).dropIfWorthIt(c, 0).any()).isFalse();
            c.rollback();
        }
    }

    private List<String> indexes() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return indexes(c);
        }
    }

    private static List<String> indexes(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT indexdef FROM pg_indexes WHERE tablename IN ('weapon', 'ledger_entry', 'weapon_marking', 'holder')")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void shouldWaitForAReaderWithoutQueueingBehindItAndThenTakeTheTables() throws Exception {
        List<String> before = indexes();
        try (Connection reader = dataSource.getConnection(); Connection bulk = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.executeQuery("SELECT count(*) FROM weapon").close(); // holds a share lock until its transaction ends
            }
            // while the bulk side waits for the reader, another reader must still get in: a lock request waiting in the
            // queue (instead of NOWAIT and retry) would hold every later reader behind it
            java.util.concurrent.atomic.AtomicReference<String> lateReader = new java.util.concurrent.atomic.AtomicReference<>("not run");
            Thread release = new Thread(() -> {
                try (Connection late = dataSource.getConnection()) {
                    Thread.sleep(200);
                    late.setAutoCommit(false);
                    try (Statement s = late.createStatement()) {
                        s.execute("SET LOCAL lock_timeout = '100ms'");
                        s.executeQuery("SELECT 1 FROM weapon LIMIT 1").close();
                        lateReader.set("read");
                    } catch (SQLException e) {
                        lateReader.set(e.getMessage());
                    }
                    late.rollback();
                    Thread.sleep(200);
                    reader.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            bulk.setAutoCommit(false);
            long started = System.nanoTime();
            BulkIndexes.Dropped dropped = new BulkIndexes(1).dropIfWorthIt(bulk, Long.MAX_VALUE / 2);
            assertThat((System.nanoTime() - started) / 1_000_000).as("waited for the reader").isGreaterThanOrEqualTo(300);
            assertThat(dropped.any()).isTrue();
            bulk.rollback();
            release.join();
            assertThat(lateReader.get()).as("a reader arriving while the bulk side waits").isEqualTo("read");
        }
        assertThat(indexes()).containsExactlyInAnyOrderElementsOf(before);
    }
}
