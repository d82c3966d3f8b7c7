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
import org.opensalw.support.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A stolen rifle is recovered: the investigators (not the other users) are told, see the alert with its evidence,
 * and one acknowledges it.
 */
@TestDatabase
class AlertsJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RegistryManagement registry;
    @Autowired
    WatchList watchList;

    @Test
    void shouldTellTheInvestigatorsOfARecoveredStolenWeaponAndLetThemAcknowledgeIt() {
        Events.awaitAllHandled(jdbcTemplate); // alerts go to every investigator: none queued by earlier tests may reach ours
        accounts.createUnchecked(new NewUser("alert-investigator", "Alert Investigator", Set.of(Role.INVESTIGATOR), "en", "investigator-password-2"));
        accounts.createUnchecked(new NewUser("alert-registrar", "Alert Registrar", Set.of(Role.REGISTRAR), "en", "registrar-password-2"));
        WeaponId stolen = as(Role.REGISTRAR, () -> {
            WeaponId id = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM",
                    "7.62x39mm", "RU", 1984, "AL 90 1234"), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(1999, 1, 4)).withCountry("RU"),
                    null, null));
            registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.now().minusDays(30)));
            registry.recordEvent(id, EventCommand.of(EventKind.SEIZED, LocalDate.now()));
            return id;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> as(Role.INVESTIGATOR, () -> watchList.alerts(true).stream()
                .anyMatch(a -> a.weaponId().equals(stolen))));
        By ours = By.xpath("//table[@id='alerts']//tr[contains(., 'AL 90 1234')]");

        try (Browser browser = new Browser(port)) {
            browser.logIn("alert-investigator", "investigator-password-2");
            browser.waitForText("Alerts");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.text(By.id("nav-alerts")).contains("1"));
            assertThat(browser.attribute(By.cssSelector("#nav-alerts .badge"), "title")).isEqualTo("1 new alert(s) for you");
            browser.screenshot("alerts-01-badge");

            browser.click(By.id("nav-alerts")).waitForText("Watch list alerts");
            String row = browser.text(ours);
            assertThat(row).contains("AL 90 1234", "new", "reported stolen before this recovery");
            browser.screenshot("alerts-02-list");

            browser.open("/identification/alerts");
            assertThat(browser.text(ours)).doesNotContain("new");
            assertThat(browser.text(By.id("nav-alerts"))).doesNotContain("1");
            browser.clickAndLoad(By.xpath("//table[@id='alerts']//tr[contains(., 'AL 90 1234')]//button"));
            browser.open("/identification/alerts?all=true");
            assertThat(browser.text(ours)).contains("acknowledged by alert-investigator");
            browser.screenshot("alerts-03-acknowledged");
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("alert-registrar", "registrar-password-2");
            browser.open("/identification/alerts?all=true").waitForText("Watch list alerts");
            assertThat(browser.pageText()).contains("AL 90 1234");
            assertThat(browser.text(By.id("nav-alerts"))).isEqualTo("Alerts");
        }
    }

    private static <T> T as(Role role, java.util.function.Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test", null,
                AuthorityUtils.createAuthorityList(role.authority())));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
