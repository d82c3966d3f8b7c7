package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two people (a double click, two instances) change the same report, assessment, request or offer at once. The
 * second acts while the first's transaction is still open, and the first commits only once the second has either
 * finished or is waiting for a row lock: the interleaving that let both succeed, made deterministic.
 */
@TestDatabase
@WithMockUser(username = "two-desks", roles = {"ADMIN"})
class AssistanceConcurrencyTests {

    @Autowired NationalReports reports;
    @Autowired BaselineAssessments assessments;
    @Autowired Actors actors;
    @Autowired AssistanceManagement management;
    @Autowired Matching matching;
    @Autowired FundingCalls calls;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldMakeTheRequestsOfAReportSubmittedTwiceAtOnceOnlyOnce() throws Exception {
        NationalReportId id = reports.draft("TD", Instrument.POA, 2091, List.of(
                new NationalReport.Section(Area.STOCKPILE_MANAGEMENT, "", "Secure two armouries", new BigDecimal("250000"))));

        Race<List<RequestId>, List<RequestId>> race = race(() -> reports.submit(id), () -> reports.submit(id));

        assertThat(race.first().get()).hasSize(1);
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.report.submitted"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asst_request WHERE report_id = :r").param("r", id.value()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldDraftTheGapsOfAnAssessmentScoredTwiceAtOnceOnlyOnce() throws Exception {
        AssessmentId id = assessments.start("TD", "Scored twice");
        assessments.answer(id, AssistanceFixtures.allAnswered(assessments, Map.of("RECORD_1", 0, "RECORD_2", 1)));

        Race<List<RequestId>, List<RequestId>> race = race(() -> assessments.score(id), () -> assessments.score(id));

        assertThat(race.first().get()).hasSize(1);
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.assessment.scored"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asst_request WHERE assessment_id = :a").param("a", id.value()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAnswerGivenWhileTheAssessmentIsBeingScored() throws Exception {
        AssessmentId id = assessments.start("TD", "Answered while scored");
        assessments.answer(id, AssistanceFixtures.allAnswered(assessments, Map.of("RECORD_1", 0, "RECORD_2", 0)));

        Race<List<RequestId>, Boolean> race = race(() -> assessments.score(id), () -> {
            assessments.answer(id, Map.of("RECORD_1", 3));
            return true;
        });

        assertThat(race.first().get()).hasSize(1);
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.assessment.scored"));
        assertThat(assessments.assessment(id).answers()).containsEntry("RECORD_1", 0);
    }

    @Test
    void shouldNotLetTwoMatchesConfirmedAtOnceCommitMoreThanTheOfferHolds() throws Exception {
        OfferId offer = offer(new BigDecimal("200000"));
        RequestId police = management.fileRequest(request("Police nationale"));
        RequestId guard = management.fileRequest(request("Garde nationale"));

        Race<ProjectId, ProjectId> race = race(() -> matching.confirm(new Confirmation(police, offer, null, new BigDecimal("120000"))),
                () -> matching.confirm(new Confirmation(guard, offer, null, new BigDecimal("100000"))));

        race.first().get();
        assertThat(refusal(race.second())).extracting(Violation::field, Violation::code).containsExactly("budget", "assistance.match.overOffer");
        assertThat(management.offer(offer).committed()).isEqualByComparingTo("120000");
        assertThat(management.request(guard).status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void shouldNotOverwriteARequestStatusChangedAtTheSameTime() throws Exception {
        RequestId id = management.fileRequest(request("Douanes"));

        Race<AssistanceRequest, AssistanceRequest> race = race(() -> management.changeRequestStatus(id, RequestStatus.WITHDRAWN),
                () -> management.changeRequestStatus(id, RequestStatus.CLOSED));

        assertThat(race.first().get().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(refusal(race.second()))
                .isEqualTo(Violation.of("status", "assistance.status.transition", RequestStatus.WITHDRAWN, RequestStatus.CLOSED));
        assertThat(management.request(id).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void shouldNotMatchARequestWithdrawnAtTheSameTime() throws Exception {
        OfferId offer = offer(new BigDecimal("90000")); // a funding offer states its amount
        RequestId id = management.fileRequest(request("Gendarmerie"));

        Race<AssistanceRequest, ProjectId> race = race(() -> management.changeRequestStatus(id, RequestStatus.WITHDRAWN),
                () -> matching.confirm(new Confirmation(id, offer, null, new BigDecimal("50000"))));

        race.first().get();
        assertThat(refusal(race.second())).extracting(Violation::field, Violation::code).containsExactly("requestId", "assistance.match.requestNotOpen");
        assertThat(management.request(id).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void shouldNotMatchAnOfferWithdrawnAtTheSameTime() throws Exception {
        OfferId offer = offer(new BigDecimal("90000"));
        RequestId id = management.fileRequest(request("Forces armées"));

        Race<Boolean, ProjectId> race = race(() -> {
            management.withdrawOffer(offer);
            return true;
        }, () -> matching.confirm(new Confirmation(id, offer, null, new BigDecimal("50000"))));

        race.first().get();
        assertThat(refusal(race.second())).extracting(Violation::field, Violation::code).containsExactly("offerId", "assistance.match.offerNotOpen");
        assertThat(management.offer(offer).committed()).isEqualByComparingTo("0");
    }

    @Test
    void shouldNotMatchAnOfferOfAnActorWithdrawnAtTheSameTime() throws Exception {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor leaving while matched", "DE"));
        OfferId offer = management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Registers of a leaving donor",
                Set.of(Area.RECORD_KEEPING), Set.of(), new BigDecimal("90000"), null, null, Set.of("fr")));
        RequestId id = management.fileRequest(request("Police des frontières"));

        Race<Boolean, ProjectId> race = race(() -> {
            actors.withdraw(donor.id());
            return true;
        }, () -> matching.confirm(new Confirmation(id, offer, null, new BigDecimal("50000"))));

        race.first().get();
        assertThat(refusal(race.second())).extracting(Violation::field, Violation::code).containsExactly("offerId", "assistance.match.offerNotOpen");
        assertThat(management.offer(offer).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(management.offer(offer).committed()).isEqualByComparingTo("0");
    }

    @Test
    void shouldAnswerAConflictToTheSameReportDraftedTwiceAtOnce() throws Exception {
        Race<NationalReportId, NationalReportId> race = race(() -> reports.draft("TD", Instrument.ITI, 2093, List.of()),
                () -> reports.draft("TD", Instrument.ITI, 2093, List.of()));

        race.first().get();
        UserFacingException refused = refused(race.second());
        assertThat(refused.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
        assertThat(refused.violations()).containsExactly(Violation.of("year", "assistance.report.exists", "TD", Instrument.ITI, 2093));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asst_national_report WHERE country = 'TD' AND instrument = 'ITI' AND year = 2093")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void shouldWithdrawAnActorWithdrawnTwiceAtOnceOnlyOnce() throws Exception {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor leaving twice", "DE"));

        Race<Boolean, Boolean> race = race(() -> {
            actors.withdraw(donor.id());
            return true;
        }, () -> {
            actors.withdraw(donor.id());
            return true;
        });

        race.first().get();
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.actor.alreadyWithdrawn", "Donor leaving twice"));
        assertThat(actors.get(donor.id()).status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void shouldRecordOneSelectionOfACallSelectedTwiceAtOnce() throws Exception {
        CallId call = reviewedCall("Selected twice");

        Race<Selection, Selection> race = race(() -> calls.select(call), () -> calls.select(call));

        assertThat(race.first().get().lines()).hasSize(1);
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.call.selectionDone"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asst_selection WHERE call_id = :c").param("c", call.value()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseAProposalSubmittedWhileTheCallIsBeingSelected() throws Exception {
        CallId call = reviewedCall("Submitted while selected");
        Actor late = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "Late NGO", "NE"));

        Race<Selection, ProposalId> race = race(() -> calls.select(call), () -> calls.submit(call, AssistanceFixtures.proposal(late, "Late registers", "NE", "100000")));

        race.first().get();
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.call.proposalsClosed"));
        assertThat(calls.proposals(call)).extracting(Proposal::status).containsExactly(ProposalStatus.SELECTED);
    }

    @Test
    void shouldRefuseAReviewGivenWhileTheCallIsBeingSelected() throws Exception {
        CallId call = reviewedCall("Reviewed while selected");
        ProposalId reviewed = calls.proposals(call).get(0).id();

        Race<Selection, Boolean> race = race(() -> calls.select(call), () -> {
            calls.review(call, reviewed, Map.of("RELEVANCE", 1));
            return true;
        });

        race.first().get();
        assertThat(refusal(race.second())).isEqualTo(Violation.of("status", "assistance.call.reviewsClosed"));
        assertThat(calls.proposal(call, reviewed).reviewedValue()).isEqualTo(70.0);
    }

    /** An open call with one eligible proposal, reviewed. */
    private CallId reviewedCall(String title) {
        CallId call = calls.open(new NewCall(Mechanism.UNSCAR, 2028, title, new BigDecimal("300000"), Set.of(), Set.of(), BigDecimal.ONE));
        Actor ngo = actors.create(new NewActor(ActorKind.CIVIL_SOCIETY, "NGO of " + title, "NE"));
        ProposalId p = calls.submit(call, AssistanceFixtures.proposal(ngo, "Registers", "NE", "100000"));
        calls.review(call, p, AssistanceFixtures.everyCriterion(calls, call, 7));
        return call;
    }

    private NewRequest request(String beneficiary) {
        return new NewRequest("NE", Area.RECORD_KEEPING, "Weapons register for " + beneficiary, beneficiary, new BigDecimal("120000"),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), Set.of("fr"));
    }

    private OfferId offer(BigDecimal amount) {
        Actor donor = actors.create(new NewActor(ActorKind.DONOR, "Donor of two desks", "DE"));
        return management.makeOffer(new NewOffer(donor.id(), OfferKind.FUNDING, "Registers in the Sahel", Set.of(Area.RECORD_KEEPING),
                Set.of(), amount, null, null, Set.of("fr")));
    }

    /** What each of two writers got; the first one's transaction committed after the second had run as far as it could. */
    record Race<A, B>(Future<A> first, Future<B> second) {
    }

    private <A, B> Race<A, B> race(Supplier<A> first, Supplier<B> second) throws Exception {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger firstBackend = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Future<A> a = pool.submit(() -> as(user, () -> tx.execute(status -> {
                A result = first.get();
                firstBackend.set(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single());
                firstWrote.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return result;
            })));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!firstWrote.await(10, TimeUnit.MILLISECONDS)) {
                if (a.isDone()) {
                    a.get(); // the first writer's own failure
                }
                assertThat(System.nanoTime()).as("the first writer wrote in time").isLessThan(deadline);
            }
            Future<B> b = pool.submit(() -> as(user, second));
            while (!b.isDone() && !someoneWaitsFor(firstBackend.get())) {
                assertThat(System.nanoTime()).as("the second writer finished or waited for a lock in time").isLessThan(deadline);
                Thread.sleep(10);
            }
            commit.countDown();
            a.get(30, TimeUnit.SECONDS);
            try {
                b.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException refused) {
                // looked at by the test
            }
            return new Race<>(a, b);
        } finally {
            commit.countDown();
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Whether a session waits for a lock the first writer's transaction holds (not any lock wait of the shared database). */
    private boolean someoneWaitsFor(int firstBackend) {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))").param("pid", firstBackend)
                .query(Integer.class).single() > 0;
    }

    private static <T> T as(Authentication user, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(user);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Violation refusal(Future<?> outcome) throws InterruptedException {
        return refused(outcome).violations().get(0);
    }

    private static UserFacingException refused(Future<?> outcome) throws InterruptedException {
        try {
            outcome.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UserFacingException.class);
            return (UserFacingException) e.getCause();
        }
        throw new AssertionError("the second writer was not refused");
    }
}
