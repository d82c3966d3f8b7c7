package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The registry's pages as a signed-in user of each language reads them: every word in the reader's language. */
@TestDatabase
class RegistryPagesTests {

    private static final String PASSWORD = "pages-test-password";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    RegistryManagement registry;

    @Autowired
    RegistryQueries queries;

    record Answer(int status, String body, String contentType) {
    }

    @Test
    void shouldSayThatARecordIsNotFoundInTheReadersLanguage() {
        Answer weapon = get(session(Role.REGISTRAR, "fr"), "/weapons/" + UUID.randomUUID());
        assertThat(weapon.status()).isEqualTo(404);
        assertThat(weapon.body()).contains("Introuvable : arme").doesNotContain("weapon avec", "Aucun(e)");
        Answer holder = get(session(Role.REGISTRAR, "es"), "/holders/" + UUID.randomUUID());
        assertThat(holder.status()).isEqualTo(404);
        assertThat(holder.body()).contains("titular").doesNotContain("holder con");
    }

    @Test
    void shouldNameARefusedFieldByItsLabelNotItsId() {
        String session = session(Role.REGISTRAR, "fr");
        assertThat(post(session, "/holders", Map.of("kind", "PERSON", "name", "")).body()).contains("Nom :").doesNotContain("name:");
        assertThat(post(session, "/holders", Map.of("kind", "PERSON", "name", "Born Later", "birthDate", "2999-01-01")).body())
                .contains("Date de naissance :").doesNotContain("birthDate:");
        Answer weapon = post(session, "/weapons", Map.of("type", "RIFLE", "serial", "LBL-" + UUID.randomUUID(), "yearOfManufacture", "abc",
                "origin.kind", "IMPORTED", "origin.occurredOn", "soon"));
        assertThat(weapon.body()).contains("Année de fabrication :", "Date :").doesNotContain("yearOfManufacture:", "origin.occurredOn:");
    }

    @Test
    void shouldWriteNumbersAndCountryNamesAsTheReadersLanguageDoes() {
        long registered = queries.dashboard().weapons();
        if (registered < 1_000) { // a count with a thousands separator
            SystemActor.run("pages-test", Role.REGISTRAR, () -> registry.registerBulk(UUID.randomUUID(), IntStream.range(0, 1_000)
                    .mapToObj(i -> new BulkWeapon(UUID.randomUUID(), RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()), List.of(),
                            null)).iterator()));
        }
        String french = session(Role.REGISTRAR, "fr");
        String total = text(get(french, "/").body(), "weapons-total");
        assertThat(total.replaceAll("\\D", "")).isEqualTo(String.valueOf(queries.dashboard().weapons()));
        assertThat(total).doesNotContain(",").matches("\\d{1,3}(\\D\\d{3})+");
        assertThat(text(get(session(Role.REGISTRAR, "en"), "/").body(), "weapons-total")).contains(",");

        assertThat(get(french, "/holders/new").body()).contains(">Allemagne<", ">Côte d’Ivoire<").doesNotContain(">Germany<");
        assertThat(get(session(Role.REGISTRAR, "es"), "/weapons/new").body()).contains(">Alemania<");
        assertThat(get(session(Role.REGISTRAR, "en"), "/weapons/new").body()).contains(">Germany<");
    }

    /** The text of the element with this id (no markup inside). */
    private static String text(String html, String id) {
        return html.replaceAll("(?s).*id=\"" + id + "\"[^>]*>([^<]*)<.*", "$1").trim();
    }

    /** A signed-in session (its cookie) of a new user with this role, who reads in this language. */
    String session(Role role, String language) {
        String name = "pages-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUnchecked(new NewUser(name, "Pages " + role, Set.of(role), language, PASSWORD));
        var response = RestClient.create("http://localhost:" + port).get().uri("/login").retrieve().toEntity(String.class);
        String cookie = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String csrf = response.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return RestClient.create("http://localhost:" + port).post().uri("/login").header(HttpHeaders.COOKIE, cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("username=" + name + "&password=" + PASSWORD + "&_csrf=" + csrf)
                .exchange((req, res) -> res.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(v -> v.startsWith("SESSION="))
                        .findFirst().orElseThrow().split(";")[0]);
    }

    Answer get(String session, String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path).header(HttpHeaders.COOKIE, session)
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8), String.valueOf(res.getHeaders().getContentType())));
    }

    /** Posts the form as the browser does, with the session's CSRF token (read from a page). */
    Answer post(String session, String path, Map<String, String> form) {
        String page = get(session, "/").body();
        String csrf = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrf));
        form.forEach((k, v) -> body.append('&').append(encode(k)).append('=').append(encode(v)));
        return RestClient.create("http://localhost:" + port).post().uri(path).header(HttpHeaders.COOKIE, session)
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body.toString())
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8), String.valueOf(res.getHeaders().getContentType())));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
