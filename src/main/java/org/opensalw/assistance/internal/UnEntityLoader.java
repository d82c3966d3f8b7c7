package org.opensalw.assistance.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds the 24 UN entities of the report's footnote 1 (assistance/un-entities.csv) as actors, once each, by code. */
@Component
class UnEntityLoader implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Clock clock;

    UnEntityLoader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        try (Reader in = new InputStreamReader(new ClassPathResource("assistance/un-entities.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                jdbc.sql("""
                        INSERT INTO asst_actor (id, kind, code, name, status, created_by, created_at)
                        VALUES (:id, 'UN_ENTITY', :code, :name, 'ACTIVE', 'system', :at) ON CONFLICT (code) DO NOTHING
                        """).param("id", UUID.randomUUID()).param("code", r.get("code"))
                        .param("name", r.get("name_en") + " (" + r.get("code") + ")")
                        .param("at", Timestamp.from(clock.instant())).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
