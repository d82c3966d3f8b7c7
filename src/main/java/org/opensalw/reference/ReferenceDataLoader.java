package org.opensalw.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the shipped reference files (see src/main/resources/reference/) at every start. Shipped rows are added or
 * refreshed; rows an administrator has edited are left as the administrator left them.
 */
@Component
@Order(-10)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final JdbcClient jdbc;

    ReferenceDataLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int countries = 0;
        for (CSVRecord r : read("reference/countries-m49.csv")) {
            jdbc.sql("""
                    INSERT INTO country (alpha2, alpha3, m49, name, region, sub_region, intermediate_region, region_code, sub_region_code)
                    VALUES (:a2, :a3, :m49, :name, :region, :sub, :inter, :rc, :src)
                    ON CONFLICT (alpha2) DO UPDATE SET alpha3 = EXCLUDED.alpha3, m49 = EXCLUDED.m49, name = EXCLUDED.name,
                      region = EXCLUDED.region, sub_region = EXCLUDED.sub_region, intermediate_region = EXCLUDED.intermediate_region,
                      region_code = EXCLUDED.region_code, sub_region_code = EXCLUDED.sub_region_code
                    """)
                    .params(Map.of("a2", r.get("alpha-2"), "a3", r.get("alpha-3"), "m49", r.get("country-code"), "name", r.get("name"),
                            "region", r.get("region"), "sub", r.get("sub-region"), "inter", r.get("intermediate-region"),
                            "rc", r.get("region-code"), "src", r.get("sub-region-code")))
                    .update();
            countries++;
        }
        int makers = 0;
        for (CSVRecord r : read("reference/makers.csv")) {
            jdbc.sql("""
                    INSERT INTO maker (code, name, country, aliases, former_names, factory_codes, marking_notes, source)
                    VALUES (:code, :name, :country, :aliases, :former, :codes, :notes, :source)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country, aliases = EXCLUDED.aliases,
                      former_names = EXCLUDED.former_names, factory_codes = EXCLUDED.factory_codes,
                      marking_notes = EXCLUDED.marking_notes, source = EXCLUDED.source
                    WHERE maker.edited_by IS NULL
                    """)
                    .param("code", r.get("code")).param("name", r.get("name"))
                    .param("country", r.get("country").isBlank() ? null : r.get("country"))
                    .param("aliases", r.get("aliases")).param("former", r.get("former_names"))
                    .param("codes", r.get("factory_codes")).param("notes", r.get("marking_notes")).param("source", r.get("source"))
                    .update();
            makers++;
        }
        int models = 0;
        for (CSVRecord r : read("reference/models.csv")) {
            WeaponType.valueOf(r.get("type")); // a wrong type in a shipped file stops the start with its line number below
            jdbc.sql("""
                    INSERT INTO model (maker_code, name, weapon_type, calibre, serial_format, source)
                    VALUES (:maker, :name, :type, :calibre, :format, :source)
                    ON CONFLICT (maker_code, name) DO UPDATE SET weapon_type = EXCLUDED.weapon_type, calibre = EXCLUDED.calibre,
                      serial_format = EXCLUDED.serial_format, source = EXCLUDED.source
                    WHERE model.edited_by IS NULL
                    """)
                    .param("maker", r.get("maker_code")).param("name", r.get("name")).param("type", r.get("type"))
                    .param("calibre", r.get("calibre")).param("format", r.get("serial_format")).param("source", r.get("source"))
                    .update();
            models++;
        }
        log.info("Reference data loaded: {} countries, {} makers, {} models", countries, makers, models);
    }

    private static List<CSVRecord> read(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            log.warn("Reference file {} is missing; nothing loaded from it", path);
            return List.of();
        }
        try (InputStream in = resource.getInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = new ArrayList<>();
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader).forEach(records::add);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read reference file " + path, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("Reference file " + path + " is malformed: " + e.getMessage(), e);
        }
    }
}
