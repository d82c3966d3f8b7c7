package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.Messages;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What the planning steps take: complete reviews and calls of sensible years, assessments scored once answered, needs
 * with their cost, targets of known states with progress from their baseline to now, and years written as years.
 */
@TestDatabase
@WithMockUser(username = "planning-desk", roles = {"ADMIN"})
class AssistancePlanningTests {

    @Autowired Actors actors;
    @Autowired NationalReports reports;
    @Autowired BaselineAssessments assessments;
    @Autowired FundingCalls calls;
    @Autowired VoluntaryTargets targets;
    @Autowired MessageSource messages;

    @Test
    void shouldRefuseAReviewThatLeavesCriteriaOfTheCallWithoutAScore() {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2028, "UNSCAR partly reviewed", new BigDecimal("300000"), Set.of(), Set.of(),
                BigDecimal.ONE));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO partly reviewed", "KE"));
        ProposalId p = calls.submit(call, AssistanceFixtures.proposal(ngo, "Registers partly reviewed", "KE", "150000"));

        // one score of 10 on the lightest criterion was weighed as a whole review: a value of 100, selected first
        assertThatThrownBy(() -> calls.review(call, p, Map.of("COST_EFFECTIVENESS", 10))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                        tuple("RELEVANCE", "assistance.review.notScored"), tuple("FEASIBILITY", "assistance.review.notScored"),
                        tuple("GENDER", "assistance.review.notScored"), tuple("SUSTAINABILITY", "assistance.review.notScored")));
        assertThat(calls.proposal(call, p).reviewers()).isZero();
        assertThat(calls.proposal(call, p).reviewedValue()).isNull();

        calls.review(call, p, AssistanceFixtures.everyCriterion(calls, call, 6));
        calls.review(call, p, Map.of("RELEVANCE", 10)); // a reviewer revising their review gives only the scores that change
        assertThat(calls.proposal(call, p).reviewedValue()).isEqualTo(72.0);
    }

    @Test
    void shouldOpenCallsOnlyForYearsFromTheProgrammeOfActionToAFewYearsAhead() {
        int latest = LocalDate.now().getYear() + 5;
        for (int year : new int[] {-5, 0, 2000, latest + 1, 99999}) {
            assertThatThrownBy(() -> calls.open(new NewCall(Mechanism.UNSCAR, year, "UNSCAR of the year " + year, new BigDecimal("300000"),
                    Set.of(), Set.of(), BigDecimal.ONE))).as("year %d", year).isInstanceOfSatisfying(UserFacingException.class,
                            e -> assertThat(e.violations()).containsExactly(Violation.of("year", "assistance.call.yearRange", 2001, latest)));
        }
        assertThat(calls.calls()).extracting(FundingCall::title).noneMatch(t -> t.startsWith("UNSCAR of the year"));
        assertThat(calls.call(calls.open(new NewCall(Mechanism.SALIENT, 2001, "SALIENT of the first year", new BigDecimal("300000"), Set.of(),
                Set.of(), BigDecimal.ONE))).year()).isEqualTo(2001);
        assertThat(calls.call(calls.open(new NewCall(Mechanism.SALIENT, latest, "SALIENT of the latest year", new BigDecimal("300000"), Set.of(),
                Set.of(), BigDecimal.ONE))).year()).isEqualTo(latest);
    }

    @Test
    void shouldScoreNoAssessmentUntilEveryQuestionIsAnswered() {
        AssessmentId id = assessments.start("SS", "Scored at once");
        int questions = assessments.questions().size();
        String first = assessments.questions().get(0).code();

        // scored with no answer, it found no gap, drafted nothing and could no longer be answered
        assertThatThrownBy(() -> assessments.score(id)).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                .containsExactly(Violation.of(first, "assistance.assessment.unanswered", questions, questions)));
        Map<String, Integer> allButOne = AssistanceFixtures.allAnswered(assessments, Map.of());
        allButOne.remove("GENDER_2");
        assessments.answer(id, allButOne);
        assertThatThrownBy(() -> assessments.score(id)).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                .containsExactly(Violation.of("GENDER_2", "assistance.assessment.unanswered", 1, questions)));
        assertThat(assessments.assessment(id).status()).isEqualTo("OPEN");

        assessments.answer(id, Map.of("GENDER_2", 0));
        assertThat(assessments.score(id)).isEmpty(); // GENDER: (3 + 0) / 6 is 50%, not a gap
        assertThat(assessments.assessment(id).status()).isEqualTo("SCORED");
    }

    @Test
    void shouldRefuseANeedWithoutItsCostRatherThanRequestZero() {
        // the need became a request costing 0.00, counted as such in the unmet needs
        assertThatThrownBy(() -> reports.draft("SS", Instrument.ITI, 2089, List.of(
                new NationalReport.Section(Area.MARKING, "", "", null),
                new NationalReport.Section(Area.TRACING, "Tracing desk opened", "Train the tracing desk", null))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("needCost_TRACING", "assistance.nationalReport.needWithoutCost")));
        assertThat(reports.reports()).noneMatch(r -> r.country().equals("SS") && r.year() == 2089);
    }

    @Test
    void shouldRecordProgressOnlyForHalfYearsFromTheBaselineToNow() {
        TargetId t = targets.set("NATIONAL", "KE", "Roadmap of half-years", "2", "Weapons marked", 2020, BigDecimal.ZERO,
                new BigDecimal("100"), LocalDate.of(2030, 12, 31));
        LocalDate today = LocalDate.now();
        for (String notBegun : new String[] {"2099-H1", (today.getYear() + 1) + "-H1"}) {
            assertThatThrownBy(() -> targets.recordProgress(t, notBegun, BigDecimal.ONE, "")).isInstanceOfSatisfying(UserFacingException.class,
                    e -> assertThat(e.violations()).containsExactly(Violation.of("period", "assistance.target.periodFuture", notBegun)));
        }
        assertThatThrownBy(() -> targets.recordProgress(t, "2019-H2", BigDecimal.ONE, "")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).containsExactly(Violation.of("period", "assistance.target.periodBeforeBaseline", "2019-H2", 2020)));

        String underWay = today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
        targets.recordProgress(t, "2020-H1", BigDecimal.ONE, ""); // the baseline year itself
        targets.recordProgress(t, underWay, BigDecimal.TEN, "");
        assertThat(targets.target(t).progress()).extracting(Target.Progress::period).containsExactly("2020-H1", underWay);
    }

    @Test
    void shouldRefuseANationalTargetOfAStateNotInTheListOfCountries() {
        assertThatThrownBy(() -> targets.set("NATIONAL", "ZZ", "Roadmap of nowhere", "1", "Weapons marked", 2020, BigDecimal.ZERO,
                new BigDecimal("100"), LocalDate.of(2030, 12, 31))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).containsExactly(Violation.of("owner", "assistance.country.unknown", "ZZ")));
        assertThat(targets.targets("Roadmap of nowhere")).isEmpty();
        TargetId national = targets.set("NATIONAL", " ke ", "Roadmap of somewhere", "1", "Weapons marked", 2020, BigDecimal.ZERO,
                new BigDecimal("100"), LocalDate.of(2030, 12, 31));
        assertThat(targets.target(national).owner()).isEqualTo("KE");
        TargetId regional = targets.set("REGIONAL", "Western Balkans", "Roadmap of somewhere", "1", "Weapons seized", 2020, BigDecimal.ZERO,
                new BigDecimal("100"), LocalDate.of(2030, 12, 31));
        assertThat(targets.target(regional).owner()).isEqualTo("Western Balkans");
    }

    @Test
    void shouldWriteTheYearsOfItsMessagesWithoutAThousandsSeparator() {
        reports.draft("UG", Instrument.POA, 2090, List.of());
        // "A POA report of UG for 2,026 already exists", "pour 2 026"
        assertThatThrownBy(() -> reports.draft("UG", Instrument.POA, 2090, List.of())).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(Messages.resolve(messages, e.violations().get(0), Locale.ENGLISH)).isEqualTo("A POA report of UG for 2090 already exists.");
            assertThat(Messages.resolve(messages, e.violations().get(0), Locale.FRENCH)).isEqualTo("Un rapport POA de UG pour 2090 existe déjà.");
        });
        assertThatThrownBy(() -> targets.set("NATIONAL", "UG", "Roadmap of years", "1", "Weapons marked", 2030, BigDecimal.ZERO,
                BigDecimal.TEN, LocalDate.of(2029, 12, 31))).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(Messages.resolve(messages, e.violations().get(0), Locale.ENGLISH)).endsWith("before the baseline year 2030.");
                    assertThat(Messages.resolve(messages, e.violations().get(0), Locale.forLanguageTag("es"))).endsWith("año de referencia 2030.");
                });
    }
}
