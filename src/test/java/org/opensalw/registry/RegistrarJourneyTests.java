package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A registrar's day in a real browser: log in, register a weapon, record a transfer and a theft, read the timeline in French. */
@TestDatabase
class RegistrarJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void shouldRegisterTransferAndReportStolenThenReadTimelineInFrench() {
        accounts.createUnchecked(new NewUser("journey-registrar", "Journey Registrar", Set.of(Role.REGISTRAR), "en", "registrar-password-1"));
        try (Browser browser = new Browser(port)) {
            browser.logIn("journey-registrar", "registrar-password-1").screenshot("01-dashboard");

            browser.open("/holders/new").select("kind", "PERSON").type("name", "Amina Journeytest").type("idDocument", "P-778899")
                    .submit("holder-form").waitForText("Amina Journeytest");

            browser.open("/weapons/new").select("type", "ASSAULT_RIFLE").select("makerCode", "KALASHNIKOV")
                    .type("model", "AKM").type("calibre", "7.62x39mm").type("serial", "JT 000123")
                    .select("countryOfManufacture", "RU").type("yearOfManufacture", "1985")
                    .select("origin.kind", "IMPORTED").type("origin.country", "RU").type("origin.reference", "IMP-2001-77")
                    .screenshot("02-register-form").submit("register-weapon");
            browser.waitForText("JT 000123");
            assertThat(browser.text(By.id("weapon-status"))).isEqualTo("legally held");
            browser.screenshot("03-weapon-registered");

            browser.click(By.id("event-TRANSFERRED"));
            browser.type("holder-search", "Amina Jour");
            browser.selectWhenOffered("holderId", holderIdShownFor(browser));
            browser.type("reference", "SALE-42").submit("event-form");
            browser.waitForText("The event has been recorded"); // on the weapon's page (the form's own page names the kind too)
            browser.waitForText("Transferred");

            browser.click(By.id("event-REPORTED_STOLEN"));
            browser.type("place", "Port city").type("reference", "POL-2024-118").submit("event-form");
            browser.waitForText("The event has been recorded");
            browser.waitForText("Reported stolen");
            assertThat(browser.text(By.id("weapon-status"))).isEqualTo("stolen");
            assertThat(browser.text(By.id("timeline"))).contains("Registered", "Imported", "Transferred", "Amina Journeytest",
                    "Reported stolen", "POL-2024-118");
            browser.screenshot("04-timeline");

            browser.click(By.linkText("Français"));
            browser.waitForText("Historique");
            assertThat(browser.text(By.id("weapon-status"))).isEqualTo("volée");
            assertThat(browser.text(By.id("timeline"))).contains("Déclarée volée", "Transférée");
            browser.screenshot("05-timeline-fr");

            // the choice is kept with the user: a new page after logging in again is still in French
            browser.open("/weapons").waitForText("Armes");
        }
        assertThat(accounts.findByUsername("journey-registrar").orElseThrow().locale()).isEqualTo("fr");
    }

    /** The holder search offers options whose value is the holder id; take the one for our holder. */
    private static String holderIdShownFor(Browser browser) {
        browser.waitForText("Amina Journeytest");
        return browser.attribute(By.xpath("//select[@id='holderId']/option[contains(., 'Amina Journeytest')]"), "value");
    }
}
