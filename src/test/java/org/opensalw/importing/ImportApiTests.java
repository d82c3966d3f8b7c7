package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The JSON API: multipart upload, progress, error report, confirmation; clear errors; read-only users refused. */
@TestDatabase
class ImportApiTests {

    private static final String PASSWORD = "api-import-password";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    record Answer(int status, String body) {
    }

    private Answer call(String user, String method, String path, Object body, MediaType type) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBasicAuth(user, PASSWORD));
        if (body != null) {
            spec.contentType(type).body(body);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Answer upload(String user, String csv, String dateFormat) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "api.csv";
            }
        });
        if (dateFormat != null) {
            form.add("dateFormat", dateFormat);
        }
        form.add("mapping", "serial=Serial No");
        return call(user, "POST", "/api/imports", form, MediaType.MULTIPART_FORM_DATA);
    }

    @Test
    void shouldRefuseAHeaderThatIsNotInTheStatedEncodingNamingTheEncoding() {
        String registrar = "api-enc-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.createUnchecked(new NewUser(registrar, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
        byte[] latin1 = "weapon_type,serial,location\u00e9\nRIFLE,X1,D\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.function.Function<String, Answer> prepare = encoding -> {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("file", new ByteArrayResource(latin1) {
                @Override
                public String getFilename() {
                    return "latin1.csv";
                }
            });
            return call(registrar, "POST", "/api/imports/prepare?encoding=" + encoding, form, MediaType.MULTIPART_FORM_DATA);
        };
        Answer asUtf8 = prepare.apply("UTF-8");
        assertThat(asUtf8.status()).as("a 422 naming the encoding, not a 500").isEqualTo(422);
        assertThat(asUtf8.body()).contains("\"field\":\"encoding\"", "UTF-8", "line 1", "ISO-8859-1");
        Answer asLatin1 = prepare.apply("ISO-8859-1");
        assertThat(asLatin1.status()).isEqualTo(200);
        assertThat(asLatin1.body()).contains("location\u00e9");
    }

    @Test
    void shouldImportThroughTheApiWithProgressErrorReportAndConfirmation() {
        String s = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String registrar = "api-imp-" + s;
        String reader = "api-read-" + s;
        accounts.createUnchecked(new NewUser(registrar, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
        accounts.createUnchecked(new NewUser(reader, "Reader", Set.of(Role.READ_ONLY), "en", PASSWORD));
        String csv = "weapon_type,maker,Serial No,origin_event,origin_date,origin_country\n"
                + "RIFLE,Beretta,A" + s + "1,IMPORTED,2001-02-03,IT\n"
                + "RIFLE,Beretta,A" + s + "2,IMPORTED,03/02/2001,IT\n";

        Answer noFormat = upload(registrar, csv, null);
        assertThat(noFormat.status()).isEqualTo(422);
        assertThat(noFormat.body()).contains("\"field\":\"dateFormat\"", "dates are never guessed");
        assertThat(upload(reader, csv, "yyyy-MM-dd").status()).isEqualTo(403);

        Answer started = upload(registrar, csv, "yyyy-MM-dd");
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> call(registrar, "GET", "/api/imports/" + id, null, null).body().contains("\"status\":\"LOADED\""));
        Answer batch = call(registrar, "GET", "/api/imports/" + id, null, null);
        assertThat(batch.body()).contains("\"rowsRead\":2", "\"rowsAccepted\":1", "\"rowsRejected\":1", "\"startedBy\":\"" + registrar + "\"");
        Answer errors = call(registrar, "GET", "/api/imports/" + id + "/errors.csv", null, null);
        assertThat(errors.body()).startsWith("line,column,reason,value").contains("3,origin_date,").contains("yyyy-MM-dd");
        Answer unknown = call(registrar, "GET", "/api/imports/" + java.util.UUID.randomUUID() + "/errors.csv", null, null);
        assertThat(unknown.status()).as("a CSV export of no batch is a 404 in JSON, not a 500").isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"error.notFound\"");
        assertThat(call(reader, "GET", "/api/imports/" + id, null, null).status()).isEqualTo(403);

        Answer confirmed = call(registrar, "POST", "/api/imports/" + id + "/confirm", null, null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"status\":\"CONFIRMED\"", "\"weaponsRegistered\":1");
        Answer again = upload(registrar, csv, "yyyy-MM-dd");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already imported");
        Answer voidConfirmed = call(registrar, "POST", "/api/imports/" + id + "/void", "{\"reason\":\"late\"}", MediaType.APPLICATION_JSON);
        assertThat(voidConfirmed.status()).isEqualTo(422);
        assertThat(call(registrar, "GET", "/api/imports/template.csv", null, null).body()).startsWith("weapon_type,maker,");

        // a large batch is confirmed in the background: 202 at once, then followed like the reading
        Answer second = upload(registrar, csv.replace("A" + s, "B" + s), "yyyy-MM-dd");
        String secondId = second.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> call(registrar, "GET", "/api/imports/" + secondId, null, null).body()
                .contains("\"status\":\"LOADED\""));
        Answer confirming = call(registrar, "POST", "/api/imports/" + secondId + "/confirm?wait=false", null, null);
        assertThat(confirming.status()).isEqualTo(202);
        assertThat(confirming.body()).contains("\"status\":\"CONFIRMING\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> call(registrar, "GET", "/api/imports/" + secondId, null, null).body()
                .contains("\"status\":\"CONFIRMED\""));
        assertThat(call(registrar, "GET", "/api/imports/" + secondId, null, null).body()).contains("\"weaponsRegistered\":1",
                "\"confirmedBy\":\"" + registrar + "\"");
    }

    @Test
    void shouldDecideTheRowsFlaggedInTheFileAtOnce() {
        String s = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String registrar = "api-all-" + s;
        accounts.createUnchecked(new NewUser(registrar, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
        String csv = "weapon_type,maker,Serial No\nRIFLE,Beretta,D" + s + "\nRIFLE,Beretta,D-" + s + "\nRIFLE,Beretta,d " + s + "\n";
        String id = upload(registrar, csv, "yyyy-MM-dd").body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> call(registrar, "GET", "/api/imports/" + id, null, null).body().contains("\"status\":\"LOADED\""));
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flags", null, null).body()).contains("\"FILE\":2", "\"REGISTER\":0");
        // read a page at a time: one row, then the one after it, then nothing
        Answer first = call(registrar, "GET", "/api/imports/" + id + "/flagged?open=true&limit=1&afterLine=0", null, null);
        assertThat(first.body()).contains("\"line\":3").doesNotContain("\"line\":4");
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flagged?open=true&limit=1&afterLine=3", null, null).body()).contains("\"line\":4");
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flagged?open=true&limit=1&afterLine=4", null, null).body()).isEqualTo("[]");
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flagged?limit=5000", null, null).status()).isEqualTo(422);

        // the page: all of them as other weapons only with the tick, even if the browser let the form go without it
        String session = Pages.signIn(port, registrar, PASSWORD);
        Pages pages = new Pages(port, accounts);
        Pages.Answer page = pages.get(session, "/imports/" + id);
        assertThat(page.body()).contains("id=\"decide-all-FILE\"", "2 rows repeat an earlier row of this file");
        assertThat(Pages.unlabelledFields(page.body())).isEmpty();
        assertThat(pages.post(session, "/imports/" + id + "/flags/FILE/review", Map.of("decision", "DISTINCT")).status()).isEqualTo(302);
        assertThat(pages.get(session, "/imports/" + id).body()).contains("to register them all");
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flags", null, null).body()).as("nothing decided").contains("\"FILE\":2");
        Answer nowhere = call(registrar, "POST", "/api/imports/" + id + "/flags/ELSEWHERE/review", "{\"decision\":\"DUPLICATE\"}",
                MediaType.APPLICATION_JSON);
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body()).contains("\"field\":\"source\"", "ELSEWHERE", "FILE, REGISTER").doesNotContain("org.opensalw");
        Answer unknown = call(registrar, "POST", "/api/imports/" + id + "/flags/FILE/review", "{\"decision\":\"PERHAPS\"}", MediaType.APPLICATION_JSON);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"decision\"");
        Answer decided = call(registrar, "POST", "/api/imports/" + id + "/flags/FILE/review", "{\"decision\":\"DUPLICATE\"}", MediaType.APPLICATION_JSON);
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body()).isEqualTo("{\"decided\":2}");
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flags", null, null).body()).contains("\"FILE\":0");
        assertThat(call(registrar, "GET", "/api/imports/" + id + "/flagged", null, null).body()).contains("\"status\":\"DUPLICATE\"",
                "\"reviewedBy\":\"" + registrar + "\"");
    }
}
