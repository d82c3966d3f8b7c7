package org.opensalw.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** An investigator in a real browser: a half-read serial, the ranked candidates, then both outcomes. */
@TestDatabase
class IdentificationJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RegistryManagement registry;
    @Autowired
    Identification identification;

    @Test
    void shouldFindTheRecordFromAHalfReadSerialRecordTheSeizureThenRegisterAnUnknownWeapon() {
        accounts.createUnchecked(new NewUser("journey-investigator", "Journey Investigator", Set.of(Role.REGISTRAR, Role.INVESTIGATOR),
                "en", "investigator-password-1"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test", null,
                AuthorityUtils.createAuthorityList(Role.REGISTRAR.authority(), Role.INVESTIGATOR.authority())));
        try {
            WeaponId kalashnikov = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm",
                    "RU", 1984, "JX 4471 09"), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(1999, 1, 4)).withCountry("RU"), null, null));
            WeaponId norinco = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "NORINCO", null, "Type 56", "7.62x39mm",
                    "CN", 1980, "JX 4471 09"), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(1999, 1, 4)).withCountry("CN"), null, null));
            // the index follows the register by asynchronous events, which may queue behind earlier tests' work
            await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> identification.identify(Reading.serial("JX-44?109"))
                    .candidates().stream().filter(c -> c.weaponId().equals(kalashnikov) || c.weaponId().equals(norinco)).count() == 2);
        } finally {
            SecurityContextHolder.clearContext();
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("journey-investigator", "investigator-password-1");
            browser.click(By.linkText("Identify")).waitForText("Identify a recovered weapon");
            browser.type("serial", "JX-44?109").type("maker", "Izhmash").screenshot("identification-01-reading");
            browser.submit("reading-form").waitForText("maker recognised: Kalashnikov Concern");
            String first = browser.text(By.cssSelector("#candidates tbody tr:nth-child(1)"));
            String second = browser.text(By.cssSelector("#candidates tbody tr:nth-child(2)"));
            assertThat(first).contains("JX447109", "Kalashnikov Concern", "confident match");
            assertThat(second).contains("JX447109", "China North Industries Corporation", "maker").doesNotContain("confident");
            assertThat(browser.attribute(By.cssSelector("#candidates tbody tr:nth-child(1) .serial-marks span.UNKNOWN"), "title"))
                    .isEqualTo("unknown in the reading");
            browser.screenshot("identification-02-candidates");

            browser.click(By.cssSelector("#candidates tbody tr:nth-child(1) summary"));
            browser.click(By.cssSelector("#candidates tbody tr:nth-child(1) button.record-match"));
            browser.waitForText("Recovery recorded on this record");
            assertThat(browser.text(By.id("weapon-status"))).isEqualTo("in state custody");
            browser.screenshot("identification-03-matched");

            browser.open("/identification?serial=QQ-1234-77&maker=Norinco");
            browser.waitForText("Not in the register");
            browser.select("u-type", "ASSAULT_RIFLE");
            browser.click(By.id("record-unregistered"));
            browser.waitForText("The recovered weapon is registered with its national mark");
            assertThat(browser.pageText()).contains("QQ-1234-77", "NM-");
            browser.screenshot("identification-04-unregistered");
        }
    }
}
