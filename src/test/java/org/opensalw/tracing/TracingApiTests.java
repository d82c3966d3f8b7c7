package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The JSON API: a draft refused with every missing field, completed, sent; a field too long refused; the indicator for
 * every role.
 */
@TestDatabase
@ExtendWith(TracingFixtures.RequestedPeer.class) // a request is sent only to a peer
class TracingApiTests {

    private static final String PASSWORD = "api-test-password";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    record Answer(int status, String body) {
    }

    private Answer call(String user, String method, String path, String json) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBasicAuth(user, PASSWORD));
        if (json != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
    }

    @Test
    void shouldRefuseAFieldTooLongWith422NamingIt() {
        String investigator = unique("api-long-").toLowerCase();
        accounts.createUnchecked(new NewUser(investigator, "Investigator", Set.of(Role.INVESTIGATOR), "en", PASSWORD));

        Answer refused = call(investigator, "POST", "/api/tracing/requests", """
                {"recipient":"RU-NCB","type":"ASSAULT_RIFLE","serial":"API 2","circumstances":"%s"}""".formatted("x".repeat(4001)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"circumstances\"");
    }

    @Test
    void shouldDraftRefuseCompleteAndSendARequestForInvestigatorsOnly() {
        String investigator = unique("api-inv-").toLowerCase();
        String reader = unique("api-ro-").toLowerCase();
        accounts.createUnchecked(new NewUser(investigator, "Investigator", Set.of(Role.INVESTIGATOR), "en", PASSWORD));
        accounts.createUnchecked(new NewUser(reader, "Reader", Set.of(Role.READ_ONLY), "en", PASSWORD));

        Answer created = call(investigator, "POST", "/api/tracing/requests", """
                {"recipient":"RU-NCB","type":"ASSAULT_RIFLE","maker":"KALASHNIKOV","calibre":"7.62x39mm","serial":"API 1"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Answer refused = call(investigator, "POST", "/api/tracing/requests/" + id + "/send", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("recoveryKind", "illicitNature", "legalBasis", "intendedUse");

        assertThat(call(investigator, "PUT", "/api/tracing/requests/" + id, """
                {"recipient":"RU-NCB","recoveryKind":"FOUND","recoveredOn":"2025-01-02","recoveredPlace":"Forest road",
                 "illicitNature":"Abandoned, unregistered","legalBasis":"Arms Act s. 12","intendedUse":"Investigation",
                 "type":"ASSAULT_RIFLE","maker":"KALASHNIKOV","calibre":"7.62x39mm","serial":"API 1",
                 "markings":[{"kind":"IMPORT","text":"FR 01","country":"FR","year":2001}]}""").status()).isEqualTo(200);
        assertThat(call(investigator, "POST", "/api/tracing/requests/" + id + "/send", null).status()).isEqualTo(200);
        Answer request = call(investigator, "GET", "/api/tracing/requests/" + id, null);
        assertThat(request.body()).contains("\"state\":\"SENT\"", "\"kind\":\"SENT\"", "\"username\":\"" + investigator + "\"");
        assertThat(call(investigator, "GET", "/api/tracing/requests?direction=OUTGOING", null).body()).contains(id);

        assertThat(call(reader, "GET", "/api/tracing/requests", null).status()).isEqualTo(403);
        Answer sdg = call(reader, "GET", "/api/tracing/sdg-16-4-2?year=2025", null);
        assertThat(sdg.status()).isEqualTo(200);
        assertThat(sdg.body()).contains("\"dimension\":\"ALL\"");
        assertThat(call(reader, "GET", "/api/tracing/sdg-16-4-2.csv?from=2025-01-01&to=2025-12-31", null).body())
                .startsWith("indicator,from,to");
        assertThat(call(reader, "GET", "/v3/api-docs", null).body()).contains("/api/tracing/requests/{id}/answer");
    }

    @Test
    void shouldRefuseToSendImpossibleYearsUnknownCountriesOrToANodeThatIsNoPeerNamingEachField() {
        String investigator = unique("api-chk-").toLowerCase();
        accounts.createUnchecked(new NewUser(investigator, "Investigator", Set.of(Role.INVESTIGATOR), "en", PASSWORD));
        Answer created = call(investigator, "POST", "/api/tracing/requests", """
                {"recipient":"ZW-NFP","recoveryKind":"SEIZED","recoveredOn":"2025-01-02","recoveredPlace":"Border post",
                 "illicitNature":"Smuggled","legalBasis":"Arms Act s. 12","intendedUse":"Investigation",
                 "type":"ASSAULT_RIFLE","maker":"KALASHNIKOV","calibre":"7.62x39mm","serial":"API 3",
                 "countryOfManufacture":"ZZ","yearOfManufacture":3000,
                 "markings":[{"kind":"IMPORT","text":"QQ 40","country":"QQ","year":4000}]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        Answer refused = call(investigator, "POST", "/api/tracing/requests/" + id + "/send", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"recipient\"", "\"code\":\"tracing.recipient.notPeer\"",
                "\"field\":\"yearOfManufacture\"", "\"field\":\"countryOfManufacture\"", "\"field\":\"markings[0].year\"",
                "\"field\":\"markings[0].country\"");
        assertThat(call(investigator, "GET", "/api/tracing/requests/" + id, null).body()).contains("\"state\":\"DRAFT\"");
    }
}
