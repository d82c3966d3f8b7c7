package org.opensalw;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring Boot test on its own embedded PostgreSQL (a fresh data directory under target/), with a known first
 * administrator password. Tests with the same annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "opensalw.data-dir=target/test-data/${random.uuid}",
        "opensalw.admin.password=admin-password-for-tests",
        "opensalw.embedded-db.fsync=false",
        // background jobs that tests run themselves when they test them: left to their schedules, they would act in the
        // middle of other tests (the reminders at 06:00, the stale-import check every 30 s)
        "opensalw.registry.counts-fold-millis=86400000",
        "opensalw.tracing.reminder-cron=-",
        "opensalw.import.stale-check-millis=86400000",
        "spring.thymeleaf.cache=false"})
public @interface TestDatabase {
}
