package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A registrar in a real browser: upload a file with other headers, map the columns, follow the progress, download the error report, confirm. */
@TestDatabase
class ImportJourneyTests {

    /** Enough rows that the batch page usually opens while the file is still read, so the progress is polled. */
    private static final int ROWS = 20_000;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldUploadMapFollowProgressDownloadTheErrorReportAndConfirm() throws Exception {
        accounts.createUnchecked(new NewUser("journey-importer", "Journey Importer", Set.of(Role.REGISTRAR), "en", "importer-password-1"));
        String t = "J" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        StringBuilder csv = new StringBuilder("Kind;Manufacturer;Serial No;Imported on;From;How\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i == 7 ? "CANNON" : "RIFLE").append(";Izhmash;").append(t).append('-').append(i)
                    .append(i == 11 ? ";2001-02-03;RU;IMPORTED\n" : ";03/02/2001;RU;IMPORTED\n");
        }
        for (String repeat : new String[] {"/1", " 2", ".3"}) { // rows 1 to 3 again, written another way: suspected duplicates
            csv.append("RIFLE;Izhmash;").append(t).append(repeat).append(";03/02/2001;RU;IMPORTED\n");
        }
        Path file = Path.of("target", "journey-" + t + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (Browser browser = new Browser(port)) {
            browser.logIn("journey-importer", "importer-password-1");
            browser.click(By.linkText("Imports")).waitForText("Imports of legacy registers");
            browser.upload("file", file).select("dateFormat", "dd/MM/yyyy").screenshot("import-01-upload");
            browser.submit("upload-form").waitForText("Columns of journey-");
            browser.select("map-weapon_type", "Kind").select("map-origin_date", "Imported on").select("map-origin_country", "From")
                    .select("map-origin_event", "How").screenshot("import-02-mapping");
            assertThat(browser.attribute(By.cssSelector("#map-serial option[selected]"), "value")).isEqualTo("Serial No");
            browser.submit("mapping-form").waitForText("rows read");
            browser.screenshot("import-03-progress");
            browser.waitForText("Read, waiting for confirmation", Duration.ofMinutes(2));
            assertThat(browser.text(By.id("counts"))).contains((ROWS + 3) + " rows read", (ROWS - 2) + " accepted", "2 rejected", "3 flagged");
            String href = browser.attribute(By.id("error-report"), "href");
            String report = browser.fetchText(href);
            assertThat(report.lines().toList()).hasSize(3);
            assertThat(report).contains("9,weapon_type,").contains("CANNON").contains("13,origin_date,").contains("dd/MM/yyyy");
            browser.open(href.replace("http://localhost:" + port, "").replace("/errors.csv", "")).waitForText("Confirm: register " + (ROWS - 2) + " weapons");
            assertThat(browser.text(By.id("decide-all-FILE"))).contains("3 rows repeat an earlier row of this file");
            browser.screenshot("import-04-duplicates");
            browser.click(By.cssSelector("#decide-all-FILE form:first-of-type button")).waitForText("3 rows decided.");
            assertThat(browser.pageText()).contains("Confirmed duplicate (journey-importer)").doesNotContain("3 rows repeat an earlier row");
            browser.click(By.id("confirm")).waitForText("Confirmed: in the register", Duration.ofMinutes(2));
            browser.screenshot("import-05-confirmed");
            assertThat(browser.pageText()).contains((ROWS - 2) + " weapons and 0 holders registered");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE serial_as_marked LIKE ?", Long.class, t + "-%")).isEqualTo(ROWS - 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE serial_as_marked LIKE ? AND registered_by = 'journey-importer'",
                Long.class, t + "-%")).isEqualTo(ROWS - 2);
        Files.deleteIfExists(file);
    }
}
