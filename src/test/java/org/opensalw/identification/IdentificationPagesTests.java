package org.opensalw.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.identity.UserAccounts;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identification pages as a registrar reads them: every field named by a label, for screen readers too. */
@TestDatabase
class IdentificationPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RegistryManagement registry;
    @Autowired
    Identification identification;

    @Test
    void shouldTieEveryFieldOfTheOutcomeFormsToALabel() {
        String serial = "AB123" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        WeaponId id = SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.register(new Registration(new WeaponDescription(
                WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm", "RU", 1980, serial), List.of(),
                EventCommand.of(EventKind.IMPORTED, LocalDate.of(2000, 3, 1)).withCountry("RU"), null, null)));
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> SystemActor.run("pages-test", Role.INVESTIGATOR,
                () -> identification.identify(Reading.serial(serial)).candidates().stream().anyMatch(c -> c.weaponId().equals(id))));
        Pages pages = new Pages(port, accounts);

        Pages.Answer page = pages.get(pages.session(Role.REGISTRAR, "en"), "/identification?serial=" + serial);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("record-match", "record-unregistered"); // a candidate's form and the unregistered one
        assertThat(Pages.unlabelledFields(page.body())).isEmpty();
        assertThat(page.body()).contains("for=\"m0-kind\"", "id=\"m0-occurredOn\"", "for=\"u-place\"", "id=\"u-notes\"");

        Pages.Answer alerts = pages.get(pages.session(Role.INVESTIGATOR, "en"), "/identification/alerts");
        assertThat(Pages.unlabelledFields(alerts.body())).isEmpty();
    }
}
