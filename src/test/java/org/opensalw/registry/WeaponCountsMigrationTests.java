package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V73 on a register that already holds weapons (as every deployment upgrading to it does): the counts it starts from
 * are the register's, and the triggers keep them from there.
 */
class WeaponCountsMigrationTests {

    @Test
    void shouldStartTheKeptCountsFromTheRegisterAsItIs() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "migration-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start()) {
            var ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("72").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            String insert = "INSERT INTO weapon (id, weapon_type, salw_class, status, registered_at, registered_by, last_event_at,"
                    + " last_event_kind) SELECT gen_random_uuid(), ?, 'SMALL_ARM', ?, now(), 'before', now(), 'REGISTERED'"
                    + " FROM generate_series(1, ?)";
            jdbc.update(insert, "RIFLE", "LEGALLY_HELD", 5);
            jdbc.update(insert, "RIFLE", "STOLEN", 2);
            jdbc.update(insert, "ASSAULT_RIFLE", "LEGALLY_HELD", 3);

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            assertThat(sums(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of("LEGALLY_HELD/RIFLE", 5L, "STOLEN/RIFLE", 2L,
                    "LEGALLY_HELD/ASSAULT_RIFLE", 3L));

            jdbc.update("UPDATE weapon SET status = 'STOLEN' WHERE weapon_type = 'ASSAULT_RIFLE'");
            jdbc.update(insert, "RIFLE", "STOLEN", 1);
            assertThat(sums(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of("LEGALLY_HELD/RIFLE", 5L, "STOLEN/RIFLE", 3L,
                    "STOLEN/ASSAULT_RIFLE", 3L));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static Map<String, Long> sums(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT status || '/' || weapon_type AS k, sum(n) AS n FROM weapon_count_delta GROUP BY 1 HAVING sum(n) <> 0");
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get("k"), r -> ((Number) r.get("n")).longValue()));
    }
}
