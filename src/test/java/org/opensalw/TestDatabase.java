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
        "opensalw.registry.counts-fold-millis=3600000",
        "spring.thymeleaf.cache=false"})
public @interface TestDatabase {
}
