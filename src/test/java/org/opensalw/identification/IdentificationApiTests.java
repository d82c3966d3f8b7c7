package org.opensalw.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.support.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The JSON API: search with a half-read serial, then the outcome, each under the roles that may do it. */
@TestDatabase
class IdentificationApiTests {

    private static final String PASSWORD = "api-test-password";

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    @Autowired
    UserAccounts accounts;

    record Answer(int status, String body) {
    }

    private Answer call(String user, String method, String path, String json) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, PASSWORD);
                    }
                });
        if (json != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
    }

    @Test
    void shouldSearchForInvestigatorsAndRecordTheOutcomeOnlyForRegistrars() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        String registrar = "api-reg-" + s;
        String investigator = "api-inv-" + s;
        accounts.createUnchecked(new NewUser(registrar, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
        accounts.createUnchecked(new NewUser(investigator, "Investigator", Set.of(Role.INVESTIGATOR), "en", PASSWORD));
        Answer created = call(registrar, "POST", "/api/weapons", """
                {"description":{"type":"SELF_LOADING_PISTOL","makerCode":"GLOCK","model":"17","serial":"APX 60417"},
                 "origin":{"kind":"IMPORTED","occurredOn":"2015-03-01","country":"AT"}}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        String search = "/api/identification/search?serial=APX6O4?7&maker=glock";
        await().atMost(Duration.ofSeconds(30)).until(() -> call(investigator, "GET", search, null).body().contains(id));
        Answer found = call(investigator, "GET", search, null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("\"readSerial\":\"APX6O4?7\"", "\"makerCode\":\"GLOCK\"", "LOOK_ALIKE", "UNKNOWN");
        assertThat(call(null, "GET", search, null).status()).isEqualTo(401);

        String recovery = "{\"kind\":\"SURRENDERED\",\"occurredOn\":\"2026-01-10\",\"place\":\"Collection point 3\"}";
        assertThat(call(investigator, "POST", "/api/identification/matched/" + id, recovery).status()).isEqualTo(403);
        assertThat(call(registrar, "POST", "/api/identification/matched/" + id, recovery).status()).isEqualTo(201);
        assertThat(call(investigator, "GET", "/api/weapons/" + id, null).body()).contains("IN_STATE_CUSTODY");
    }

    @Test
    void shouldImportAWatchListAndAlertTheInvestigatorsThroughTheApi() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        String registrar = "wl-reg-" + s;
        String investigator = "wl-inv-" + s;
        String reader = "wl-ro-" + s;
        Events.awaitAllHandled(jdbcTemplate); // alerts go to every investigator: none queued by earlier tests may reach ours
        accounts.createUnchecked(new NewUser(registrar, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
        accounts.createUnchecked(new NewUser(investigator, "Investigator", Set.of(Role.INVESTIGATOR), "en", PASSWORD));
        accounts.createUnchecked(new NewUser(reader, "Reader", Set.of(Role.READ_ONLY), "en", PASSWORD));
        var csv = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        csv.add("source", "iARMS test " + s);
        csv.add("file", new org.springframework.core.io.ByteArrayResource("""
                reference,serial,maker,model,calibre,type,reported_by,report_kind,reported_on
                T-%s,WLAPI-%s,Glock,17,9x19mm,SELF_LOADING_PISTOL,AT,STOLEN,2025-06-01
                """.formatted(s, s).getBytes()) {
            @Override
            public String getFilename() {
                return "list.csv";
            }
        });
        var client = RestClient.create("http://localhost:" + port);
        int refused = client.post().uri("/api/identification/watch-list").headers(h -> h.setBasicAuth(reader, PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(csv).exchange((req, res) -> res.getStatusCode().value());
        assertThat(refused).isEqualTo(403);
        String imported = client.post().uri("/api/identification/watch-list").headers(h -> h.setBasicAuth(investigator, PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(csv).retrieve().body(String.class);
        assertThat(imported).contains("\"added\":1");
        assertThat(call(investigator, "GET", "/api/identification/watch-list", null).body()).contains("WLAPI-" + s);

        Answer recovered = call(registrar, "POST", "/api/identification/unregistered", """
                {"reading":{"serial":"WLAPI %s","maker":"Glock","model":"17","type":"SELF_LOADING_PISTOL"},
                 "recovery":{"kind":"FOUND","occurredOn":"2026-11-01","place":"Roadside"}}""".formatted(s));
        assertThat(recovered.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> call(investigator, "GET", "/api/identification/alerts/mine", null).body()
                .contains("\"count\":1"));
        Answer opened = call(investigator, "POST", "/api/identification/alerts/mine/open", null);
        String alertId = opened.body().replaceAll(".*\"alerts\":\\[\"([^\"]+)\".*", "$1");
        assertThat(call(investigator, "GET", "/api/identification/alerts", null).body()).contains(alertId, "IMPORTED", "WLAPI" + s.toUpperCase());
        assertThat(call(investigator, "GET", "/api/identification/alerts/mine", null).body()).contains("\"count\":0");
        assertThat(call(reader, "POST", "/api/identification/alerts/" + alertId + "/acknowledge", null).status()).isEqualTo(403);
        assertThat(call(investigator, "POST", "/api/identification/alerts/" + alertId + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(call(investigator, "GET", "/api/identification/alerts", null).body()).doesNotContain(alertId);
    }
}
