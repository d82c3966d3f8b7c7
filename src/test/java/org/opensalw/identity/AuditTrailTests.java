package org.opensalw.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** An auditor's filters on the audit trail: a period that ends before it starts is refused, and an export says what it took. */
@TestDatabase
class AuditTrailTests {

    private static final String PASSWORD = "audit-test-password";
    private static final String REVERSED = "from=2026-12-01&to=2026-01-01";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private String auditor;
    private String registrar;

    record Answer(int status, String body, HttpHeaders headers) {
    }

    @BeforeEach
    void users() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        auditor = "auditor-" + suffix;
        registrar = "registrar-" + suffix;
        accounts.createUnchecked(new NewUser(auditor, "Auditor", Set.of(Role.AUDITOR), "en", PASSWORD));
        accounts.createUnchecked(new NewUser(registrar, "Registrar", Set.of(Role.REGISTRAR), "en", PASSWORD));
    }

    private Answer get(Consumer<HttpHeaders> auth, String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path).headers(auth).exchange((req, res) ->
                new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes()), res.getHeaders()));
    }

    private Answer api(String user, String path) {
        return get(h -> h.setBasicAuth(user, PASSWORD), path);
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStartsNamingTheDates() {
        for (String path : new String[] {"/api/audit?", "/api/audit/export.csv?"}) {
            Answer refused = api(auditor, path + REVERSED);
            assertThat(refused.status()).as(path).isEqualTo(422);
            assertThat(refused.body()).as(path).contains("\"field\":\"to\"", "\"code\":\"audit.period.order\"", "2026-01-01", "2026-12-01");
        }
        assertThat(api(registrar, "/api/audit?" + REVERSED).status()).as("not an auditor: refused before the filter").isEqualTo(403);
        assertThat(api(auditor, "/api/audit?from=2026-01-01&to=2026-01-01").status()).as("one day").isEqualTo(200);

        String session = login(auditor);
        Answer page = get(h -> h.add(HttpHeaders.COOKIE, session), "/audit?" + REVERSED);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"errors\"", "The period ends (2026-01-01) before it starts (2026-12-01)");
        Answer export = get(h -> h.add(HttpHeaders.COOKIE, session), "/audit/export.csv?" + REVERSED);
        assertThat(export.status()).isEqualTo(422);
        assertThat(export.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION)).as("an error page, not a download").isNull();
    }

    @Test
    void shouldDescribeWhatAnExportTookInWords() {
        assertThat(api(auditor, "/api/audit/export.csv?username=" + registrar + "&kind=WRITE&from=2026-01-01").status()).isEqualTo(200);
        assertThat(api(auditor, "/api/audit/export.csv").status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'audit.export' AND username = :u ORDER BY id")
                .param("u", auditor).query(String.class).list())
                .containsExactly("user " + registrar + ", kind WRITE, from 2026-01-01", "all entries");
    }

    private String login(String user) {
        return org.opensalw.support.Pages.signIn(port, user, PASSWORD);
    }
}
