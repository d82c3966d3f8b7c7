package org.opensalw.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The web pages as a browser asks for them, without a browser: a signed-in session, pages, forms with their CSRF token. */
public final class Pages {

    private static final String PASSWORD = "pages-test-password";
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    /** What the server answered. */
    public record Answer(int status, String body, String contentType) {
    }

    private final int port;
    private final UserAccounts accounts;

    public Pages(int port, UserAccounts accounts) {
        this.port = port;
        this.accounts = accounts;
    }

    /** A signed-in session (its cookie) of a new user with this role, who reads in this language. */
    public String session(Role role, String language) {
        String name = "pages-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUnchecked(new NewUser(name, "Pages " + role, Set.of(role), language, PASSWORD));
        return signIn(port, name, PASSWORD);
    }

    /**
     * Signs in through the login form as a browser does (its cookie and CSRF token first) and returns the session cookie
     * ({@code SESSION=...}); fails unless the form answers with the redirect of a successful sign-in.
     */
    public static String signIn(int port, String username, String password) {
        RestClient client = RestClient.create("http://localhost:" + port);
        var response = client.get().uri("/login").retrieve().toEntity(String.class);
        String cookie = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String csrf = response.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return client.post().uri("/login").header(HttpHeaders.COOKIE, cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrf)
                .exchange((req, res) -> {
                    if (res.getStatusCode().value() != 302 || String.valueOf(res.getHeaders().getLocation()).contains("error")) {
                        throw new IllegalStateException("sign-in of " + username + " refused: " + res.getStatusCode() + " " + res.getHeaders().getLocation());
                    }
                    return res.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(v -> v.startsWith("SESSION="))
                            .findFirst().orElseThrow().split(";")[0];
                });
    }

    public Answer get(String session, String path) {
        return client().get().uri(path).header(HttpHeaders.COOKIE, session).header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8),
                        String.valueOf(res.getHeaders().getContentType())));
    }

    /** Posts the form as a browser does, with the session's CSRF token (read from the dashboard). */
    public Answer post(String session, String path, Map<String, String> form) {
        String csrf = get(session, "/").body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrf));
        form.forEach((k, v) -> body.append('&').append(encode(k)).append('=').append(encode(v)));
        return client().post().uri(path).header(HttpHeaders.COOKIE, session).header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body.toString())
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8),
                        String.valueOf(res.getHeaders().getContentType())));
    }

    /**
     * The fields of the page (inputs, selects, text areas; not hidden ones or buttons) that no label names: neither inside
     * a label, nor named by a label's {@code for}, nor given an {@code aria-label}.
     */
    public static List<String> unlabelledFields(String html) {
        String outsideLabels = html.replaceAll("(?s)<label\\b[^>]*>.*?</label>", "");
        List<String> unlabelled = new ArrayList<>();
        Matcher field = FIELD.matcher(outsideLabels);
        while (field.find()) {
            String tag = field.group();
            if (tag.matches("(?s).*\\stype=\"(hidden|submit|button)\".*") || tag.contains("aria-label=\"")) {
                continue;
            }
            Matcher id = ID.matcher(tag);
            if (!id.find() || !html.contains("for=\"" + id.group(1) + "\"")) {
                unlabelled.add(tag);
            }
        }
        return unlabelled;
    }

    /** The text of the element with this id (no markup inside it). */
    public static String text(String html, String id) {
        return html.replaceAll("(?s).*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<.*", "$1").trim();
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
