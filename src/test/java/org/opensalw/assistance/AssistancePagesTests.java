package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The module's pages as a screen reader meets them: every field has a label from the bundles, and a refused field
 * is marked invalid and points at its error, which names it by its label. Data is made through the services; the
 * pages are read over HTTP by a registrar signed in with a form, as a browser would.
 */
@TestDatabase
@WithMockUser(username = "pages-desk", roles = {"ADMIN"})
class AssistancePagesTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired FundingCalls calls;
    @Autowired Actors actors;
    @Autowired BaselineAssessments assessments;
    @Autowired VoluntaryTargets targets;
    @Autowired AssistanceManagement management;
    @Autowired Matching matching;

    private HttpClient browser;

    @BeforeEach
    void signIn() {
        String user = "pages-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.createUnchecked(new NewUser(user, "Pages", Set.of(Role.REGISTRAR), "en", "pages-password-1"));
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = get("/login");
        send(form("/login", Map.of("username", user, "password", "pages-password-1", "_csrf", csrf(login))), false);
        assertThat(get("/assistance/requests?lang=en")).as("signed in as a registrar").contains("new-request");
    }

    @Test
    void shouldLabelEachAnswerOfAnAssessmentWithItsQuestion() {
        AssessmentId id = assessments.start("TD", "Labelled answers");

        String page = get("/assistance/assessments/" + id);

        assertThat(page).contains("<label for=\"q_RECORD_1\">A central electronic register of weapons exists</label>", "id=\"q_RECORD_1\"");
    }

    @Test
    void shouldLabelTheReportKindAndWriteAProposalsTermsInTheUsersLanguage() {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2029, "UNSCAR labelled", new BigDecimal("300000"), Set.of(), Set.of(),
                BigDecimal.ONE));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO of a labelled call", "TD"));
        ProposalId p = calls.submit(call, new NewProposal(ngo.id(), "Labelled registers", "TD", Area.RECORD_KEEPING,
                new BigDecimal("150000"), 12, true, null, Set.of(), false, false));
        Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        calls.call(call).criteria().keySet().forEach(c -> scores.put(c, 7)); // a review scores every criterion
        calls.review(call, p, scores);
        calls.select(call);

        String english = get("/assistance/calls/" + call + "?lang=en");
        assertThat(english).contains("<label><span>Kind</span><select name=\"kind\">", "US$150,000 over 12 months")
                .doesNotContain("<span>12</span> m.");
        String french = get("/assistance/calls/" + call + "?lang=fr");
        assertThat(french).contains("<label><span>Type</span><select name=\"kind\">", "USD sur 12 mois")
                .doesNotContain("<span>12</span> m.");
        get("/assistance/calls/" + call + "?lang=en");
    }

    @Test
    void shouldTellACallsCriteriaOutcomesAndAmountsInTheReadersLanguage() {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2029, "UNSCAR read in French", new BigDecimal("1000000"), Set.of(Area.MARKING),
                Set.of(), BigDecimal.ONE));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO read in French", "TD"));
        ProposalId marking = calls.submit(call, new NewProposal(ngo.id(), "Marking read in French", "TD", Area.MARKING,
                new BigDecimal("150000"), 12, true, null, Set.of(), false, false));
        calls.submit(call, new NewProposal(ngo.id(), "Too much for UNSCAR", "TD", Area.RECORD_KEEPING, new BigDecimal("250000"), 12, true,
                null, Set.of(), false, false));
        Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        calls.call(call).criteria().keySet().forEach(c -> scores.put(c, 7));
        calls.review(call, marking, scores); // 70, and 77 with the thematic priority
        NumberFormat french = NumberFormat.getNumberInstance(Locale.FRENCH);

        String before = get("/assistance/calls/" + call + "?lang=fr");
        assertThat(before).contains("<li>Pertinence: 30</li>", "<li>Faisabilité: 25</li>", "<span>Rapport coût-efficacité</span>",
                "<dd>" + french.format(1_000_000) + "</dd>", french.format(200_000) + " USD").doesNotContain("RELEVANCE:", "1,000,000");
        assertThat(before).as("the sources are public documents").contains("https://disarmament.unoda.org/unscar/").doesNotContain("DOMAIN.md");

        String partly = post("/assistance/calls/" + call + "/proposals/" + marking + "/reviews?lang=fr",
                Map.of("score_RELEVANCE", "5", "_csrf", csrf(before)));
        assertThat(partly).as("each criterion left without a score, named by its label")
                .contains("<strong>Faisabilité: </strong>", "<strong>Rapport coût-efficacité: </strong>").doesNotContain("<strong>FEASIBILITY: </strong>");

        String selected = post("/assistance/calls/" + call + "/selection?lang=fr", Map.of("_csrf", csrf(before)));
        assertThat(selected).contains("<strong>Retenue</strong> <span class=\"muted\">valeur 77 (+10 % : Marquage",
                "Retenue — valeur 77 (+10 % : Marquage", "Non admissible — Montant d", "<td class=\"num\">" + french.format(150_000) + "</td>")
                .doesNotContain("SELECTED", "INELIGIBLE", "MAX_AMOUNT", "+10% MARKING");
    }

    @Test
    void shouldWriteAmountsAndStatusesOfTheDashboardAndActorsInTheReadersLanguage() {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor read in Spanish", "ES"));
        OfferId offer = management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Registers read in Spanish", Set.of(Area.TRACING),
                Set.of(), new BigDecimal("2000000"), null, null, Set.of()));
        RequestId request = management.fileRequest(new NewRequest("TD", Area.TRACING, "Tracing read in Spanish", "Police read in Spanish",
                new BigDecimal("1000059"), null, null, Set.of()));
        matching.confirm(new Confirmation(request, offer, "Project read in Spanish", new BigDecimal("1000059")));

        String dashboard = get("/assistance?lang=es");
        assertThat(dashboard).contains("<td class=\"num\">" + NumberFormat.getNumberInstance(Locale.forLanguageTag("es")).format(1_000_059) + "</td>")
                .doesNotContain("1,000,059");
        String actorsPage = get("/assistance/actors?lang=fr");
        assertThat(actorsPage).contains("<td>Actif</td>").doesNotContain("<td>ACTIVE</td>");
    }

    @Test
    void shouldLabelTheProgressFieldsOfEachTarget() {
        targets.set("NATIONAL", "TD", "Labelled roadmap", "1", "Weapons marked", 2020, BigDecimal.ZERO, new BigDecimal("100"),
                LocalDate.of(2030, 12, 31));

        String page = get("/assistance/targets?roadmap=Labelled%20roadmap");

        assertThat(page).contains("aria-label=\"Period (e.g. 2025-H1)\"", "aria-label=\"Value\"", "aria-label=\"Note\"");
    }

    @Test
    void shouldNameARefusedFieldByItsLabelAndPointTheFieldAtItsError() {
        String form = get("/assistance/requests");
        String page = post("/assistance/requests", Map.of("country", "TD", "area", "TRACING", "description", "Tracing desk",
                "beneficiary", "Police judiciaire", "estimatedCost", "abc", "_csrf", csrf(form)));

        assertThat(page).contains("<div id=\"error-estimatedCost\">", "<strong>Estimated cost (US$): </strong>",
                "aria-invalid=\"true\"", "aria-describedby=\"error-estimatedCost\"").doesNotContain("<strong>estimatedCost: </strong>");
        assertThat(page.split("aria-invalid=\"true\"", -1)).as("only the refused field is marked").hasSize(2);
    }

    @Test
    void shouldNameTheAreaOfARefusedCostInANationalReport() {
        String form = get("/assistance/reports");
        String page = post("/assistance/reports", Map.of("country", "TD", "instrument", "POA", "year", "2096",
                "need_MARKING", "Marking machines", "needCost_MARKING", "10000000000000", "_csrf", csrf(form)));

        assertThat(page).contains("<div id=\"error-needCost_MARKING\">", "<strong>Cost (US$) — Marking: </strong>",
                "aria-describedby=\"error-needCost_MARKING\"", "aria-label=\"Cost (US$) — Marking\"");
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), true);
    }

    private String post(String path, Map<String, String> fields) {
        return send(form(path, fields), true);
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The page's HTML; a page is expected to answer 200, the refused forms included (they are shown again). */
    private String send(HttpRequest request, boolean expectPage) {
        try {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (expectPage) {
                assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
