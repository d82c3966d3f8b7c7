package org.opensalw.registry.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the dashboard's count changes (weapon_count_delta, one row per writing statement and group, see V73) into one
 * row per status and type, so summing them stays cheap. One statement: rows added meanwhile by other transactions are
 * not in its snapshot and stay for the next time; two instances folding at once cannot count a row twice (the second
 * finds the first's rows gone).
 */
@Component
public class WeaponCounts {

    private final JdbcClient jdbc;

    WeaponCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the number of rows folded */
    @Scheduled(fixedDelayString = "${opensalw.registry.counts-fold-millis:60000}", initialDelayString = "${opensalw.registry.counts-fold-millis:60000}")
    @Transactional
    public int fold() {
        return jdbc.sql("""
                WITH gone AS (DELETE FROM weapon_count_delta RETURNING status, weapon_type, n),
                folded AS (INSERT INTO weapon_count_delta (status, weapon_type, n)
                  SELECT status, weapon_type, sum(n) FROM gone GROUP BY status, weapon_type HAVING sum(n) <> 0)
                SELECT count(*) FROM gone
                """).query(Integer.class).single();
    }
}
