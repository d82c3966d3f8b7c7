package org.opensalw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** Each role tried through the API on what it may and may not do; tokens; what answers without login. */
@TestDatabase
class AccessTests {

    private static final String PASSWORD = "role-test-password";
    private static final String WEAPON = """
            {"description":{"type":"SELF_LOADING_PISTOL","makerCode":"GLOCK","model":"17","serial":"%s"},
             "origin":{"kind":"IMPORTED","occurredOn":"2015-03-01","country":"AT"}}""";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private String suffix;
    private String personId;

    record Answer(int status, String body) {
    }

    @BeforeEach
    void users() {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        for (Role role : Role.values()) {
            accounts.createUnchecked(new NewUser(user(role), "Test " + role, Set.of(role), "en", PASSWORD));
        }
        Answer created = call(Role.REGISTRAR, "POST", "/api/holders",
                "{\"kind\":\"PERSON\",\"name\":\"Secret Person " + suffix + "\",\"idDocument\":\"DOC-" + suffix + "\",\"address\":\"Hidden street\"}");
        assertThat(created.status()).isEqualTo(201);
        personId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private String user(Role role) {
        return role.name().toLowerCase() + "-" + suffix;
    }

    private Answer call(Role role, String method, String path, String json) {
        return call(headers -> {
            if (role != null) {
                headers.setBasicAuth(user(role), PASSWORD);
            }
        }, method, path, json);
    }

    private Answer call(java.util.function.Consumer<HttpHeaders> auth, String method, String path, String json) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port).method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path).headers(auth);
        if (json != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
    }

    @Test
    void shouldAnswerHealthAndApiDocsWithoutLoginAndNothingElse() {
        assertThat(call((Role) null, "GET", "/actuator/health", null).status()).isEqualTo(200);
        Answer docs = call((Role) null, "GET", "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/weapons", "/api/ledger/verify", "\"title\":\"OpenSALW API\"", "\"scheme\":\"bearer\"");
        assertThat(call((Role) null, "GET", "/api/weapons", null).status()).isEqualTo(401);
    }

    @Test
    void shouldLetOnlyRegistrarsWrite() {
        assertThat(call(Role.REGISTRAR, "POST", "/api/weapons", WEAPON.formatted("R-" + suffix)).status()).isEqualTo(201);
        for (Role role : Set.of(Role.ADMIN, Role.INVESTIGATOR, Role.AUDITOR, Role.READ_ONLY)) {
            assertThat(call(role, "POST", "/api/weapons", WEAPON.formatted("X-" + suffix)).status()).as(role.name()).isEqualTo(403);
            assertThat(call(role, "GET", "/api/weapons", null).status()).as(role.name()).isEqualTo(200);
        }
        assertThat(call(Role.READ_ONLY, "POST", "/api/weapons", "{}").status()).as("refused before validation").isEqualTo(403);
    }

    @Test
    void shouldShowPersonalDataOnlyToRolesThatNeedItAndAuditEachRead() {
        for (Role role : Role.values()) {
            Answer holder = call(role, "GET", "/api/holders/" + personId, null);
            assertThat(holder.status()).isEqualTo(200);
            if (role.seesPersonalData()) {
                assertThat(holder.body()).as(role.name()).contains("Secret Person", "DOC-" + suffix, "Hidden street");
            } else {
                assertThat(holder.body()).as(role.name()).doesNotContain("Secret Person", "DOC-", "Hidden street");
            }
        }
        assertThat(jdbc.queryForList("SELECT username FROM audit_entry WHERE kind = 'PERSONAL_DATA_READ' AND subject_id = ?",
                String.class, personId)).containsExactlyInAnyOrder(user(Role.REGISTRAR), user(Role.INVESTIGATOR));
    }

    @Test
    void shouldKeepAPersonsDataHiddenAfterTheHolderBecomesACompany() {
        assertThat(call(Role.REGISTRAR, "PUT", "/api/holders/" + personId,
                "{\"kind\":\"COMPANY\",\"name\":\"Now A Company " + suffix + "\",\"registrationNumber\":\"RC-" + suffix + "\"}").status())
                .isEqualTo(204);
        Answer readOnly = call(Role.READ_ONLY, "GET", "/api/holders/" + personId, null);
        assertThat(readOnly.body()).contains("Now A Company").doesNotContain("Secret Person", "DOC-" + suffix, "Hidden street");
        assertThat(call(Role.REGISTRAR, "GET", "/api/holders/" + personId, null).body()).contains("DOC-" + suffix, "Hidden street");
    }

    @Test
    void shouldStopPasswordGuessingAfterFiveWrongPasswords() {
        String target = user(Role.READ_ONLY);
        for (int i = 0; i < 5; i++) {
            String guess = "guess-" + i;
            assertThat(call(h -> h.setBasicAuth(target, guess), "GET", "/api/weapons", null).status()).isEqualTo(401);
        }
        assertThat(call(Role.READ_ONLY, "GET", "/api/weapons", null).status()).as("even the right password, for a while").isEqualTo(401);
        assertThat(call(Role.AUDITOR, "GET", "/api/weapons", null).status()).as("other users are not held up").isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE kind = 'LOGIN_FAILED' AND username = ? ORDER BY id", String.class, target))
                .containsExactly("BadCredentialsException", "BadCredentialsException", "BadCredentialsException",
                        "BadCredentialsException", "BadCredentialsException", "LockedException");
        String huge = "x".repeat(5_000);
        assertThat(call(h -> h.setBasicAuth(huge, "y"), "GET", "/api/weapons", null).status()).isIn(400, 401);
        assertThat(jdbc.queryForObject("SELECT max(length(username)) FROM audit_entry WHERE kind = 'LOGIN_FAILED'", Integer.class))
                .as("a typed user name is recorded cut").isLessThanOrEqualTo(100);
    }

    @Test
    void shouldKeepAnAdministratorAndTheApplicationsOwnNames() {
        String adminId = accounts.findByUsername(user(Role.ADMIN)).orElseThrow().id().toString();
        Answer self = call(Role.ADMIN, "PUT", "/api/users/" + adminId, "{\"roles\":[\"ADMIN\",\"INVESTIGATOR\"],\"enabled\":true}");
        assertThat(self.status()).as("no administrator changes their own roles").isEqualTo(422);
        assertThat(self.body()).contains("\"field\":\"roles\"");
        assertThat(call(Role.ADMIN, "POST", "/api/users", "{\"username\":\"system\",\"displayName\":\"Not me\",\"roles\":[\"READ_ONLY\"]}")
                .body()).contains("\"field\":\"username\"");
        assertThat(call(Role.ADMIN, "POST", "/api/users", "{\"username\":\"long-" + suffix + "\",\"displayName\":\"Long\",\"roles\":[\"READ_ONLY\"],"
                + "\"password\":\"" + "é".repeat(40) + "\"}").status()).as("80 bytes: more than bcrypt reads").isEqualTo(422);
    }

    @Test
    void shouldAskAsLongAPasswordOfANewUserAsOfAChangedOneAndTakeNoNameTwiceInOtherCapitals() {
        String eight = "{\"username\":\"short-" + suffix + "\",\"displayName\":\"Short\",\"roles\":[\"READ_ONLY\"],\"password\":\"12345678\"}";
        Answer refused = call(Role.ADMIN, "POST", "/api/users", eight);
        assertThat(refused.status()).as("10 characters, as a self-service change asks").isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"password\"");
        assertThat(call(Role.ADMIN, "POST", "/api/users", eight.replace("12345678", "1234567890")).status()).isEqualTo(201);

        String existing = user(Role.AUDITOR);
        Answer twice = call(Role.ADMIN, "POST", "/api/users", "{\"username\":\"" + existing.toUpperCase() + "\",\"displayName\":\"Same\","
                + "\"roles\":[\"READ_ONLY\"]}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("\"field\":\"username\"", "\"code\":\"user.username.takenOtherCase\"", existing);
        assertThat(accounts.findByUsername(existing.toUpperCase())).isEmpty();
    }

    @Test
    void shouldKeepLedgerAuditAndUsersToTheirRoles() {
        assertThat(call(Role.AUDITOR, "GET", "/api/ledger/verify", null).body()).contains("\"intact\":true");
        assertThat(call(Role.ADMIN, "GET", "/api/ledger/verify", null).status()).isEqualTo(200);
        assertThat(call(Role.REGISTRAR, "GET", "/api/ledger/verify", null).status()).isEqualTo(403);
        assertThat(call(Role.AUDITOR, "GET", "/api/audit", null).status()).isEqualTo(200);
        Answer csv = call(Role.AUDITOR, "GET", "/api/audit/export.csv?username=" + user(Role.REGISTRAR), null);
        assertThat(csv.body()).startsWith("id,at,username").contains("holder.register");
        for (Role role : Set.of(Role.ADMIN, Role.REGISTRAR, Role.INVESTIGATOR, Role.READ_ONLY)) {
            assertThat(call(role, "GET", "/api/audit", null).status()).as(role.name()).isEqualTo(403);
            assertThat(call(role, "GET", "/api/audit/export.csv", null).status()).as("export by " + role.name()).isEqualTo(403);
        }
        assertThat(call(Role.READ_ONLY, "GET", "/api/reference/makers.csv", null).status()).isEqualTo(200);
        assertThat(call(Role.ADMIN, "GET", "/api/users", null).status()).isEqualTo(200);
        assertThat(call(Role.AUDITOR, "GET", "/api/users", null).status()).isEqualTo(403);
        assertThat(call(Role.ADMIN, "POST", "/api/users", "{\"username\":\"made-" + suffix + "\",\"displayName\":\"Made\",\"roles\":[\"READ_ONLY\"]}")
                .body()).contains("\"secret\"");
    }

    @Test
    void shouldAuthenticateApiClientsByTokenUntilRevoked() {
        Answer created = call(Role.INVESTIGATOR, "POST", "/api/tokens", "{\"name\":\"script\"}");
        String token = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        String tokenId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Answer me = call(h -> h.setBearerAuth(token), "GET", "/api/me", null);
        assertThat(me.body()).contains(user(Role.INVESTIGATOR), "INVESTIGATOR");
        assertThat(call(h -> h.setBearerAuth(token + "x"), "GET", "/api/me", null).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE token_hash = ?", Long.class, token)).isZero();
        Answer minted = call(h -> h.setBearerAuth(token), "POST", "/api/tokens", "{\"name\":\"another\"}");
        assertThat(minted.status()).as("a token makes no other token").isEqualTo(422);
        assertThat(minted.body()).doesNotContain("secret");
        call(h -> h.setBearerAuth(token), "POST", "/api/tokens/" + tokenId + "/revoke", null);
        assertThat(call(h -> h.setBearerAuth(token), "GET", "/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseATokenAfterItsEndAndAllTokensOfAUserWhoChangesTheirPassword() {
        Answer created = call(Role.INVESTIGATOR, "POST", "/api/tokens", "{\"name\":\"week\",\"days\":7}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        String tokenId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        java.time.Instant expires = java.time.Instant.parse(created.body().replaceAll(".*\"expiresAt\":\"([^\"]+)\".*", "$1"));
        assertThat(expires).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(7)).minusSeconds(60),
                java.time.Instant.now().plus(java.time.Duration.ofDays(7)).plusSeconds(60));
        assertThat(call(h -> h.setBearerAuth(token), "GET", "/api/me", null).status()).isEqualTo(200);
        // its end comes (moved in the database rather than waiting a week)
        jdbc.update("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", tokenId);
        assertThat(call(h -> h.setBearerAuth(token), "GET", "/api/me", null).status()).isEqualTo(401);
        assertThat(call(Role.INVESTIGATOR, "GET", "/api/tokens", null).body()).contains("\"expired\":true");

        Answer tooLong = call(Role.INVESTIGATOR, "POST", "/api/tokens", "{\"name\":\"forever\",\"days\":366}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("days");
        assertThat(call(Role.INVESTIGATOR, "POST", "/api/tokens", "{\"name\":\"none\",\"days\":0}").status()).isEqualTo(422);

        String kept = call(Role.INVESTIGATOR, "POST", "/api/tokens", "{\"name\":\"script\"}").body()
                .replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        assertThat(call(h -> h.setBearerAuth(kept), "GET", "/api/me", null).status()).isEqualTo(200);
        Answer changed = call(Role.INVESTIGATOR, "POST", "/api/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-password-1\"}");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(call(h -> h.setBearerAuth(kept), "GET", "/api/me", null).status()).as("tokens end with the old password").isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + " WHERE u.username = ? AND t.revoked_at IS NULL", Long.class, user(Role.INVESTIGATOR))).isZero();
    }

    @Test
    void shouldServePagesWithAPolicyThatRunsNoScriptButTheApplications() {
        var page = RestClient.create("http://localhost:" + port).get().uri("/login").retrieve().toEntity(String.class);
        String policy = page.getHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getBody()).as("no inline script the policy would block").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void shouldNameTheFieldOfAJsonValueThatDoesNotFitWithoutTheReadersInternals() {
        Answer unknownType = call(Role.REGISTRAR, "POST", "/api/weapons", WEAPON.formatted("J-" + suffix).replace("SELF_LOADING_PISTOL", "RAYGUN"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body()).contains("\"field\":\"description.type\"", "\"code\":\"request.field.choice\"", "RAYGUN", "ASSAULT_RIFLE")
                .doesNotContain("tools.jackson", "DeserializationFeature");
        Answer badDate = call(Role.REGISTRAR, "POST", "/api/weapons", WEAPON.formatted("J-" + suffix).replace("2015-03-01", "soon"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("\"field\":\"origin.occurredOn\"", "soon");
        String userId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE username = ?", String.class, user(Role.READ_ONLY));
        Answer noEnabled = call(Role.ADMIN, "PUT", "/api/users/" + userId, "{\"roles\":[\"READ_ONLY\"]}");
        assertThat(noEnabled.status()).isEqualTo(400);
        assertThat(noEnabled.body()).contains("\"field\":\"enabled\"", "\"code\":\"request.field.required\"").doesNotContain("FAIL_ON_NULL");
    }

    @Test
    void shouldRefuseAFormPostWithoutCsrfToken() {
        // a session-less POST to a page is sent to the login page; a logged-in session without the token is refused
        Answer anonymous = call((Role) null, "POST", "/weapons", null);
        assertThat(anonymous.status()).isIn(302, 403);
        String session = login(Role.REGISTRAR);
        Answer noToken = call(h -> h.add(HttpHeaders.COOKIE, session), "POST", "/holders", null);
        assertThat(noToken.status()).isEqualTo(403);
    }

    @Test
    void shouldShowFormPagesOnlyToRolesThatMaySubmitThem() {
        String auditor = login(Role.AUDITOR);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, auditor), "GET", "/weapons", null).status()).isEqualTo(200);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, auditor), "GET", "/weapons/new", null).status()).isEqualTo(403);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, auditor), "GET", "/audit", null).status()).isEqualTo(200);
        String registrar = login(Role.REGISTRAR);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, registrar), "GET", "/weapons/new", null).status()).isEqualTo(200);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, registrar), "GET", "/admin/reference", null).status()).isEqualTo(403);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, registrar), "GET", "/audit", null).status()).isEqualTo(403);
    }

    @Test
    void shouldEndTheOpenSessionsOfAUserWhoseRolesChangeOrWhoIsDisabled() {
        String registrar = login(Role.REGISTRAR);
        String auditor = login(Role.AUDITOR);
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, registrar), "GET", "/weapons/new", null).status()).isEqualTo(200);
        UUID registrarId = accounts.findByUsername(user(Role.REGISTRAR)).orElseThrow().id();
        UUID auditorId = accounts.findByUsername(user(Role.AUDITOR)).orElseThrow().id();

        org.opensalw.identity.SystemActor.run("admin-test", Role.ADMIN, () -> {
            accounts.update(registrarId, Set.of(Role.READ_ONLY), true);
            accounts.update(auditorId, Set.of(Role.AUDITOR), false);
            return null;
        });

        // the sessions opened before are gone: sent to log in again, not shown the registrar's form
        for (String session : List.of(registrar, auditor)) {
            Answer after = call(h -> h.add(HttpHeaders.COOKIE, session), "GET", "/weapons/new", null);
            assertThat(after.status()).isEqualTo(302);
            assertThat(after.body()).doesNotContain("register-weapon");
        }
        String readOnly = login(Role.REGISTRAR); // the same user, signed in again, has its new role
        assertThat(call(h -> h.add(HttpHeaders.COOKIE, readOnly), "GET", "/weapons/new", null).status()).isEqualTo(403);
    }

    private String login(Role role) {
        return org.opensalw.support.Pages.signIn(port, user(role), PASSWORD);
    }
}
