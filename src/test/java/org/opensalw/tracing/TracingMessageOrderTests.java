package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensalw.tracing.TracingFixtures.audited;
import static org.opensalw.tracing.TracingFixtures.awaitProcessed;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.receiveSentAt;
import static org.opensalw.tracing.TracingFixtures.requestPayload;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.network.MessageId;
import org.opensalw.network.NodeRole;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Messages of one conversation processed in another order than they were sent: the network takes them in order, but
 * tracing's listeners run each on its own, so a closing may be processed while its request is still being stored, and
 * an answer given again before the first one.
 */
@TestDatabase
@WithMockUser(username = "officer", roles = {"REGISTRAR", "INVESTIGATOR"})
class TracingMessageOrderTests extends PeerMessageTests {

    @Override
    List<String> peersUsed() {
        return List.of("KE-NFP", "UG-NFP");
    }

    @Test
    void shouldTakeInAQuestionAndAClosingProcessedBeforeTheirRequestInTheOrderTheyWereSent() {
        UUID conversation = UUID.randomUUID();
        Instant sent = Instant.parse("2025-06-02T10:00:00Z");
        // processed last-sent first: the closing, then the question, then the request
        awaitProcessed(jdbc, receiveSentAt(events, tx, "KE-NFP", conversation, "tracing.close", close(conversation),
                sent.plusSeconds(2)));
        awaitProcessed(jdbc, receiveSentAt(events, tx, "KE-NFP", conversation, "tracing.message",
                question(conversation, "Any photo of the receiver?"), sent.plusSeconds(1)));
        assertThat(parked(conversation)).isEqualTo(2);
        assertThat(audited(jdbc, "tracing.parked", conversation)).hasSize(2);

        MessageId request = receiveSentAt(events, tx, "KE-NFP", conversation, "tracing.request",
                requestPayload(conversation, "KE-NFP", unique("PK"), "Kalashnikov"), sent);
        awaitProcessed(jdbc, request);

        TraceRequest taken = tracing.request(incoming(conversation));
        assertThat(taken.state()).isEqualTo(TraceState.CLOSED);
        assertThat(taken.thread()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("Any photo of the receiver?"));
        assertThat(taken.steps()).extracting(TraceStep::kind).containsExactly(TraceStepKind.RECEIVED, TraceStepKind.ACKNOWLEDGED,
                TraceStepKind.MESSAGE_RECEIVED, TraceStepKind.CLOSED);
        assertThat(parked(conversation)).isZero();
        assertThat(audited(jdbc, "tracing.parked.replayed", conversation)).containsExactly("tracing.message", "tracing.close");
        assertThat(audited(jdbc, "tracing.refused", conversation)).isEmpty();
    }

    @Test
    void shouldRefuseAParkedMessageOfAnotherNodeWhenTheRequestComes() {
        TracingFixtures.trust(peers, "UG-NFP", NodeRole.NATIONAL, "UG", "Uganda NFP");
        UUID conversation = UUID.randomUUID();
        Instant sent = Instant.parse("2025-06-02T10:00:00Z");
        awaitProcessed(jdbc, receiveSentAt(events, tx, "UG-NFP", conversation, "tracing.close", close(conversation), sent));
        assertThat(parked(conversation)).isEqualTo(1);

        awaitProcessed(jdbc, receiveSentAt(events, tx, "KE-NFP", conversation, "tracing.request",
                requestPayload(conversation, "KE-NFP", unique("PO"), "Kalashnikov"), sent));

        assertThat(tracing.request(incoming(conversation)).state()).isEqualTo(TraceState.ACKNOWLEDGED);
        assertThat(parked(conversation)).isZero();
        List<String> refusals = audited(jdbc, "tracing.refused", conversation);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("tracing.close", "no such request with that node");
    }

    @Test
    void shouldKeepTheLaterAnswerWhenAnEarlierOneIsProcessedAfterIt() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LA")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer",
                answer(conversation, "FULL", "Exported in 1990 to a dealer, stolen in 1995", "2025-06-05T10:00:00Z")));
        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer",
                answer(conversation, "PARTIAL", "Exported in 1990", "2025-06-03T10:00:00Z")));

        TraceRequest answered = tracing.request(id);
        assertThat(answered.answer().outcome()).isEqualTo(Outcome.FULL);
        assertThat(answered.answer().findings()).isEqualTo("Exported in 1990 to a dealer, stolen in 1995");
        assertThat(TracingFixtures.row(jdbc, id.value())).containsEntry("answer_outcome", "FULL");
        assertThat(answered.steps()).filteredOn(s -> s.kind() == TraceStepKind.ANSWER_RECEIVED).hasSize(1);
        assertThat(audited(jdbc, "tracing.answer.outdated", id.value())).singleElement()
                .satisfies(d -> assertThat(d).contains("PARTIAL", "2025-06-03T10:00:00Z"));
    }

    @Test
    void shouldKeepAClosedRequestClosedWhenItsAnswerComesAfterTheClosing() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("CA")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        tracing.close(id, "Traced by other means");
        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer",
                answer(conversation, "PARTIAL", "Exported in 1990", "2025-06-03T10:00:00Z")));

        TraceRequest closed = tracing.request(id);
        assertThat(closed.state()).isEqualTo(TraceState.CLOSED);
        assertThat(closed.answer().findings()).as("the answer is kept for the record").isEqualTo("Exported in 1990");
        assertThat(closed.steps()).extracting(TraceStep::kind).endsWith(TraceStepKind.CLOSED, TraceStepKind.ANSWER_RECEIVED);
    }

    private TraceId incoming(UUID conversation) {
        return new TraceId(jdbc.sql("SELECT id FROM trace_request WHERE conversation_id = :c AND direction = 'INCOMING'")
                .param("c", conversation).query(UUID.class).single());
    }

    private long parked(UUID conversation) {
        return jdbc.sql("SELECT count(*) FROM trace_parked WHERE conversation_id = :c").param("c", conversation).query(Long.class).single();
    }

    private static String close(UUID conversation) {
        return "{\"v\":1,\"requestId\":\"" + conversation + "\",\"reason\":\"Traced by other means\",\"at\":\"2025-06-02T10:00:02Z\"}";
    }

    private static String answer(UUID conversation, String outcome, String findings, String answeredAt) {
        return """
                {"v":1,"requestId":"%s","answer":{"outcome":"%s","originEstablished":true,"findings":"%s",
                 "permittedUse":"Criminal proceedings CASE-1","history":[],"answeredAt":"%s","answeredBy":"Russia NCB"}}"""
                .formatted(conversation, outcome, findings, answeredAt);
    }

    private static String question(UUID conversation, String body) {
        return "{\"v\":1,\"requestId\":\"" + conversation + "\",\"kind\":\"QUESTION\",\"body\":\"" + body
                + "\",\"author\":\"otieno\",\"at\":\"2025-06-02T10:00:01Z\"}";
    }
}
