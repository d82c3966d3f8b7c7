package org.opensalw.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waiting for the application's asynchronous listeners (Spring Modulith's event publication registry). */
public final class Events {

    private Events() {
    }

    /**
     * Waits until every event published so far has been handled (or has failed) by its listeners. Tests that count what
     * listeners deliver to everyone (alerts to all investigators) call it first, so that work queued by earlier tests in
     * the same application does not land in their counts.
     */
    public static void awaitAllHandled(JdbcTemplate jdbc) {
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND (status IS NULL OR status <> 'FAILED')""", Long.class) == 0);
    }
}
