package org.opensalw.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The import benchmark's floor: what PostgreSQL alone needs, on the machine of the run, to store what an import stored. */
final class PostgresFloor {

    private PostgresFloor() {
    }

    /** The seconds PostgreSQL took to take the import's rows again, and what they went on. */
    record Floor(double total, double staging, String steps) {
    }

    /**
     * The least PostgreSQL needs to store what the import stored: each table's rows of this batch (the register was empty
     * before it) written by PostgreSQL to a file on its own disk, then taken back by binary COPY from that file into an
     * empty copy of the table with its primary key (the staged rows with all their indexes, as they are written), then the
     * register tables' other indexes built, as the bulk confirmation builds them; the rows are also inserted from table to
     * table (INSERT ... SELECT, no datum parsing), and the faster of the two counts. Only the inserts and the index builds
     * are timed.
     */
    static Floor measure(JdbcTemplate jdbc, UUID batch) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("import_row", "SELECT * FROM import_row WHERE batch_id = '" + batch + "'");
        rows.put("weapon", "SELECT * FROM weapon");
        rows.put("holder", "SELECT * FROM holder");
        rows.put("weapon_marking", "SELECT * FROM weapon_marking");
        rows.put("ledger_entry", "SELECT * FROM ledger_entry");
        StringBuilder steps = new StringBuilder();
        double total = 0;
        double stagingSeconds = 0;
        for (Map.Entry<String, String> t : rows.entrySet()) {
            String table = t.getKey();
            String copy = "floor_" + table;
            boolean staging = table.equals("import_row");
            jdbc.execute("CREATE TABLE " + copy + " (LIKE " + table + " INCLUDING DEFAULTS"
                    + (staging ? " INCLUDING INDEXES)" : ")"));
            if (!staging) {
                jdbc.execute("ALTER TABLE " + copy + " ADD PRIMARY KEY (id)".replace("(id)", table.equals("ledger_entry") ? "(seq)" : "(id)"));
            }
            // written by PostgreSQL to its own disk first, so the timed step is PostgreSQL's fastest way in: binary COPY
            Path dump = Path.of("target", "bench-import", "floor-" + table + ".bin").toAbsolutePath();
            jdbc.execute("COPY (" + t.getValue() + ") TO '" + dump + "' (FORMAT binary)");
            jdbc.execute("CHECKPOINT");
            long t0 = System.nanoTime();
            jdbc.execute("COPY " + copy + " FROM '" + dump + "' (FORMAT binary)");
            double byCopy = seconds(t0);
            try {
                Files.delete(dump);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // and from table to table (no datum parsing at all): whichever is faster here is the floor
            jdbc.execute("TRUNCATE " + copy);
            jdbc.execute("CHECKPOINT");
            long t1 = System.nanoTime();
            jdbc.execute("INSERT INTO " + copy + " " + t.getValue());
            double bySelect = seconds(t1);
            double insert = Math.min(byCopy, bySelect);
            double indexes = 0;
            if (!staging) {
                long t2 = System.nanoTime();
                for (String definition : jdbc.queryForList("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = ?::regclass AND NOT i.indisprimary""", String.class, table)) {
                    jdbc.execute(definition.replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (\\S+\\.)?" + table + " ",
                            "CREATE $1INDEX ON " + copy + " "));
                }
                indexes = seconds(t2);
            }
            total += insert + indexes;
            stagingSeconds += staging ? insert : 0;
            steps.append(steps.isEmpty() ? "" : "; ").append(table).append(String.format(Locale.ROOT, " %.1f s (COPY %.1f s, INSERT … SELECT %.1f s)",
                    insert, byCopy, bySelect))
                    .append(staging ? "" : String.format(Locale.ROOT, " + indexes %.1f s", indexes));
        }
        return new Floor(total, stagingSeconds, steps.toString());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
