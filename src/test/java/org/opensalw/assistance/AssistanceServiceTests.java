package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The module's services on the real embedded PostgreSQL; each test builds its own small data. */
@TestDatabase
@WithMockUser(username = "donor-desk", roles = {"ADMIN"})
class AssistanceServiceTests {

    @Autowired Actors actors;
    @Autowired AssistanceManagement management;
    @Autowired Matching matching;
    @Autowired Coordination coordination;
    @Autowired NationalReports reports;
    @Autowired BaselineAssessments assessments;
    @Autowired FundingCalls calls;
    @Autowired VoluntaryTargets targets;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldShipTheTwentyFourUnEntities() {
        assertThat(actors.list(ActorKind.UN_ENTITY)).hasSize(24).extracting(Actor::code).contains("UNODA", "UNIDIR", "WHO", "UN-WOMEN");
    }

    @Test
    void shouldRankMatchConfirmAndCountAProject() {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor of Ranking", "DE"));
        RequestId req = management.fileRequest(AssistanceFixtures.request("CM", Area.RECORD_KEEPING, "Gendarmerie ranking"));
        OfferId near = management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Registers in Central Africa",
                Set.of(Area.RECORD_KEEPING), Set.of("Sub-Saharan Africa"), new BigDecimal("200000"), LocalDate.of(2026, 6, 1),
                LocalDate.of(2028, 1, 1), Set.of("fr", "en")));
        OfferId far = management.makeOffer(new NewOffer(donor.id(), OfferKind.EXPERTISE, "Anything anywhere", Set.of(), Set.of(),
                null, null, null, Set.of()));
        OfferId elsewhere = management.makeOffer(new NewOffer(donor.id(), OfferKind.TRAINING, "Marking in Europe",
                Set.of(Area.MARKING), Set.of("Europe"), null, null, null, Set.of()));

        List<RankedOffer> ranked = matching.rankOffers(req, 10_000);
        List<OfferId> order = ranked.stream().map(r -> r.offer().id()).toList();
        assertThat(order).containsSubsequence(near, far).doesNotContain(elsewhere);
        assertThat(ranked.get(0).reasons()).hasSize(6);
        assertThat(matching.rankRequests(near, 10_000)).extracting(r -> r.request().id()).contains(req);

        ProjectId project = matching.confirm(new Confirmation(req, near, null, new BigDecimal("120000")));
        assertThat(management.request(req).status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(management.offer(near).available()).isEqualByComparingTo("80000");
        assertThatThrownBy(() -> matching.confirm(new Confirmation(req, near, null, new BigDecimal("1000"))))
                .isInstanceOf(UserFacingException.class);
        assertThat(coordination.dashboard().recentProjects()).extracting(Project::id).contains(project);

        matching.addMilestone(project, "Register installed", LocalDate.of(2027, 6, 30));
        matching.report(project, ReportKind.FINAL, "Done", new BigDecimal("118000"));
        ProjectDetails details = matching.project(project);
        assertThat(details.milestones()).hasSize(1);
        assertThat(details.project().status()).isEqualTo(ProjectStatus.COMPLETED);
        // reports were refused after the final one, milestones were not
        assertThatThrownBy(() -> matching.addMilestone(project, "After the end", LocalDate.of(2028, 1, 31)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("status", "assistance.milestone.projectDone")));
        assertThat(matching.project(project).milestones()).hasSize(1);
    }

    @Test
    void shouldFlagTwoProjectsForTheSameBeneficiaryAndAreaAsDuplication() {
        Actor a = actors.create(new NewActor(ActorKind.DONOR, "Donor A dup", "NL"));
        Actor b = actors.create(new NewActor(ActorKind.REGIONAL_ORG, "Org B dup", null));
        RequestId r1 = management.fileRequest(AssistanceFixtures.request("JM", Area.MARKING, "Jamaica Constabulary Force"));
        RequestId r2 = management.fileRequest(AssistanceFixtures.request("JM", Area.MARKING, "Jamaica constabulary force"));
        OfferId o1 = management.makeOffer(new NewOffer(a.id(), OfferKind.EQUIPMENT, "Marking machines", Set.of(Area.MARKING), Set.of(), null, null, null, Set.of()));
        OfferId o2 = management.makeOffer(new NewOffer(b.id(), OfferKind.TRAINING, "Marking training", Set.of(Area.MARKING), Set.of("Americas"), null, null, null, Set.of()));
        matching.confirm(new Confirmation(r1, o1, null, new BigDecimal("50000")));
        matching.confirm(new Confirmation(r2, o2, null, new BigDecimal("40000")));
        assertThat(coordination.duplications()).anySatisfy(d -> {
            assertThat(d.country()).isEqualTo("JM");
            assertThat(d.projects()).hasSize(2);
        });
        assertThat(coordination.balance()).anySatisfy(bal -> assertThat(bal.region()).isEqualTo("Americas"));
    }

    @Test
    void shouldTurnTheNeedsOfASubmittedNationalReportIntoRequests() {
        NationalReportId id = reports.draft("SS", Instrument.COMBINED, 2026, List.of(
                new NationalReport.Section(Area.STOCKPILE_MANAGEMENT, "Armouries assessed", "Rebuild two armouries", new BigDecimal("300000")),
                new NationalReport.Section(Area.MARKING, "All state weapons marked", "", null)));
        List<RequestId> created = reports.submit(id);
        assertThat(created).hasSize(1);
        assertThat(management.request(created.get(0)).origin()).isEqualTo(RequestOrigin.NATIONAL_REPORT);
        assertThatThrownBy(() -> reports.submit(id)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void shouldDraftRequestsForTheGapsOfABaselineAssessment() {
        AssessmentId id = assessments.start("SS", "Baseline 2026");
        assessments.answer(id, AssistanceFixtures.allAnswered(assessments, Map.of("RECORD_1", 0, "RECORD_2", 1, "MARK_1", 3, "MARK_2", 2)));
        List<RequestId> drafts = assessments.score(id);
        assertThat(drafts).hasSize(1);
        AssistanceRequest draft = management.request(drafts.get(0));
        assertThat(draft.area()).isEqualTo(Area.RECORD_KEEPING);
        assertThat(draft.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(management.changeRequestStatus(draft.id(), RequestStatus.OPEN).status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void shouldWriteTheTextsItDraftsInTheLanguageOfThePersonActing() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        try {
            NationalReportId report = reports.draft("SS", Instrument.POA, 2095, List.of(
                    new NationalReport.Section(Area.MARKING, "", "Machines de marquage", new BigDecimal("40000"))));
            assertThat(management.request(reports.submit(report).get(0)).beneficiary())
                    .isEqualTo("Autorités nationales — Programme d'action, 2095");

            AssessmentId assessment = assessments.start("SS", " ");
            assertThat(assessments.assessment(assessment).title()).isEqualTo("Évaluation de base SS");
            assessments.answer(assessment, AssistanceFixtures.allAnswered(assessments, Map.of("RECORD_1", 0, "RECORD_2", 0)));
            AssistanceRequest gap = management.request(assessments.score(assessment).get(0));
            assertThat(gap.description()).isEqualTo("Lacune de l'évaluation de base : Tenue des registres obtient 0 % (Évaluation de base SS)");
            assertThat(gap.beneficiary()).isEqualTo("Autorités nationales");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void shouldRefuseARequestStatusChangeThatNamesNoStatus() {
        RequestId id = management.fileRequest(AssistanceFixtures.request("CM", Area.TRACING, "Police judiciaire"));
        assertThatThrownBy(() -> management.changeRequestStatus(id, null)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("status", "form.required")));
        assertThat(management.request(id).status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void shouldRefuseOffersAndProposalsOfAWithdrawnActorWhateverItsKind() {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor that left", "SE"));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO that left", "SE"));
        actors.withdraw(donor.id());
        actors.withdraw(ngo.id());
        assertThatThrownBy(() -> management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "After leaving", Set.of(), Set.of(),
                new BigDecimal("1000"), null, null, Set.of()))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field, Violation::code)
                                .containsExactly(tuple("providerId", "assistance.actor.withdrawn")));
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2027, "UNSCAR after leaving", new BigDecimal("300000"), Set.of(),
                Set.of(), new BigDecimal("1")));
        assertThatThrownBy(() -> calls.submit(call, new NewProposal(ngo.id(), "After leaving", "KE", Area.GENDER, new BigDecimal("50000"), 12,
                true, null, Set.of(), false, false))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field, Violation::code)
                                .containsExactly(tuple("applicantId", "assistance.actor.withdrawn")));
        assertThat(calls.proposals(call)).isEmpty();
    }

    @Test
    void shouldWithdrawAnActorOnceAndAddNoExpertToItAfterwards() {
        Actor institute = actors.create(new NewActor(ActorKind.RESEARCH_INSTITUTE, "Institute that left", "CH"));
        actors.withdraw(institute.id());
        assertThatThrownBy(() -> actors.withdraw(institute.id())).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("status", "assistance.actor.alreadyWithdrawn", "Institute that left")));
        assertThatThrownBy(() -> actors.addExpert(new NewExpert("Expert of a gone institute", institute.id(), Set.of(Area.MARKING), Set.of("en"),
                null, null))).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("actorId", "assistance.actor.withdrawn", "Institute that left")));
        assertThat(actors.experts(null, null)).extracting(Expert::name).doesNotContain("Expert of a gone institute");
    }

    @Test
    void shouldCheckReviewAndSelectProposalsWithinTheBudget() {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2027, "UNSCAR 2027", new BigDecimal("300000"), Set.of(Area.GENDER),
                Set.of("Africa"), new BigDecimal("0.7")));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "Small Arms NGO", "KE"));
        Actor state = actors.create(new NewActor(ActorKind.STATE, "Republic of Kenya", "KE"));
        ProposalId a = calls.submit(call, new NewProposal(ngo.id(), "Registers", "KE", Area.RECORD_KEEPING, new BigDecimal("150000"), 12, true, null, Set.of(), false, false));
        ProposalId b = calls.submit(call, new NewProposal(ngo.id(), "Women and guns", "PE", Area.GENDER, new BigDecimal("150000"), 18, true, null, Set.of(), false, false));
        ProposalId c = calls.submit(call, new NewProposal(ngo.id(), "Border", "PE", Area.BORDER_CONTROL, new BigDecimal("150000"), 18, true, null, Set.of(), false, false));
        ProposalId direct = calls.submit(call, new NewProposal(state.id(), "Direct", "KE", Area.MARKING, new BigDecimal("250000"), 30, false, null, Set.of(), false, false));
        assertThat(calls.proposal(call, direct).status()).isEqualTo(ProposalStatus.INELIGIBLE);
        assertThat(calls.proposal(call, direct).eligibility()).filteredOn(f -> !f.passed()).extracting(EligibilityFinding::rule)
                .containsExactlyInAnyOrder(EligibilityRule.APPLICANT_KIND, EligibilityRule.MAX_AMOUNT, EligibilityRule.DURATION_MONTHS,
                        EligibilityRule.GENDER_MAINSTREAMING);
        calls.review(call, a, Map.of("RELEVANCE", 5, "FEASIBILITY", 5, "GENDER", 5, "SUSTAINABILITY", 5, "COST_EFFECTIVENESS", 5));
        calls.review(call, b, Map.of("RELEVANCE", 7, "FEASIBILITY", 7, "GENDER", 7, "SUSTAINABILITY", 7, "COST_EFFECTIVENESS", 7));
        calls.review(call, c, Map.of("RELEVANCE", 9, "FEASIBILITY", 9, "GENDER", 9, "SUSTAINABILITY", 9, "COST_EFFECTIVENESS", 9));
        assertThatThrownBy(() -> calls.review(call, a, Map.of("RELEVANCE", 11))).isInstanceOf(UserFacingException.class);

        Selection s = calls.select(call);
        // no region may take more than 70% of the budget, so only one Peruvian proposal fits beside the Kenyan one
        assertThat(s.lines()).filteredOn(l -> l.outcome() == Selection.Outcome.SELECTED).extracting(Selection.Line::proposalId)
                .containsExactlyInAnyOrder(a, c);
        assertThat(calls.proposal(call, b).status()).isEqualTo(ProposalStatus.NOT_SELECTED);
        calls.report(call, a, ReportKind.INTERIM, "Half way", new BigDecimal("70000"));
        assertThat(calls.reports(a)).hasSize(1);
        assertThatThrownBy(() -> calls.report(call, a, ReportKind.INTERIM, "Money back", new BigDecimal("-1000.50")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("spent", "assistance.amount.negative")));
        assertThat(calls.reports(a)).hasSize(1);
    }

    @Test
    void shouldSelectOnceSoThatAFundedProposalThatReportsStaysFunded() {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2028, "UNSCAR selected once", new BigDecimal("150000"), Set.of(),
                Set.of(), BigDecimal.ONE));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO selected once", "KE"));
        ProposalId funded = calls.submit(call, AssistanceFixtures.proposal(ngo, "Registers funded once", "KE", "150000"));
        ProposalId other = calls.submit(call, AssistanceFixtures.proposal(ngo, "Marking left out", "KE", "150000"));
        calls.review(call, funded, AssistanceFixtures.everyCriterion(calls, call, 6));
        calls.review(call, other, AssistanceFixtures.everyCriterion(calls, call, 5));
        calls.select(call);
        calls.report(call, funded, ReportKind.INTERIM, "Half way", new BigDecimal("70000"));

        // a better review of the other proposal, then a second run, would have unfunded the one that already reports
        assertThatThrownBy(() -> calls.review(call, other, Map.of("RELEVANCE", 10))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("status", "assistance.call.reviewsClosed")));
        assertThatThrownBy(() -> calls.select(call)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("status", "assistance.call.selectionDone")));
        assertThatThrownBy(() -> calls.submit(call, AssistanceFixtures.proposal(ngo, "Too late", "KE", "150000"))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("status", "assistance.call.proposalsClosed")));

        assertThat(calls.proposal(call, funded).status()).isEqualTo(ProposalStatus.SELECTED);
        assertThat(calls.proposal(call, other).status()).isEqualTo(ProposalStatus.NOT_SELECTED);
        assertThat(calls.proposal(call, other).reviewedValue()).isEqualTo(50.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asst_selection WHERE call_id = :c").param("c", call.value()).query(Integer.class).single())
                .isEqualTo(1);
        calls.report(call, funded, ReportKind.FINAL, "Registers installed", new BigDecimal("145000"));
        assertThat(calls.reports(funded)).hasSize(2);
    }

    @Test
    void shouldTakeNoProposalReviewOrSelectionOnAClosedCall() {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2028, "UNSCAR closed", new BigDecimal("150000"), Set.of(), Set.of(),
                BigDecimal.ONE));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO of a closed call", "KE"));
        ProposalId p = calls.submit(call, AssistanceFixtures.proposal(ngo, "Submitted before closing", "KE", "150000"));
        // no step of the module closes a call yet; the status is there for one
        jdbc.sql("UPDATE asst_call SET status = 'CLOSED' WHERE id = :id").param("id", call.value()).update();

        Violation closed = Violation.of("status", "assistance.call.closed");
        assertThatThrownBy(() -> calls.review(call, p, Map.of("RELEVANCE", 8))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(closed));
        assertThatThrownBy(() -> calls.submit(call, AssistanceFixtures.proposal(ngo, "After closing", "KE", "150000"))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(closed));
        assertThatThrownBy(() -> calls.select(call)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(closed));
        assertThat(calls.proposal(call, p).reviewers()).isZero();
    }

    @Test
    void shouldRefuseAmountsTooLargeToStoreNamingTheField() {
        BigDecimal tenTrillion = new BigDecimal("10000000000000");
        assertThatThrownBy(() -> reports.draft("SS", Instrument.ITI, 2094, List.of(
                new NationalReport.Section(Area.MARKING, "", "Marking machines", tenTrillion)))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).containsExactly(Violation.of("needCost_MARKING", "assistance.amount.digits")));
        TargetId t = targets.set("NATIONAL", "SS", "Roadmap of large numbers", "1", "Weapons marked", 2020, BigDecimal.ZERO,
                new BigDecimal("1000"), LocalDate.of(2030, 12, 31));
        assertThatThrownBy(() -> targets.recordProgress(t, "2025-H1", tenTrillion, "")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("value", "assistance.amount.digits")));
        assertThatThrownBy(() -> management.fileRequest(new NewRequest("SS", Area.MARKING, "Marking machines", "Police", tenTrillion,
                null, null, Set.of()))).isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                                .singleElement().satisfies(path -> assertThat(path).endsWith(".estimatedCost")));
    }

    @Test
    void shouldKeepTargetsWithSemiAnnualProgress() {
        TargetId t = targets.set("REGIONAL", "Western Balkans", "Western Balkans SALW Roadmap", "5", "Firearms in illicit possession seized",
                2018, new BigDecimal("100"), new BigDecimal("500"), LocalDate.of(2024, 12, 31));
        targets.recordProgress(t, "2023-H1", new BigDecimal("300"), "");
        assertThatThrownBy(() -> targets.recordProgress(t, "2023-Q1", BigDecimal.ONE, "")).isInstanceOf(UserFacingException.class);
        assertThat(targets.target(t).achieved()).isEqualTo(0.5);
    }

    @Test
    @WithMockUser(username = "reader", roles = {"READ_ONLY"})
    void shouldLetReadersReadButNotWrite() {
        assertThat(management.requests(RequestFilter.all(), new PageRequest(0, 10))).isNotNull();
        assertThatThrownBy(() -> management.fileRequest(AssistanceFixtures.request("CM", Area.TRACING, "Police")))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
