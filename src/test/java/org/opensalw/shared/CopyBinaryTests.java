package org.opensalw.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** Values written in binary COPY format come back from PostgreSQL as they were given, nulls included. */
@TestDatabase
class CopyBinaryTests {

    @Autowired
    DataSource dataSource;

    @Test
    void shouldRoundTripEveryTypeThroughPostgreSql() throws Exception {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T02:30:15.123456789Z");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE copy_binary_probe (t TEXT, c CHAR(2), u UUID, b BIGINT, i INT, d DATE, ts TIMESTAMPTZ, f BOOLEAN)"
                    + " ON COMMIT DROP");
            CopyBinary rows = new CopyBinary(8)
                    .row(8).text("Kalashnikov – Ижмаш\ttab\\").text("RU").uuid(id).int8(9_000_000_000L).int4(-7)
                    .date(LocalDate.of(1947, 12, 31)).timestamptz(at).bool(true)
                    .row(8).nul().text(null).uuid(null).int8(null).int4(null).date(null).timestamptz(null).bool(null);
            long copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY copy_binary_probe FROM STDIN (FORMAT binary)", rows.stream());
            assertThat(copied).isEqualTo(2);
            try (ResultSet rs = s.executeQuery("SELECT * FROM copy_binary_probe ORDER BY t NULLS LAST")) {
                rs.next();
                assertThat(rs.getString("t")).isEqualTo("Kalashnikov – Ижмаш\ttab\\");
                assertThat(rs.getString("c")).isEqualTo("RU");
                assertThat(rs.getObject("u", UUID.class)).isEqualTo(id);
                assertThat(rs.getLong("b")).isEqualTo(9_000_000_000L);
                assertThat(rs.getInt("i")).isEqualTo(-7);
                assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(1947, 12, 31));
                assertThat(rs.getObject("ts", OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2026-11-30T02:30:15.123456Z"));
                assertThat(rs.getBoolean("f")).isTrue();
                rs.next();
                for (int k = 1; k <= 8; k++) {
                    assertThat(rs.getObject(k)).as("column %d", k).isNull();
                }
            }
            c.rollback();
        }
    }
}
