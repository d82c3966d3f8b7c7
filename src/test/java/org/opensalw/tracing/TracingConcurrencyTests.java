package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.opensalw.tracing.TracingFixtures.awaitProcessed;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.outbox;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.internal.TraceStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request changed by two at once (two clicks, a click and a message from the network, a reminder and an answer): the
 * second change sees the state the first one left.
 */
@TestDatabase
@WithMockUser(username = "officer", roles = {"REGISTRAR", "INVESTIGATOR"})
@ExtendWith(TracingFixtures.RequestedPeer.class) // a request is sent only to a peer
class TracingConcurrencyTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TracingManagement tracing;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TraceStore store;
    @Test
    void shouldSendARequestOnceWhenSendIsClickedTwiceAtOnce() throws Exception {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("DC")));
        UUID conversation = tracing.request(id).conversationId();
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            // the first click has sent and not committed yet when the second one comes
            Future<Object> first = clicks.submit(() -> SystemActor.run("first-click", Role.INVESTIGATOR, () -> tx.execute(s -> {
                tracing.send(id);
                firstSent.countDown();
                hold(commitFirst);
                return null;
            })));
            assertThat(firstSent.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<Object> second = clicks.submit(() -> SystemActor.run("second-click", Role.INVESTIGATOR, () -> {
                tracing.send(id);
                return null;
            }));
            // it waits on the first click's row lock: at its read (or, unguarded, at its change of state)
            await().pollInSameThread().atMost(WAIT).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%trace_request%'""")
                    .query(Long.class).single() > 0);
            commitFirst.countDown();
            first.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            Throwable refused = catchThrowable(() -> second.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertThat(refused).isInstanceOf(ExecutionException.class);
            assertThat(refused.getCause()).isInstanceOfSatisfying(UserFacingException.class, e -> {
                assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
                assertThat(e.violations()).extracting(Violation::code).containsExactly("tracing.notDraft");
            });
        } finally {
            commitFirst.countDown();
            clicks.shutdown();
        }
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::type).containsExactly("tracing.request");
        assertThat(tracing.request(id).steps()).filteredOn(s -> s.kind() == TraceStepKind.SENT).hasSize(1);
    }

    @Test
    void shouldRefuseAMessageWrittenWhileTheRequestIsBeingClosed() throws Exception {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("WC")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch commitClosing = new CountDownLatch(1);
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            // the closing is done and not committed yet when the message is written
            Future<Object> closing = officers.submit(() -> SystemActor.run("closer", Role.INVESTIGATOR, () -> tx.execute(s -> {
                tracing.close(id, "Traced by other means");
                closed.countDown();
                hold(commitClosing);
                return null;
            })));
            assertThat(closed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<Object> message = officers.submit(() -> SystemActor.run("writer", Role.INVESTIGATOR, () -> {
                tracing.post(id, "One more question");
                return null;
            }));
            // it waits on the closing's row lock
            await().pollInSameThread().atMost(WAIT).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%trace_request%'""")
                    .query(Long.class).single() > 0);
            commitClosing.countDown();
            closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            Throwable refused = catchThrowable(() -> message.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertThat(refused).isInstanceOf(ExecutionException.class);
            assertThat(refused.getCause()).isInstanceOfSatisfying(UserFacingException.class, e -> {
                assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
                assertThat(e.violations()).extracting(Violation::code).containsExactly("tracing.message.closed");
            });
        } finally {
            commitClosing.countDown();
            officers.shutdown();
        }
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::type)
                .containsExactly("tracing.request", "tracing.close");
    }

    @Test
    void shouldClaimNoReminderForARequestAnsweredSinceTheOverdueListWasRead() {
        TraceId answered = tracing.draft(complete(null, "RU-NCB", unique("RA")));
        tracing.send(answered);
        TraceId unanswered = tracing.draft(complete(null, "RU-NCB", unique("RU")));
        tracing.send(unanswered);
        for (TraceId id : List.of(answered, unanswered)) {
            jdbc.sql("UPDATE trace_request SET due_on = :d WHERE id = :id").param("d", LocalDate.now().minusDays(1))
                    .param("id", id.value()).update();
        }
        // the reminders read the overdue list...
        assertThat(store.overdue()).extracting(TraceStore.Row::id).contains(answered.value(), unanswered.value());
        // ...and the answer is processed before they claim the reminder
        UUID conversation = tracing.request(answered).conversationId();
        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer", """
                {"v":1,"requestId":"%s","answer":{"outcome":"NOT_FOUND","originEstablished":false,"findings":"No record",
                 "permittedUse":"Criminal proceedings CASE-1","history":[],"answeredAt":"2025-06-03T10:00:00Z","answeredBy":"Russia NCB"}}"""
                .formatted(conversation)));
        assertThat(tracing.request(answered).state()).isEqualTo(TraceState.ANSWERED);

        Instant again = Instant.now().minus(Duration.ofDays(tracing.reasonableDays()));
        assertThat(store.claimReminder(answered.value(), again)).isFalse();
        assertThat(store.claimReminder(unanswered.value(), again)).isTrue();
        assertThat(TracingFixtures.row(jdbc, answered.value()).get("reminded_at")).isNull();
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
