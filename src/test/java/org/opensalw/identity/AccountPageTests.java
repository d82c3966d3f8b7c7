package org.opensalw.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The signed-in user's account page: what a form sends that it should not is said on the page. */
@TestDatabase
class AccountPageTests {

    private static final String PASSWORD = "account-test-password";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    record Answer(int status, String body) {
    }

    @Test
    void shouldShowTheFormErrorWhenTheDaysOfATokenAreNoNumber() {
        String user = "account-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.createUnchecked(new NewUser(user, "Account holder", Set.of(Role.INVESTIGATOR), "en", PASSWORD));
        String session = login(user);
        String page = RestClient.create("http://localhost:" + port).get().uri("/account").header(HttpHeaders.COOKIE, session)
                .retrieve().body(String.class);
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        Answer tampered = RestClient.create("http://localhost:" + port).post().uri("/account/tokens").header(HttpHeaders.COOKIE, session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("name=script&days=abc&_csrf=" + csrf)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));

        assertThat(tampered.status()).isEqualTo(200);
        assertThat(tampered.body()).contains("role=\"alert\"", "A token is valid for 1 to 365 days.").doesNotContain("osalw_");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = :u")
                .param("u", user).query(Long.class).single()).isZero();
    }

    private String login(String user) {
        return org.opensalw.support.Pages.signIn(port, user, PASSWORD);
    }
}
