package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The register's JSON API as a client uses it: what it refuses, with 422 naming the field and what to do. */
@TestDatabase
class RegistryApiTests {

    private static final String PASSWORD = "registry-api-password";
    private static final String PISTOL = """
            {"description":{"type":"SELF_LOADING_PISTOL","makerCode":"GLOCK","model":"17","serial":"%s"},
             "markings":%s,"origin":{"kind":"IMPORTED","occurredOn":"%s","country":"AT"}%s}""";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    record Answer(int status, String body) {
    }

    private Answer call(String user, String method, String path, String json) {
        return RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBasicAuth(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
    }

    private String registrar() {
        String name = "api-reg-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUnchecked(new NewUser(name, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
        return name;
    }

    @Test
    void shouldRefuseTheSameSerialOrNationalMarkTwiceUnlessConfirmedDistinct() {
        String user = registrar();
        String s = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Answer first = call(user, "POST", "/api/weapons", PISTOL.formatted("AB-" + s, "[]", "2015-03-01", ""));
        assertThat(first.status()).isEqualTo(201);
        String firstId = first.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Answer again = call(user, "POST", "/api/weapons", PISTOL.formatted("ab " + s.toLowerCase(), "[]", "2015-03-01", ""));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("\"field\":\"serial\"", "\"code\":\"weapon.serial.duplicate\"", firstId, "confirmDistinct");
        assertThat(call(user, "POST", "/api/weapons", PISTOL.formatted("ab " + s.toLowerCase(), "[]", "2015-03-01",
                ",\"confirmDistinct\":true")).status()).isEqualTo(201);

        String mark = "[{\"kind\":\"NATIONAL\",\"text\":\"NAT-XYZ-" + s + "\"}]";
        assertThat(call(user, "POST", "/api/weapons", PISTOL.formatted("N1-" + s, mark, "2015-03-01", "")).status()).isEqualTo(201);
        Answer markAgain = call(user, "POST", "/api/weapons", PISTOL.formatted("N2-" + s, mark, "2015-03-01", ""));
        assertThat(markAgain.status()).isEqualTo(422);
        assertThat(markAgain.body()).contains("\"field\":\"markings[0].text\"", "\"code\":\"marking.national.taken\"");
        Answer unregistered = call(user, "POST", "/api/identification/unregistered", """
                {"reading":{"serial":"N3-%s","maker":"Glock","type":"SELF_LOADING_PISTOL"},
                 "recovery":{"kind":"FOUND","occurredOn":"2026-01-02","nationalMark":"NAT-XYZ-%s"}}""".formatted(s, s));
        assertThat(unregistered.status()).isEqualTo(422);
        assertThat(unregistered.body()).contains("\"field\":\"nationalMark\"", "\"code\":\"marking.national.taken\"");
    }

    @Test
    void shouldTakeASerialWithAccentsOtherScriptsDigitsOrPaddingZerosForTheSameAsTypedOnALatinKeyboard() {
        String user = registrar();
        String s = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Answer marked = call(user, "POST", "/api/weapons", PISTOL.formatted("ÉTN-٣٤٥-" + s, "[]", "2015-03-01", ""));
        assertThat(marked.status()).isEqualTo(201);
        String id = marked.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Answer typed = call(user, "POST", "/api/weapons", PISTOL.formatted("etn 345 " + s, "[]", "2015-03-01", ""));
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.body()).contains("\"code\":\"weapon.serial.duplicate\"", id);
        assertThat(call(user, "GET", "/api/weapons?serial=ETN-345-" + s, "").body()).contains(id);
        String letters = s.replaceAll("[0-9]", "Q");
        Answer padded = call(user, "POST", "/api/weapons", PISTOL.formatted("PD" + letters + "-00042", "[]", "2015-03-01", ""));
        assertThat(padded.status()).isEqualTo(201);
        String paddedId = padded.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(call(user, "GET", "/api/weapons?serial=pd" + letters + "-00", "").body()).as("typed so far").contains(paddedId);
        Answer unpadded = call(user, "POST", "/api/weapons", PISTOL.formatted("PD" + letters + "-42", "[]", "2015-03-01", ""));
        assertThat(unpadded.status()).as("the same serial without the zeros that pad it").isEqualTo(422);
        assertThat(unpadded.body()).contains("\"code\":\"weapon.serial.duplicate\"", "PD" + letters + "-00042", paddedId);
    }

    @Test
    void shouldRefuseImplausibleDates() {
        String user = registrar();
        String s = UUID.randomUUID().toString().substring(0, 6);
        for (String date : new String[] {"0020-03-01", "1500-03-01"}) {
            Answer early = call(user, "POST", "/api/weapons", PISTOL.formatted("D-" + date + "-" + s, "[]", date, ""));
            assertThat(early.status()).as(date).isEqualTo(422);
            assertThat(early.body()).contains("\"field\":\"origin.occurredOn\"", "\"code\":\"event.date.tooEarly\"");
        }
        Answer born = call(user, "POST", "/api/holders", "{\"kind\":\"PERSON\",\"name\":\"Born " + s + "\",\"birthDate\":\"2030-01-01\"}");
        assertThat(born.status()).isEqualTo(422);
        assertThat(born.body()).contains("\"field\":\"birthDate\"", "\"code\":\"holder.birthDate.future\"");
    }
}
