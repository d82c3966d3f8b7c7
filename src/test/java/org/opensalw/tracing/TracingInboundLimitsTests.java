package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensalw.tracing.TracingFixtures.audited;
import static org.opensalw.tracing.TracingFixtures.awaitProcessed;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.outbox;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.receiveSentAt;
import static org.opensalw.tracing.TracingFixtures.requestPayload;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What a peer sends is held to the sizes this node's own forms keep: a request, an answer or a thread message with a
 * field longer than that is refused and audited, and nothing of it is stored.
 */
@TestDatabase
@WithMockUser(username = "officer", roles = {"REGISTRAR", "INVESTIGATOR"})
class TracingInboundLimitsTests extends PeerMessageTests {

    @Test
    void shouldRefuseARequestWithAFieldTooLongAndStoreNothingOfIt() {
        UUID conversation = UUID.randomUUID();
        Instant sent = Instant.parse("2025-06-02T10:00:00Z");
        // a question of the requester processed first, parked for the request
        awaitProcessed(jdbc, receiveSentAt(events, tx, "KE-NFP", conversation, "tracing.message", message(conversation, "Any news?"),
                sent.plusSeconds(1)));
        String payload = requestPayload(conversation, "KE-NFP", unique("LL"), "Kalashnikov")
                .replace("\"circumstances\":\"Vehicle search\"", "\"circumstances\":\"" + "x".repeat(4001) + "\"")
                .replace("\"kind\":\"SERIAL\"", "\"kind\":\"" + "K".repeat(41) + "\"");
        assertThat(payload).contains("x".repeat(4001), "K".repeat(41));

        awaitProcessed(jdbc, receiveSentAt(events, tx, "KE-NFP", conversation, "tracing.request", payload, sent));

        assertThat(jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c").param("c", conversation)
                .query(Long.class).single()).isZero();
        assertThat(outbox(jdbc, conversation)).as("nothing acknowledged").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM trace_parked WHERE conversation_id = :c").param("c", conversation)
                .query(Long.class).single()).isZero();
        List<String> refusals = audited(jdbc, "tracing.refused", conversation);
        assertThat(refusals).hasSize(2);
        assertThat(refusals).anySatisfy(d -> assertThat(d).startsWith("tracing.request")
                .contains("circumstances: 4001 characters, at most 4000", "markings[0].kind: 41 characters, at most 40")
                .doesNotContain("xxxx"));
        assertThat(refusals).anySatisfy(d -> assertThat(d).startsWith("tracing.message").contains("its request was refused"));
    }

    @Test
    void shouldRefuseAnAnswerWithFindingsTooLongAndTakeTheNextOne() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LA")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer",
                answer(conversation, "x".repeat(4001), "2025-06-03T10:00:00Z")));

        TraceRequest waiting = tracing.request(id);
        assertThat(waiting.state()).isEqualTo(TraceState.SENT);
        assertThat(waiting.answer()).isNull();
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement()
                .satisfies(d -> assertThat(d).startsWith("tracing.answer").contains("findings: 4001 characters, at most 4000"));

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer",
                answer(conversation, "Exported in 1990", "2025-06-04T10:00:00Z")));
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.ANSWERED);
        assertThat(tracing.request(id).answer().findings()).isEqualTo("Exported in 1990");
    }

    @Test
    void shouldRefuseAThreadMessageTooLong() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LM")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.message", message(conversation, "x".repeat(4001))));

        assertThat(tracing.request(id).thread()).isEmpty();
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement()
                .satisfies(d -> assertThat(d).startsWith("tracing.message").contains("body: 4001 characters, at most 4000"));
    }

    private static String message(UUID conversation, String body) {
        return "{\"v\":1,\"requestId\":\"" + conversation + "\",\"kind\":\"QUESTION\",\"body\":\"" + body
                + "\",\"author\":\"otieno\",\"at\":\"2025-06-02T10:00:01Z\"}";
    }

    private static String answer(UUID conversation, String findings, String answeredAt) {
        return """
                {"v":1,"requestId":"%s","answer":{"outcome":"PARTIAL","originEstablished":false,"findings":"%s",
                 "permittedUse":"Criminal proceedings CASE-1","history":[],"answeredAt":"%s","answeredBy":"Russia NCB"}}"""
                .formatted(conversation, findings, answeredAt);
    }
}
