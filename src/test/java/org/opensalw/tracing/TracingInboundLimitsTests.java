package org.opensalw.tracing;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensalw.tracing.TracingFixtures.audited;
import static org.opensalw.tracing.TracingFixtures.awaitProcessed;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.outbox;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.receiveSentAt;
import static org.opensalw.tracing.TracingFixtures.requestPayload;
import static org.opensalw.tracing.TracingFixtures.unique;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What a peer sends is held to the sizes this node's own forms keep: a request, an answer, a thread message or a
 * closing with a field longer than that (or a list longer) is refused and audited, and nothing of it is stored; an
 * answer's fields drawn from the register are held to the register's forms. Photos cost a request nothing: a caption
 * too long is cut, the photos after the fiftieth are not taken. This node keeps the same sizes when it sends.
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

    @Test
    void shouldRefuseAThreadMessageWithAnAuthorLongerThanAUserName() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LU")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.message",
                message(conversation, "Any news?", "a".repeat(65))));

        assertThat(tracing.request(id).thread()).isEmpty();
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement()
                .satisfies(d -> assertThat(d).startsWith("tracing.message").contains("author: 65 characters, at most 64"));

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.message",
                message(conversation, "Any news?", "a".repeat(64))));
        assertThat(tracing.request(id).thread()).singleElement()
                .satisfies(m -> assertThat(m.username()).isEqualTo("node:RU-NCB (" + "a".repeat(64) + ")"));
    }

    @Test
    void shouldRefuseAClosingWithAReasonTooLongAndKeepTheRequestOpen() {
        UUID conversation = UUID.randomUUID();
        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.request",
                requestPayload(conversation, "KE-NFP", unique("LC"), "Kalashnikov")));

        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.close", close(conversation, "x".repeat(4001))));

        TraceRequest open = tracing.request(incoming(conversation));
        assertThat(open.state()).isEqualTo(TraceState.ACKNOWLEDGED);
        assertThat(open.steps()).extracting(TraceStep::kind).doesNotContain(TraceStepKind.CLOSED);
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement()
                .satisfies(d -> assertThat(d).startsWith("tracing.close").contains("reason: 4001 characters, at most 4000"));

        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.close", close(conversation, "x".repeat(4000))));
        assertThat(tracing.request(incoming(conversation)).state()).isEqualTo(TraceState.CLOSED);
    }

    @Test
    void shouldRefuseToCloseWithAReasonLongerThanAPeerTakes() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("CR")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        assertThatThrownBy(() -> tracing.close(id, "x".repeat(4001))).isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                        .singleElement().satisfies(path -> assertThat(path).startsWith("close.")));

        assertThat(tracing.request(id).state()).isEqualTo(TraceState.SENT);
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::type).containsExactly("tracing.request");
    }

    @Test
    void shouldRefuseAnAnswerWithAFieldLongerThanTheRegisterTakes() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LR")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer", answerDrawn(conversation, drawn(1))));

        assertThat(tracing.request(id).answer()).isNull();
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement().satisfies(d -> assertThat(d)
                .startsWith("tracing.answer")
                .contains("manufacturer: 201 characters, at most 200", "countryOfManufacture: 3 characters, at most 2",
                        "lastLegalHolder.name: 301 characters, at most 300", "lastLegalHolder.kind: 41 characters, at most 40",
                        "lastLegalHolder.country: 3 characters, at most 2", "pointOfDiversion.event: 41 characters, at most 40",
                        "pointOfDiversion.place: 301 characters, at most 300", "pointOfDiversion.country: 3 characters, at most 2",
                        "history[1].event: 41 characters, at most 40", "history[1].place: 301 characters, at most 300",
                        "history[1].country: 3 characters, at most 2", "history[1].holder: 301 characters, at most 300",
                        "answeredBy: 201 characters, at most 200")
                .doesNotContain("history[0]", "xxxx"));

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer", answerDrawn(conversation, drawn(0))));
        TraceAnswer kept = tracing.request(id).answer();
        assertThat(kept.manufacturer()).hasSize(200);
        assertThat(kept.lastLegalHolder().name()).hasSize(300);
        assertThat(kept.history()).extracting(TraceAnswer.HistoryLine::place).containsExactly("Lyon", "x".repeat(300));
    }

    @Test
    void shouldRefuseAnAnswerWithMoreHistoryLinesThanAWeaponHas() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LH")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer", answerDrawn(conversation, history(1001))));

        assertThat(tracing.request(id).answer()).isNull();
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement()
                .satisfies(d -> assertThat(d).startsWith("tracing.answer").contains("history: 1001 items, at most 1000"));

        awaitProcessed(jdbc, receive(events, tx, "RU-NCB", conversation, "tracing.answer", answerDrawn(conversation, history(1000))));
        assertThat(tracing.request(id).answer().history()).hasSize(1000);
    }

    @Test
    void shouldRefuseARequestWithMoreMarkingsThanThisNodeSends() {
        UUID conversation = UUID.randomUUID();
        String markings = IntStream.range(0, 101).mapToObj(i -> "{\"kind\":\"PROOF\",\"text\":\"P" + i + "\"}").collect(joining(","));
        String payload = requestPayload(conversation, "KE-NFP", unique("LK"), "Kalashnikov")
                .replaceFirst("\"markings\":\\[\\{[^]]*\\}\\]", "\"markings\":[" + markings + "]");
        assertThat(payload).contains("\"text\":\"P100\"");

        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.request", payload));

        assertThat(jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c").param("c", conversation)
                .query(Long.class).single()).isZero();
        assertThat(audited(jdbc, "tracing.refused", conversation)).singleElement()
                .satisfies(d -> assertThat(d).startsWith("tracing.request").contains("markings: 101 items, at most 100"));
    }

    @Test
    void shouldRefuseToDraftARequestWithMoreMarkingsThanAPeerTakes() {
        TraceRequestForm fine = complete(null, "RU-NCB", unique("DM"));

        assertThatThrownBy(() -> tracing.draft(withMarkings(fine, 101))).isInstanceOfSatisfying(ConstraintViolationException.class,
                e -> assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                        .singleElement().satisfies(path -> assertThat(path).endsWith(".markings")));

        assertThat(tracing.request(tracing.draft(withMarkings(fine, 100))).form().markings()).hasSize(100);
    }

    @Test
    void shouldCutAPhotoCaptionTooLongAndKeepThePhoto() {
        UUID conversation = UUID.randomUUID();
        String payload = requestPayload(conversation, "KE-NFP", unique("LP"), "Kalashnikov")
                .replace("\"caption\":\"Receiver\"", "\"caption\":\"" + "c".repeat(301) + "\"");
        assertThat(payload).contains("c".repeat(301));

        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.request", payload));

        TraceId id = incoming(conversation);
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.ACKNOWLEDGED);
        assertThat(tracing.photos(id)).singleElement()
                .satisfies(p -> assertThat(p.caption()).hasSize(300).isEqualTo("c".repeat(299) + "…"));
    }

    @Test
    void shouldTakeTheFirstFiftyPhotosOfARequestAndAuditTheOthers() {
        UUID conversation = UUID.randomUUID();
        String photos = IntStream.range(0, 52)
                .mapToObj(i -> "{\"caption\":\"P%02d\",\"contentType\":\"image/png\",\"base64\":\"AQIDBA==\"}".formatted(i))
                .collect(joining(","));
        String payload = requestPayload(conversation, "KE-NFP", unique("LF"), "Kalashnikov").replace(
                "\"photos\":[{\"caption\":\"Receiver\",\"contentType\":\"image/png\",\"base64\":\"AQIDBA==\"}]",
                "\"photos\":[" + photos + "]");
        assertThat(payload).contains("\"P51\"");

        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.request", payload));

        TraceId id = incoming(conversation);
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.ACKNOWLEDGED);
        assertThat(tracing.photos(id)).hasSize(50).extracting(TraceRequest.PhotoRef::caption)
                .contains("P00", "P49").doesNotContain("P50", "P51");
        assertThat(audited(jdbc, "tracing.photo.refused", id.value())).singleElement()
                .satisfies(d -> assertThat(d).contains("photos after the first 50 not taken: 2"));
    }

    private TraceId incoming(UUID conversation) {
        return new TraceId(jdbc.sql("SELECT id FROM trace_request WHERE conversation_id = :c AND direction = 'INCOMING'")
                .param("c", conversation).query(UUID.class).single());
    }

    private static TraceRequestForm withMarkings(TraceRequestForm f, int count) {
        List<TraceMarking> markings = IntStream.range(0, count).mapToObj(i -> new TraceMarking("PROOF", "P" + i, null, null)).toList();
        return new TraceRequestForm(f.weaponId(), f.recipient(), f.recoveryKind(), f.recoveredOn(), f.recoveredPlace(),
                f.circumstances(), f.illicitNature(), f.legalBasis(), f.intendedUse(), f.type(), f.maker(), f.model(), f.calibre(),
                f.serial(), f.countryOfManufacture(), f.yearOfManufacture(), markings);
    }

    private static String message(UUID conversation, String body) {
        return message(conversation, body, "otieno");
    }

    private static String message(UUID conversation, String body, String author) {
        return "{\"v\":1,\"requestId\":\"" + conversation + "\",\"kind\":\"QUESTION\",\"body\":\"" + body
                + "\",\"author\":\"" + author + "\",\"at\":\"2025-06-02T10:00:01Z\"}";
    }

    private static String close(UUID conversation, String reason) {
        return "{\"v\":1,\"requestId\":\"" + conversation + "\",\"reason\":\"" + reason + "\",\"at\":\"2025-06-02T10:00:02Z\"}";
    }

    /** An answer with what the requested node drew from its register: {@code drawn} is the JSON of those fields. */
    private static String answerDrawn(UUID conversation, String drawn) {
        return """
                {"v":1,"requestId":"%s","answer":{"outcome":"FULL","originEstablished":true,"findings":"Stolen in 2019",
                 "permittedUse":"Criminal proceedings CASE-1","answeredAt":"2025-06-03T10:00:00Z",%s}}"""
                .formatted(conversation, drawn);
    }

    /**
     * Every field an answer draws from the register, {@code over} characters longer than the register takes: a maker
     * 200, a country 2, a name 200, a holder 300, a kind 40, a place 300. The first history line is short.
     */
    private static String drawn(int over) {
        return """
                "manufacturer":"%s","countryOfManufacture":"%s","answeredBy":"%s",
                 "lastLegalHolder":{"name":"%s","kind":"%s","country":"%s"},
                 "pointOfDiversion":{"event":"%s","on":"2019-07-01","place":"%s","country":"%s"},
                 "history":[{"event":"IMPORTED","on":"2001-03-04","place":"Lyon","country":"FR"},
                  {"event":"%s","on":"2002-01-10","place":"%s","country":"%s","holder":"%s"}]"""
                .formatted(x(200 + over), x(2 + over), x(200 + over), x(300 + over), x(40 + over), x(2 + over), x(40 + over),
                        x(300 + over), x(2 + over), x(40 + over), x(300 + over), x(2 + over), x(300 + over));
    }

    private static String history(int lines) {
        return "\"history\":[" + IntStream.range(0, lines).mapToObj(i -> "{\"event\":\"TRANSFERRED\",\"on\":\"2002-01-10\"}")
                .collect(joining(",")) + "]";
    }

    private static String x(int length) {
        return "x".repeat(length);
    }

    private static String answer(UUID conversation, String findings, String answeredAt) {
        return """
                {"v":1,"requestId":"%s","answer":{"outcome":"PARTIAL","originEstablished":false,"findings":"%s",
                 "permittedUse":"Criminal proceedings CASE-1","history":[],"answeredAt":"%s","answeredBy":"Russia NCB"}}"""
                .formatted(conversation, findings, answeredAt);
    }
}
