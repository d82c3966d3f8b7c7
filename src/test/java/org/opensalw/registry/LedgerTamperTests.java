package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/** Changes made behind the application's back: refused by the database, or named by the verification. */
@TestDatabase
@TestPropertySource(properties = "opensalw.test.context=tamper") // its own database: these tests break the chain on purpose
@WithMockUser(username = "tamper-test", roles = {"REGISTRAR", "AUDITOR"})
class LedgerTamperTests {

    @Autowired
    RegistryManagement registry;

    @Autowired
    RegistryQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    private long recordTheft() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        return registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2010, 1, 1)).withPlace("Depot", "Owner", "POL-1"));
    }

    @Test
    void shouldRefuseUpdateOfHistoryInTheDatabase() {
        long seq = recordTheft();
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_entry SET place = 'elsewhere' WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT place FROM ledger_entry WHERE seq = ?", String.class, seq)).isEqualTo("Depot");
    }

    @Test
    void shouldRefuseDeleteAndTruncateOfHistoryInTheDatabase() {
        long seq = recordTheft();
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entry WHERE seq = ?", seq)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE ledger_entry CASCADE")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM weapon")).rootCause().hasMessageContaining("append-only");
        for (String table : new String[] {"weapon", "holder", "licence"}) {
            assertThatThrownBy(() -> jdbc.execute("TRUNCATE " + table + " CASCADE")).as(table).rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    void shouldNameTheFirstRecordChangedWithTheGuardSwitchedOff() {
        long seq = recordTheft();
        recordTheft();
        assertThat(queries.verifyLedger().intact()).isTrue();
        // a database superuser can switch the trigger off: the hash chain still gives the change away
        jdbc.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
        try {
            jdbc.update("UPDATE ledger_entry SET place = 'Somewhere else' WHERE seq = ?", seq);
            LedgerReport report = queries.verifyLedger();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBadSeq()).isEqualTo(seq);
            assertThat(report.problem()).contains("changed after it was written");
        } finally {
            jdbc.update("UPDATE ledger_entry SET place = 'Depot' WHERE seq = ?", seq);
            jdbc.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
        }
        assertThat(queries.verifyLedger().intact()).isTrue();
    }

    @Test
    void shouldNameARecordRemovedFromTheMiddleOrTheEnd() {
        long first = recordTheft();
        recordTheft();
        jdbc.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
        try {
            var row = jdbc.queryForMap("SELECT * FROM ledger_entry WHERE seq = ?", first);
            jdbc.update("DELETE FROM ledger_entry WHERE seq = ?", first);
            LedgerReport middle = queries.verifyLedger();
            assertThat(middle.firstBadSeq()).isEqualTo(first);
            assertThat(middle.problem()).contains("missing");
            reinsert(row);

            long last = jdbc.queryForObject("SELECT max(seq) FROM ledger_entry", Long.class);
            var lastRow = jdbc.queryForMap("SELECT * FROM ledger_entry WHERE seq = ?", last);
            jdbc.update("DELETE FROM ledger_entry WHERE seq = ?", last);
            LedgerReport end = queries.verifyLedger();
            assertThat(end.intact()).isFalse();
            assertThat(end.problem()).contains("removed");
            reinsert(lastRow);
        } finally {
            jdbc.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
        }
        assertThat(queries.verifyLedger().intact()).isTrue();
    }

    private void reinsert(java.util.Map<String, Object> row) {
        String cols = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        jdbc.update("INSERT INTO ledger_entry (" + cols + ") VALUES (" + marks + ")", row.values().toArray());
    }
}
