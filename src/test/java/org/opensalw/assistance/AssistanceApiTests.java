package org.opensalw.assistance;

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

/** The assistance JSON API over HTTP: a request, a donor's offer, the ranking, the match, the dashboard; and who may write. */
@TestDatabase
class AssistanceApiTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    record Answer(int status, String body) {
    }

    private Answer call(String user, String password, HttpMethod method, String path, String json) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port).method(method).uri(path)
                .headers(h -> h.setBasicAuth(user, password));
        if (json != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
    }

    private Answer admin(HttpMethod method, String path, String json) {
        return call("admin", "admin-password-for-tests", method, path, json);
    }

    private static String id(Answer a) {
        return a.body().replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void shouldMatchARequestWithAnOfferThroughTheApi() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Answer donor = admin(HttpMethod.POST, "/api/assistance/actors", "{\"kind\":\"DONOR\",\"name\":\"Api Donor " + tag + "\",\"country\":\"NO\"}");
        assertThat(donor.status()).isEqualTo(201);
        Answer request = admin(HttpMethod.POST, "/api/assistance/requests", """
                {"country":"PE","area":"RECORD_KEEPING","description":"Electronic register %s","beneficiary":"Policia Nacional",
                 "estimatedCost":150000,"languages":["es"]}""".formatted(tag));
        assertThat(request.status()).isEqualTo(201);
        Answer offer = admin(HttpMethod.POST, "/api/assistance/offers", """
                {"providerId":"%s","kind":"FUNDING","description":"Registers %s","areas":["RECORD_KEEPING"],
                 "regions":["Latin America and the Caribbean"],"amount":400000,"languages":["es"]}""".formatted(id(donor), tag));
        assertThat(offer.status()).isEqualTo(201);

        Answer ranked = admin(HttpMethod.GET, "/api/assistance/requests/" + id(request) + "/offers", null);
        assertThat(ranked.status()).isEqualTo(200);
        assertThat(ranked.body()).contains(id(offer));

        Answer project = admin(HttpMethod.POST, "/api/assistance/matches", """
                {"requestId":"%s","offerId":"%s","title":"Register %s","budget":150000}""".formatted(id(request), id(offer), tag));
        assertThat(project.status()).isEqualTo(201);
        assertThat(project.body()).contains("Register " + tag);
        assertThat(admin(HttpMethod.GET, "/api/assistance/dashboard", null).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseARequestInALanguageThatIsNoIsoCode() {
        for (String language : new String[] {"xx", "english"}) {
            Answer request = admin(HttpMethod.POST, "/api/assistance/requests", """
                    {"country":"CM","area":"TRACING","description":"Tracing desk","beneficiary":"Police","estimatedCost":30000,
                     "languages":["fr","%s"]}""".formatted(language));
            assertThat(request.status()).as(language).isEqualTo(422);
            assertThat(request.body()).as(language).contains("\"field\":\"languages\"", "assistance.language.unknown");
        }
    }

    @Test
    void shouldExplainAStatusChangeWithoutAStatus() {
        Answer request = admin(HttpMethod.POST, "/api/assistance/requests", """
                {"country":"CM","area":"TRACING","description":"Tracing desk","beneficiary":"Police judiciaire","estimatedCost":30000}""");
        assertThat(request.status()).isEqualTo(201);
        Answer change = admin(HttpMethod.PUT, "/api/assistance/requests/" + id(request) + "/status", "{\"status\":null}");
        assertThat(change.status()).isEqualTo(422);
        assertThat(change.body()).contains("\"field\":\"status\"", "form.required");
    }

    @Test
    void shouldRefuseAnOfferOfAWithdrawnDonor() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Answer donor = admin(HttpMethod.POST, "/api/assistance/actors", "{\"kind\":\"DONOR\",\"name\":\"Gone Donor " + tag + "\",\"country\":\"NO\"}");
        assertThat(admin(HttpMethod.POST, "/api/assistance/actors/" + id(donor) + "/withdraw", null).status()).isEqualTo(204);
        Answer offer = admin(HttpMethod.POST, "/api/assistance/offers", """
                {"providerId":"%s","kind":"FUNDING","description":"After leaving %s","amount":1000}""".formatted(id(donor), tag));
        assertThat(offer.status()).isEqualTo(422);
        assertThat(offer.body()).contains("\"field\":\"providerId\"", "assistance.actor.withdrawn");
    }

    @Test
    void shouldRefuseAFundingOfferWithoutAnAmount() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Answer donor = admin(HttpMethod.POST, "/api/assistance/actors", "{\"kind\":\"DONOR\",\"name\":\"Vague Donor " + tag + "\",\"country\":\"NO\"}");
        Answer offer = admin(HttpMethod.POST, "/api/assistance/offers", """
                {"providerId":"%s","kind":"FUNDING","description":"Money %s","areas":["TRACING"]}""".formatted(id(donor), tag));
        assertThat(offer.status()).isEqualTo(422);
        assertThat(offer.body()).contains("\"field\":\"amount\"", "assistance.offer.fundingWithoutAmount");
    }

    @Test
    void shouldMatchNoOfferOfAWithdrawnDonor() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Answer donor = admin(HttpMethod.POST, "/api/assistance/actors", "{\"kind\":\"DONOR\",\"name\":\"Leaving Donor " + tag + "\",\"country\":\"NO\"}");
        Answer request = admin(HttpMethod.POST, "/api/assistance/requests", """
                {"country":"PE","area":"RECORD_KEEPING","description":"Register %s","beneficiary":"Policia Nacional","estimatedCost":150000}"""
                .formatted(tag));
        Answer offer = admin(HttpMethod.POST, "/api/assistance/offers", """
                {"providerId":"%s","kind":"FUNDING","description":"Registers %s","areas":["RECORD_KEEPING"],"amount":400000}"""
                .formatted(id(donor), tag));
        assertThat(admin(HttpMethod.POST, "/api/assistance/actors/" + id(donor) + "/withdraw", null).status()).isEqualTo(204);

        assertThat(admin(HttpMethod.GET, "/api/assistance/offers/" + id(offer), null).body()).contains("\"status\":\"WITHDRAWN\"");
        Answer project = admin(HttpMethod.POST, "/api/assistance/matches", """
                {"requestId":"%s","offerId":"%s","budget":150000}""".formatted(id(request), id(offer)));
        assertThat(project.status()).isEqualTo(422);
        assertThat(project.body()).contains("\"field\":\"offerId\"");
    }

    @Test
    void shouldExplainAProgressReportWithoutAKind() {
        String project = project(UUID.randomUUID().toString().substring(0, 6));
        for (String noKind : new String[] {"{\"summary\":\"Half way\",\"spent\":1000}", "{\"kind\":null,\"summary\":\"Half way\"}"}) {
            Answer report = admin(HttpMethod.POST, "/api/assistance/projects/" + project + "/reports", noKind);
            assertThat(report.status()).as(noKind).isEqualTo(422);
            assertThat(report.body()).as(noKind).contains("\"field\":\"kind\"", "form.required");
        }
        assertThat(admin(HttpMethod.GET, "/api/assistance/projects/" + project, null).body()).contains("\"reports\":[]");
    }

    @Test
    void shouldRefuseANegativeSpendInAProgressReport() {
        String project = project(UUID.randomUUID().toString().substring(0, 6));
        Answer report = admin(HttpMethod.POST, "/api/assistance/projects/" + project + "/reports",
                "{\"kind\":\"INTERIM\",\"summary\":\"x\",\"spent\":-5}");
        assertThat(report.status()).isEqualTo(422);
        assertThat(report.body()).contains("\"field\":\"spent\"", "assistance.amount.negative");
        assertThat(admin(HttpMethod.GET, "/api/assistance/projects/" + project, null).body()).contains("\"reports\":[]");
    }

    @Test
    void shouldRefuseAnAmountTooLargeToStoreNamingTheField() {
        Answer request = admin(HttpMethod.POST, "/api/assistance/requests", """
                {"country":"CM","area":"TRACING","description":"Ten trillion","beneficiary":"Police","estimatedCost":10000000000000}""");
        assertThat(request.status()).isEqualTo(422);
        assertThat(request.body()).contains("\"field\":\"estimatedCost\"").doesNotContain("assistance.amount.digits");
    }

    @Test
    void shouldRefuseANationalReportSectionWithoutAnAreaOrWithAnAreaTwice() {
        Answer twice = admin(HttpMethod.POST, "/api/assistance/national-reports", """
                {"country":"TD","instrument":"ITI","year":2092,"sections":[{"area":"MARKING","need":"Marking machines","needCost":40000},
                 {"area":"MARKING"}]}""");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("\"field\":\"sections[1].area\"", "assistance.nationalReport.areaTwice");
        Answer none = admin(HttpMethod.POST, "/api/assistance/national-reports", """
                {"country":"TD","instrument":"ITI","year":2092,"sections":[{"narrative":"A section of no area"}]}""");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("\"field\":\"sections[0].area\"", "form.required");
        // nothing was left of the refused drafts
        assertThat(admin(HttpMethod.POST, "/api/assistance/national-reports", """
                {"country":"TD","instrument":"ITI","year":2092,"sections":[{"area":"MARKING","need":"Marking machines","needCost":40000}]}""")
                .status()).isEqualTo(201);
    }

    @Test
    void shouldRefuseAReviewThatScoresOnlySomeCriteriaNamingTheOthers() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Answer call = admin(HttpMethod.POST, "/api/assistance/calls", """
                {"mechanism":"UNSCAR","year":2028,"title":"Reviewed in part %s","budget":300000,"maxRegionShare":1}""".formatted(tag));
        assertThat(call.status()).isEqualTo(201);
        Answer ngo = admin(HttpMethod.POST, "/api/assistance/actors", "{\"kind\":\"CIVIL_SOCIETY\",\"name\":\"Api NGO " + tag + "\",\"country\":\"KE\"}");
        Answer proposal = admin(HttpMethod.POST, "/api/assistance/calls/" + id(call) + "/proposals", """
                {"applicantId":"%s","title":"Registers %s","country":"KE","area":"RECORD_KEEPING","amount":150000,"durationMonths":12,
                 "genderMainstreamed":true,"hostConsent":true,"residentCoordinator":false}""".formatted(id(ngo), tag));
        assertThat(proposal.status()).isEqualTo(201);

        Answer review = admin(HttpMethod.POST, "/api/assistance/calls/" + id(call) + "/proposals/" + id(proposal) + "/reviews",
                "{\"COST_EFFECTIVENESS\":10}");

        assertThat(review.status()).isEqualTo(422);
        assertThat(review.body()).contains("\"field\":\"RELEVANCE\"", "\"field\":\"FEASIBILITY\"", "\"field\":\"GENDER\"",
                "\"field\":\"SUSTAINABILITY\"", "assistance.review.notScored").doesNotContain("\"field\":\"COST_EFFECTIVENESS\"");
        assertThat(admin(HttpMethod.GET, "/api/assistance/calls/" + id(call) + "/proposals", null).body()).contains("\"reviewedValue\":null");
    }

    @Test
    void shouldScoreNoAssessmentBeforeItsQuestionsAreAnswered() {
        Answer started = admin(HttpMethod.POST, "/api/assistance/assessments", "{\"country\":\"UG\",\"title\":\"Scored at once over the API\"}");
        assertThat(started.status()).isEqualTo(201);

        Answer scored = admin(HttpMethod.POST, "/api/assistance/assessments/" + id(started) + "/score", null);

        assertThat(scored.status()).isEqualTo(422);
        assertThat(scored.body()).contains("assistance.assessment.unanswered");
        Answer after = admin(HttpMethod.GET, "/api/assistance/assessments", null);
        assertThat(after.body()).contains("\"title\":\"Scored at once over the API\",\"status\":\"OPEN\"");
    }

    @Test
    void shouldRefuseANeedWithoutItsCostNamingTheArea() {
        Answer report = admin(HttpMethod.POST, "/api/assistance/national-reports", """
                {"country":"TD","instrument":"POA","year":2089,"sections":[{"area":"TRACING","need":"A tracing desk"}]}""");
        assertThat(report.status()).isEqualTo(422);
        assertThat(report.body()).contains("\"field\":\"needCost_TRACING\"", "assistance.nationalReport.needWithoutCost");
    }

    /** A project from a confirmed match of a new request and a new donor's offer; its id. */
    private String project(String tag) {
        Answer donor = admin(HttpMethod.POST, "/api/assistance/actors", "{\"kind\":\"DONOR\",\"name\":\"Reporting Donor " + tag + "\",\"country\":\"NO\"}");
        Answer request = admin(HttpMethod.POST, "/api/assistance/requests", """
                {"country":"PE","area":"RECORD_KEEPING","description":"Register %s","beneficiary":"Policia Nacional %s","estimatedCost":150000}"""
                .formatted(tag, tag));
        Answer offer = admin(HttpMethod.POST, "/api/assistance/offers", """
                {"providerId":"%s","kind":"FUNDING","description":"Registers %s","areas":["RECORD_KEEPING"],"amount":400000}"""
                .formatted(id(donor), tag));
        Answer project = admin(HttpMethod.POST, "/api/assistance/matches", """
                {"requestId":"%s","offerId":"%s","title":"Reported %s","budget":150000}""".formatted(id(request), id(offer), tag));
        assertThat(project.status()).isEqualTo(201);
        return project.body().replaceAll("(?s)^\\{\"project\":\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void shouldRefuseWritesToReadOnlyUsersAndExplainBadInput() {
        String user = "assist-reader-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.createUnchecked(new NewUser(user, "Reader", Set.of(Role.READ_ONLY), "en", "reader-password-1"));
        assertThat(call(user, "reader-password-1", HttpMethod.POST, "/api/assistance/requests", "{}").status()).isEqualTo(403);
        assertThat(call(user, "reader-password-1", HttpMethod.GET, "/api/assistance/requests", null).status()).isEqualTo(200);
        Answer invalid = admin(HttpMethod.POST, "/api/assistance/requests", "{\"country\":\"CM\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("area", "description");
    }
}
