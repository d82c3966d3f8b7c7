package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.identity.UserAccounts;
import org.opensalw.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry's pages as a signed-in user of each language reads them: every word in the reader's language. */
@TestDatabase
class RegistryPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    RegistryManagement registry;

    @Autowired
    RegistryQueries queries;

    Pages pages;

    @BeforeEach
    void pages() {
        pages = new Pages(port, accounts);
    }

    private String session(Role role, String language) {
        return pages.session(role, language);
    }

    private Pages.Answer get(String session, String path) {
        return pages.get(session, path);
    }

    private Pages.Answer post(String session, String path, Map<String, String> form) {
        return pages.post(session, path, form);
    }

    private long weaponsRegistered() {
        return SystemActor.run("pages-test", Role.AUDITOR, () -> queries.dashboard().weapons());
    }

    @Test
    void shouldSayThatARecordIsNotFoundInTheReadersLanguage() {
        Pages.Answer weapon = get(session(Role.REGISTRAR, "fr"), "/weapons/" + UUID.randomUUID());
        assertThat(weapon.status()).isEqualTo(404);
        assertThat(weapon.body()).contains("Introuvable : arme").doesNotContain("weapon avec", "Aucun(e)");
        Pages.Answer holder = get(session(Role.REGISTRAR, "es"), "/holders/" + UUID.randomUUID());
        assertThat(holder.status()).isEqualTo(404);
        assertThat(holder.body()).contains("titular").doesNotContain("holder con");
    }

    @Test
    void shouldNameARefusedFieldByItsLabelNotItsId() {
        String session = session(Role.REGISTRAR, "fr");
        assertThat(post(session, "/holders", Map.of("kind", "PERSON", "name", "")).body()).contains("Nom :").doesNotContain("name:");
        assertThat(post(session, "/holders", Map.of("kind", "PERSON", "name", "Born Later", "birthDate", "2999-01-01")).body())
                .contains("Date de naissance :").doesNotContain("birthDate:");
        Pages.Answer weapon = post(session, "/weapons", Map.of("type", "RIFLE", "serial", "LBL-" + UUID.randomUUID(), "yearOfManufacture", "abc",
                "origin.kind", "IMPORTED", "origin.occurredOn", "soon"));
        assertThat(weapon.body()).contains("Année de fabrication :", "Date :").doesNotContain("yearOfManufacture:", "origin.occurredOn:");
    }

    @Test
    void shouldWriteNumbersAndCountryNamesAsTheReadersLanguageDoes() {
        if (weaponsRegistered() < 1_000) { // a count with a thousands separator
            SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.registerBulk(UUID.randomUUID(), IntStream.range(0, 1_000)
                    .mapToObj(i -> new BulkWeapon(UUID.randomUUID(), RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()), List.of(),
                            null)).iterator()));
        }
        String french = session(Role.REGISTRAR, "fr");
        String total = Pages.text(get(french, "/").body(), "weapons-total");
        assertThat(total.replaceAll("\\D", "")).isEqualTo(String.valueOf(weaponsRegistered()));
        assertThat(total).doesNotContain(",").matches("\\d{1,3}(\\D\\d{3})+");
        assertThat(Pages.text(get(session(Role.REGISTRAR, "en"), "/").body(), "weapons-total")).contains(",");

        assertThat(get(french, "/holders/new").body()).contains(">Allemagne<", ">Côte d’Ivoire<").doesNotContain(">Germany<");
        assertThat(get(session(Role.REGISTRAR, "es"), "/weapons/new").body()).contains(">Alemania<");
        assertThat(get(session(Role.REGISTRAR, "en"), "/weapons/new").body()).contains(">Germany<");
    }

    @Test
    void shouldTieEveryFieldOfTheRegistryFormsToALabel() {
        String serial = RegistryFixtures.uniqueSerial();
        WeaponId weapon = SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.register(RegistryFixtures.importedRifle(serial)));
        HolderId holder = SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.registerHolder(RegistryFixtures.person("Label " + serial)));
        SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.issueLicence(holder, new LicenceForm("L-" + serial, LicenceKind.POSSESSION,
                java.time.LocalDate.of(2020, 1, 1), null, "Bureau")));
        String session = session(Role.REGISTRAR, "en");
        for (String path : List.of("/holders/" + holder, "/weapons/" + weapon + "/events/new?kind=TRANSFERRED", "/weapons/new",
                "/holders/new", "/weapons/" + weapon)) {
            Pages.Answer page = get(session, path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(Pages.unlabelledFields(page.body())).as(path).isEmpty();
        }
        assertThat(get(session, "/holders/" + holder).body()).contains("name=\"revokedOn\"", "for=\"revokedOn-");
    }

    @Test
    void shouldAnswerAnEditedAddressWithThePageThatSaysWhatIsWrong() {
        String session = session(Role.REGISTRAR, "en");
        Pages.Answer status = get(session, "/weapons?status=BOGUS");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.contentType()).startsWith("text/html");
        assertThat(status.body()).contains("status", "BOGUS", "LEGALLY_HELD");

        WeaponId weapon = SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.register(RegistryFixtures.importedRifle(
                RegistryFixtures.uniqueSerial())));
        Pages.Answer noKind = get(session, "/weapons/" + weapon + "/events/new");
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.contentType()).startsWith("text/html");
        assertThat(noKind.body()).contains("kind");
        Pages.Answer bogus = post(session, "/weapons/" + weapon + "/events", Map.of("kind", "BOGUS", "occurredOn", "2020-01-01"));
        assertThat(bogus.status()).isEqualTo(422);
        assertThat(bogus.body()).contains("BOGUS", "REPORTED_STOLEN");
    }

    @Test
    void shouldShowTheVerifyButtonOnlyToThoseWhoMayVerify() {
        assertThat(get(session(Role.REGISTRAR, "en"), "/ledger").body()).doesNotContain("id=\"verify\"");
        assertThat(get(session(Role.AUDITOR, "en"), "/ledger").body()).contains("id=\"verify\"");
        assertThat(get(session(Role.ADMIN, "en"), "/ledger").body()).contains("id=\"verify\"");
    }
}
