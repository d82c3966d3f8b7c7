package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.opensalw.tracing.TracingFixtures.audited;
import static org.opensalw.tracing.TracingFixtures.awaitProcessed;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.outbox;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.requestPayload;
import static org.opensalw.tracing.TracingFixtures.unique;

import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.network.MessageDelivered;
import org.opensalw.network.MessageId;
import org.opensalw.network.MessageUndeliverable;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeRole;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.internal.Reminders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Tracing on one node: what goes out to the network outbox, and what comes in as network events. */
@TestDatabase
@WithMockUser(username = "officer", roles = {"REGISTRAR", "INVESTIGATOR"})
class TracingTests extends PeerMessageTests {

    @Autowired
    RegistryManagement registry;
    @Autowired
    Reminders reminders;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    List<String> peersUsed() {
        return List.of("KE-NFP", "TZ-NFP", "UG-NFP", "HUB-EAC", "ZZ-GONE");
    }

    private WeaponId seizedRifle(String serial) {
        WeaponId id = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM",
                "7.62x39mm", "RU", 1985, serial), List.of(new MarkingInput(MarkingKind.IMPORT, "FR 01", "FR", 2001)),
                EventCommand.of(EventKind.IMPORTED, LocalDate.of(2001, 3, 4)).withCountry("FR"), null, null));
        registry.recordEvent(id, new EventCommand(EventKind.SEIZED, LocalDate.of(2025, 3, 1), "Border post East", null, "CASE-1",
                "Hidden in a truck", null, null, null, null));
        return id;
    }

    private TraceId incoming(String requester, String serial) {
        UUID conversation = UUID.randomUUID();
        receive(events, tx, requester, conversation, "tracing.request", requestPayload(conversation, requester, serial, "Kalashnikov"));
        await().pollInSameThread().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c AND state = 'ACKNOWLEDGED'")
                .param("c", conversation).query(Long.class).single() == 1);
        return new TraceId(jdbc.sql("SELECT id FROM trace_request WHERE conversation_id = :c AND direction = 'INCOMING'")
                .param("c", conversation).query(UUID.class).single());
    }

    @Test
    void shouldRefuseToSendARequestThatLacksWhatTheItiRequiresNamingEachField() {
        TraceId id = tracing.draft(new TraceRequestForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null));
        assertThatThrownBy(() -> tracing.send(id)).isInstanceOfSatisfying(UserFacingException.class, e ->
                assertThat(e.violations()).extracting(Violation::field).contains("recipient", "recoveryKind", "recoveredOn",
                        "recoveredPlace", "illicitNature", "legalBasis", "intendedUse", "type", "calibre", "serial", "maker"));
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.DRAFT);
        assertThat(outbox(jdbc, tracing.request(id).conversationId())).isEmpty();
    }

    @Test
    void shouldRefuseAFieldTooLongNamingItAndKeepNothingOfIt() {
        TraceRequestForm fine = complete(null, "RU-NCB", unique("TL"));
        TraceRequestForm longCircumstances = new TraceRequestForm(null, "RU-NCB", fine.recoveryKind(), fine.recoveredOn(),
                fine.recoveredPlace(), "x".repeat(4001), fine.illicitNature(), fine.legalBasis(), fine.intendedUse(), fine.type(),
                fine.maker(), fine.model(), fine.calibre(), fine.serial(), fine.countryOfManufacture(), fine.yearOfManufacture(),
                fine.markings());
        assertThatThrownBy(() -> tracing.draft(longCircumstances)).isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                        .singleElement().satisfies(path -> assertThat(path).endsWith(".circumstances")));

        TraceId id = tracing.draft(fine);
        TraceRequestForm longMarking = new TraceRequestForm(null, "RU-NCB", fine.recoveryKind(), fine.recoveredOn(),
                fine.recoveredPlace(), fine.circumstances(), fine.illicitNature(), fine.legalBasis(), fine.intendedUse(), fine.type(),
                fine.maker(), fine.model(), fine.calibre(), fine.serial(), fine.countryOfManufacture(), fine.yearOfManufacture(),
                List.of(new TraceMarking("SERIAL", "x".repeat(301), null, null)));
        assertThatThrownBy(() -> tracing.update(id, longMarking)).isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                        .singleElement().satisfies(path -> assertThat(path).endsWith("markings[0].text")));
        assertThat(tracing.request(id).form().markings()).isEqualTo(fine.markings());

        TraceId incoming = incoming("KE-NFP", unique("TL"));
        assertThatThrownBy(() -> tracing.answer(incoming, new AnswerForm(Outcome.NOT_FOUND, null, "x".repeat(4001), null,
                "Criminal investigation CASE-9", null, false))).isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                        assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString())
                                .singleElement().satisfies(path -> assertThat(path).endsWith(".findings")));
        assertThat(tracing.request(incoming).state()).isEqualTo(TraceState.ACKNOWLEDGED);
    }

    @Test
    void shouldPrefillARequestFromASeizedWeaponAndQueueItForTheRecipient() {
        String serial = unique("PF");
        WeaponId weapon = seizedRifle(serial);
        TraceRequestForm prefilled = tracing.prefill(weapon);
        assertThat(prefilled.recoveryKind()).isEqualTo(EventKind.SEIZED);
        assertThat(prefilled.recoveredPlace()).isEqualTo("Border post East");
        assertThat(prefilled.serial()).isEqualTo(serial);
        assertThat(prefilled.markings()).extracting(TraceMarking::kind).contains("SERIAL", "IMPORT");
        assertThat(tracing.recipients(prefilled)).extracting(Recipient::country, Recipient::reason)
                .startsWith(org.assertj.core.groups.Tuple.tuple("RU", Recipient.Reason.MANUFACTURE),
                        org.assertj.core.groups.Tuple.tuple("FR", Recipient.Reason.LAST_IMPORT));

        TraceRequestForm form = new TraceRequestForm(weapon.value(), "RU-NCB", prefilled.recoveryKind(), prefilled.recoveredOn(),
                prefilled.recoveredPlace(), prefilled.circumstances(), "Smuggled across the border", "Arms Act s. 12",
                "Criminal proceedings CASE-1", prefilled.type(), prefilled.maker(), prefilled.model(), prefilled.calibre(),
                prefilled.serial(), prefilled.countryOfManufacture(), prefilled.yearOfManufacture(), prefilled.markings());
        registry.addPhoto(weapon, "Receiver markings", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        TraceId id = tracing.draft(form);
        tracing.send(id);

        TraceRequest sent = tracing.request(id);
        assertThat(sent.photos()).extracting(TraceRequest.PhotoRef::caption).containsExactly("Receiver markings");
        assertThat(sent.state()).isEqualTo(TraceState.SENT);
        assertThat(sent.dueOn()).isEqualTo(LocalDate.now().plusDays(tracing.reasonableDays()));
        assertThat(sent.steps()).extracting(TraceStep::kind).containsExactly(TraceStepKind.DRAFTED, TraceStepKind.SENT);
        assertThat(sent.steps()).allSatisfy(s -> assertThat(s.username()).isEqualTo("officer"));
        List<TracingFixtures.Queued> queued = outbox(jdbc, sent.conversationId());
        assertThat(queued).singleElement().satisfies(q -> {
            assertThat(q.recipient()).isEqualTo("RU-NCB");
            assertThat(q.type()).isEqualTo("tracing.request");
            assertThat(q.payload()).contains("\"v\":1", serial, "Arms Act s. 12", "\"intendedUse\":\"Criminal proceedings CASE-1\"",
                    "Receiver markings", "iVBORw==");
        });
        assertThatThrownBy(() -> tracing.update(id, form)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void shouldRefuseToSendPhotosTooLargeForThePeersInboxNamingThePhotos() {
        String serial = unique("PH");
        WeaponId weapon = seizedRifle(serial);
        registry.addPhoto(weapon, "Receiver", "image/jpeg", jpeg(5 * 1024 * 1024));
        registry.addPhoto(weapon, "Barrel", "image/jpeg", jpeg(4 * 1024 * 1024));
        TraceId id = tracing.draft(complete(weapon.value(), "RU-NCB", serial));

        assertThatThrownBy(() -> tracing.send(id)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.kind()).isEqualTo(UserFacingException.Kind.INVALID);
            assertThat(e.violations()).extracting(Violation::field, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("photos", "tracing.photos.tooLarge"));
            assertThat(e.violations().get(0).args()).containsExactly("9.0", "8.0");
        });
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.DRAFT);
        assertThat(outbox(jdbc, tracing.request(id).conversationId())).isEmpty();
    }

    @Test
    void shouldRecordAnIncomingRequestOnceAndAcknowledgeIt() {
        UUID conversation = UUID.randomUUID();
        String payload = requestPayload(conversation, "KE-NFP", unique("IN"), "Kalashnikov");
        MessageId first = receive(events, tx, "KE-NFP", conversation, "tracing.request", payload);
        receive(events, tx, first, "KE-NFP", conversation, "tracing.request", payload); // the same message twice
        receive(events, tx, "KE-NFP", conversation, "tracing.request", payload); // the same request under another message id
        await().pollInSameThread().atMost(WAIT).until(() -> outbox(jdbc, conversation).size() >= 1);
        // all three deliveries handled by the tracing listener (not only the first), before counting
        await().pollInSameThread().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%MessageReceived'
                  AND serialized_event LIKE :c""").param("c", "%" + conversation + "%").query(Long.class).single() == 0);

        assertThat(jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c").param("c", conversation)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(outbox(jdbc, conversation)).singleElement().satisfies(q -> {
            assertThat(q.type()).isEqualTo("tracing.ack");
            assertThat(q.recipient()).isEqualTo("KE-NFP");
        });
        UUID id = jdbc.sql("SELECT id FROM trace_request WHERE conversation_id = :c").param("c", conversation).query(UUID.class).single();
        TraceSummary inbox = tracing.inbox(new org.opensalw.shared.PageRequest(0, 500)).items().stream().filter(s -> s.id().value().equals(id)).findFirst().orElseThrow();
        assertThat(inbox.state()).isEqualTo(TraceState.ACKNOWLEDGED);
        assertThat(tracing.request(inbox.id()).photos()).extracting(TraceRequest.PhotoRef::caption).containsExactly("Receiver");
        assertThat(tracing.photo(tracing.request(inbox.id()).photos().get(0).id())).hasValueSatisfying(p ->
                assertThat(p.content()).containsExactly(1, 2, 3, 4));
        assertThat(tracing.request(inbox.id()).steps()).extracting(TraceStep::kind)
                .containsExactly(TraceStepKind.RECEIVED, TraceStepKind.ACKNOWLEDGED);
    }

    @Test
    void shouldTakeTheRequesterFromThePeerListNotFromThePayload() {
        TracingFixtures.trust(peers, "TZ-NFP", NodeRole.NATIONAL, "TZ", "Tanzania NFP");
        UUID conversation = UUID.randomUUID();
        // the payload says Kenya
        MessageId message = receive(events, tx, "TZ-NFP", conversation, "tracing.request",
                requestPayload(conversation, "TZ-NFP", unique("PL"), "Kalashnikov"));
        awaitProcessed(jdbc, message);

        assertThat(jdbc.sql("SELECT counterpart_node, counterpart_country, counterpart_name FROM trace_request WHERE conversation_id = :c")
                .param("c", conversation).query().singleRow())
                .containsEntry("counterpart_node", "TZ-NFP").containsEntry("counterpart_country", "TZ")
                .containsEntry("counterpart_name", "Tanzania NFP");
    }

    @Test
    void shouldRefuseARequestFromAHub() {
        TracingFixtures.trust(peers, "HUB-EAC", NodeRole.HUB, null, "East African hub");
        UUID conversation = UUID.randomUUID();
        MessageId message = receive(events, tx, "HUB-EAC", conversation, "tracing.request",
                requestPayload(conversation, "HUB-EAC", unique("HR"), "Kalashnikov"));
        awaitProcessed(jdbc, message);

        assertThat(jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c").param("c", conversation)
                .query(Long.class).single()).isZero();
        assertThat(outbox(jdbc, conversation)).as("nothing acknowledged").isEmpty();
        List<String> refusals = audited(jdbc, "tracing.refused", conversation);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("tracing.request", "HUB");
    }

    @Test
    void shouldConsumeARequestWithANullMarkingAsUnreadableInsteadOfRetryingItForever() {
        UUID conversation = UUID.randomUUID();
        String payload = requestPayload(conversation, "KE-NFP", unique("NM"), "Kalashnikov")
                .replaceFirst("\"markings\":\\[\\{[^]]*\\}\\]", "\"markings\":[null]");
        assertThat(payload).contains("\"markings\":[null]");
        MessageId message = receive(events, tx, "KE-NFP", conversation, "tracing.request", payload);
        awaitProcessed(jdbc, message); // seen and done with: not rolled back to run again at every start

        assertThat(jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c").param("c", conversation)
                .query(Long.class).single()).isZero();
        assertThat(audited(jdbc, "tracing.unreadable", conversation)).singleElement().asString().contains("tracing.request");
    }

    @Test
    void shouldRefuseARequestIdHeldAlreadyFromAnotherNode() {
        UUID conversation = UUID.randomUUID();
        String serial = unique("SI");
        MessageId first = receive(events, tx, "KE-NFP", conversation, "tracing.request", requestPayload(conversation, "KE-NFP", serial, "Kalashnikov"));
        awaitProcessed(jdbc, first);
        TracingFixtures.trust(peers, "UG-NFP", NodeRole.NATIONAL, "UG", "Uganda NFP");
        MessageId second = receive(events, tx, "UG-NFP", conversation, "tracing.request",
                requestPayload(conversation, "UG-NFP", serial, "Kalashnikov"));
        awaitProcessed(jdbc, second);

        assertThat(jdbc.sql("SELECT counterpart_node FROM trace_request WHERE conversation_id = :c").param("c", conversation)
                .query(String.class).list()).containsExactly("KE-NFP");
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::recipient).containsExactly("KE-NFP");
        List<String> refusals = audited(jdbc, "tracing.refused", conversation);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("held already", "KE-NFP");
    }

    @Test
    void shouldTakeOnlyImagePhotosFromAPeer() {
        UUID conversation = UUID.randomUUID();
        String svg = java.util.Base64.getEncoder().encodeToString(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"/>".getBytes());
        String payload = requestPayload(conversation, "KE-NFP", unique("SV"), "Kalashnikov").replace(
                "\"photos\":[{\"caption\":\"Receiver\",\"contentType\":\"image/png\",\"base64\":\"AQIDBA==\"}]",
                "\"photos\":[{\"caption\":\"Receiver\",\"contentType\":\"image/PNG\",\"base64\":\"AQIDBA==\"},"
                        + "{\"caption\":\"Barrel\",\"contentType\":\"image/svg+xml\",\"base64\":\"" + svg + "\"},"
                        + "{\"caption\":\"Page\",\"contentType\":\"text/html\",\"base64\":\"" + svg + "\"}]");
        assertThat(payload).contains("image/svg+xml");
        MessageId message = receive(events, tx, "KE-NFP", conversation, "tracing.request", payload);
        awaitProcessed(jdbc, message);

        UUID id = jdbc.sql("SELECT id FROM trace_request WHERE conversation_id = :c").param("c", conversation).query(UUID.class).single();
        assertThat(tracing.photos(new TraceId(id))).extracting(TraceRequest.PhotoRef::caption, TraceRequest.PhotoRef::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Receiver", "image/png"));
        assertThat(audited(jdbc, "tracing.photo.refused", id)).hasSize(2).anySatisfy(d -> assertThat(d).contains("Barrel", "image/svg+xml"));
        assertThat(tracing.request(new TraceId(id)).state()).isEqualTo(TraceState.ACKNOWLEDGED);
    }

    @Test
    void shouldAnswerFromTheRecordWithTheLastLegalHolderAndThePointOfDiversion() {
        String serial = unique("AN");
        HolderId dealer = registry.registerHolder(new HolderForm(HolderKind.COMPANY, "Armurerie Centrale " + serial, "FR", null, null,
                null, null, "RC-" + serial, "dealer"));
        WeaponId weapon = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM",
                "7.62x39mm", "RU", 1980, serial), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2001, 3, 4)).withCountry("RU"),
                null, null));
        registry.recordEvent(weapon, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2002, 1, 10)).withHolder(dealer.value()));
        registry.recordEvent(weapon, new EventCommand(EventKind.REPORTED_STOLEN, LocalDate.of(2019, 7, 1), "Lyon", null, null, null,
                null, null, null, null));
        TraceId id = incoming("KE-NFP", serial);

        await().pollInSameThread().atMost(WAIT).until(() -> tracing.answerScreen(id, null, false).weapon() != null);
        AnswerScreen screen = tracing.answerScreen(id, null, true);
        assertThat(screen.identified().candidates().get(0).weaponId()).isEqualTo(weapon);
        assertThat(screen.proposed().outcome()).isEqualTo(Outcome.FULL);
        assertThat(screen.proposed().lastLegalHolder().name()).isEqualTo("Armurerie Centrale " + serial);
        assertThat(screen.proposed().pointOfDiversion().event()).isEqualTo("REPORTED_STOLEN");
        assertThat(screen.proposed().permittedUse()).isEqualTo("Criminal investigation CASE-9");

        tracing.answer(id, new AnswerForm(Outcome.FULL, weapon.value(), "Stolen from a dealer", null, "Criminal investigation CASE-9",
                null, true));
        TraceRequest answered = tracing.request(id);
        assertThat(answered.state()).isEqualTo(TraceState.ANSWERED);
        assertThat(answered.answer().originEstablished()).isTrue();
        assertThat(outbox(jdbc, answered.conversationId())).extracting(TracingFixtures.Queued::type, TracingFixtures.Queued::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tracing.ack", "KE-NFP"),
                        org.assertj.core.groups.Tuple.tuple("tracing.answer", "KE-NFP"));
        assertThat(outbox(jdbc, answered.conversationId()).get(1).payload()).contains("Armurerie Centrale " + serial, "REPORTED_STOLEN",
                "\"permittedUse\":\"Criminal investigation CASE-9\"");
    }

    @Test
    void shouldRequireTheReasonOfARestrictedAnswerAndSendNothingOfTheRecord() {
        String serial = unique("RS");
        WeaponId weapon = seizedRifle(serial);
        TraceId id = incoming("KE-NFP", serial);
        assertThatThrownBy(() -> tracing.answer(id, new AnswerForm(Outcome.RESTRICTED, weapon.value(), null, " ", "Investigation", null,
                false))).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("restrictionReason"));

        tracing.answer(id, new AnswerForm(Outcome.RESTRICTED, weapon.value(), null, "Ongoing national investigation", "Investigation",
                false, false));
        TraceAnswer answer = tracing.request(id).answer();
        assertThat(answer.restrictionReason()).isEqualTo("Ongoing national investigation");
        assertThat(answer.history()).isEmpty();
        assertThat(answer.lastLegalHolder()).isNull();
        String payload = outbox(jdbc, tracing.request(id).conversationId()).get(1).payload();
        assertThat(payload).contains("RESTRICTED", "Ongoing national investigation").doesNotContain("IMPORTED");
    }

    @Test
    void shouldFollowDeliveryAcknowledgementAndAnswerOnlyFromTheRequestedNode() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("LF")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        MessageId requestMessage = new MessageId(outbox(jdbc, conversation).get(0).id());
        tx.executeWithoutResult(s -> events.publishEvent(new MessageDelivered(requestMessage, new NodeId("RU-NCB"), conversation.toString(),
                "tracing.request", Instant.now())));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).state() == TraceState.DELIVERED);
        receive(events, tx, "RU-NCB", conversation, "tracing.ack",
                "{\"v\":1,\"requestId\":\"" + conversation + "\",\"acknowledgedAt\":\"2025-06-02T10:00:00Z\",\"dueOn\":\"2025-07-02\"}");
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).state() == TraceState.ACKNOWLEDGED);

        String answer = """
                {"v":1,"requestId":"%s","answer":{"outcome":"PARTIAL","originEstablished":true,"findings":"Exported in 1990",
                 "permittedUse":"Criminal proceedings CASE-1","history":[],"answeredAt":"2025-06-03T10:00:00Z","answeredBy":"%s"}}""";
        receive(events, tx, "XX-OTHER", conversation, "tracing.answer", answer.formatted(conversation, "someone else"));
        receive(events, tx, "RU-NCB", conversation, "tracing.message",
                "{\"v\":1,\"requestId\":\"" + conversation + "\",\"kind\":\"QUESTION\",\"body\":\"Any photo of the receiver?\",\"author\":\"ivanov\"}");
        await().pollInSameThread().atMost(WAIT).until(() -> !tracing.request(id).thread().isEmpty());
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.ACKNOWLEDGED);

        receive(events, tx, "RU-NCB", conversation, "tracing.answer", answer.formatted(conversation, "Russia NCB"));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).state() == TraceState.ANSWERED);
        TraceRequest answered = tracing.request(id);
        assertThat(answered.answer().answeredBy()).isEqualTo("Russia NCB");
        assertThat(answered.thread()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("Any photo of the receiver?"));
        assertThat(answered.steps()).extracting(TraceStep::kind).containsSubsequence(TraceStepKind.SENT, TraceStepKind.DELIVERED,
                TraceStepKind.ACKNOWLEDGEMENT_RECEIVED, TraceStepKind.MESSAGE_RECEIVED, TraceStepKind.ANSWER_RECEIVED);

        tracing.post(id, "Thank you");
        tracing.close(id, "Answered");
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::type).containsSubsequence("tracing.request",
                "tracing.message", "tracing.close");
        assertThat(tracing.request(id).state()).isEqualTo(TraceState.CLOSED);
    }

    @Test
    void shouldShowAnUndeliverableRequest() {
        TracingFixtures.trust(peers, "ZZ-GONE", NodeRole.NATIONAL, "ZZ", "A node gone since"); // a peer: a request goes to no other
        TraceId id = tracing.draft(complete(null, "ZZ-GONE", unique("UD")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        tx.executeWithoutResult(s -> events.publishEvent(new MessageUndeliverable(new MessageId(outbox(jdbc, conversation).get(0).id()),
                new NodeId("ZZ-GONE"), conversation.toString(), "tracing.request", "connection refused after 12 attempts")));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).undeliverable() != null);
        assertThat(tracing.request(id).undeliverable()).contains("connection refused");
        assertThat(tracing.request(id).steps()).extracting(TraceStep::kind).contains(TraceStepKind.UNDELIVERABLE);
    }

    @Test
    void shouldClearTheUndeliverableMarkWhenAFollowUpIsDeliveredOnRetry() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("UR")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        tracing.post(id, "Any photo of the receiver?");
        MessageId question = new MessageId(outbox(jdbc, conversation).get(1).id());
        tx.executeWithoutResult(s -> events.publishEvent(new MessageUndeliverable(question, new NodeId("RU-NCB"), conversation.toString(),
                "tracing.message", "connection refused after 30 attempts")));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).undeliverable() != null);

        // an administrator's retry goes through
        tx.executeWithoutResult(s -> events.publishEvent(new MessageDelivered(question, new NodeId("RU-NCB"), conversation.toString(),
                "tracing.message", Instant.now())));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).steps().stream()
                .anyMatch(s -> s.kind() == TraceStepKind.DELIVERED && "tracing.message".equals(s.body())));
        assertThat(tracing.request(id).undeliverable()).isNull();
    }

    @Test
    void shouldKeepShowingAnUndeliveredRequestWhenALaterMessageIsDelivered() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("UL")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        MessageId request = new MessageId(outbox(jdbc, conversation).get(0).id());
        tx.executeWithoutResult(s -> events.publishEvent(new MessageUndeliverable(request, new NodeId("RU-NCB"), conversation.toString(),
                "tracing.request", "413 Payload Too Large")));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).undeliverable() != null);
        tracing.post(id, "Did the request arrive?");
        MessageId question = new MessageId(outbox(jdbc, conversation).get(1).id());
        tx.executeWithoutResult(s -> events.publishEvent(new MessageDelivered(question, new NodeId("RU-NCB"), conversation.toString(),
                "tracing.message", Instant.now())));
        await().pollInSameThread().atMost(WAIT).until(() -> tracing.request(id).steps().stream()
                .anyMatch(s -> s.kind() == TraceStepKind.DELIVERED));

        assertThat(tracing.request(id).undeliverable()).isEqualTo("tracing.request: 413 Payload Too Large");
    }

    @Test
    void shouldGiveDraftsSavedAtOnceDistinctReferences() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<TraceId>> drafts = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String serial = unique("REF");
                drafts.add(pool.submit(() -> org.opensalw.identity.SystemActor.run("ref-test", org.opensalw.identity.Role.INVESTIGATOR,
                        () -> tracing.draft(complete(null, "RU-NCB", serial)))));
            }
            java.util.Set<String> references = new java.util.HashSet<>();
            for (var d : drafts) {
                references.add(tracing.request(d.get()).reference());
            }
            assertThat(references).hasSize(16);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldListOverdueRequestsAndRemindOncePerReasonableTime() {
        TraceId mine = tracing.draft(complete(null, "RU-NCB", unique("OD")));
        tracing.send(mine);
        TraceId theirs = incoming("KE-NFP", unique("OD"));
        for (TraceId id : List.of(mine, theirs)) {
            jdbc.sql("UPDATE trace_request SET due_on = :d WHERE id = :id").param("d", LocalDate.now().minusDays(1)).param("id", id.value()).update();
        }
        assertThat(tracing.overdue()).extracting(TraceSummary::id).contains(mine, theirs);
        assertThat(tracing.overdueCount()).isEqualTo(tracing.overdue().size());
        assertThat(reminders.remindOverdue()).isGreaterThanOrEqualTo(2);
        assertThat(outbox(jdbc, tracing.request(mine).conversationId())).extracting(TracingFixtures.Queued::type)
                .containsExactly("tracing.request", "tracing.message");
        assertThat(tracing.request(theirs).steps()).extracting(TraceStep::kind).contains(TraceStepKind.REMINDED);
        reminders.remindOverdue();
        assertThat(tracing.request(mine).steps()).filteredOn(s -> s.kind() == TraceStepKind.REMINDED).hasSize(1);
    }

    @Test
    void shouldGoOnRemindingWhenOneReminderFails() {
        TraceId broken = tracing.draft(complete(null, "RU-NCB", unique("RF")));
        tracing.send(broken);
        TraceId fine = tracing.draft(complete(null, "RU-NCB", unique("RF")));
        tracing.send(fine);
        // the broken one comes first and cannot be sent (a node does not message itself)
        jdbc.sql("UPDATE trace_request SET due_on = :d, counterpart_node = :self WHERE id = :id").param("d", LocalDate.now().minusDays(30))
                .param("self", tracing.self().id().value()).param("id", broken.value()).update();
        jdbc.sql("UPDATE trace_request SET due_on = :d WHERE id = :id").param("d", LocalDate.now().minusDays(1)).param("id", fine.value()).update();

        reminders.remindOverdue();

        assertThat(tracing.request(fine).steps()).extracting(TraceStep::kind).contains(TraceStepKind.REMINDED);
        assertThat(tracing.request(broken).steps()).extracting(TraceStep::kind).doesNotContain(TraceStepKind.REMINDED);
    }

    @Test
    void shouldConsumeAPayloadOfAnUnknownVersionWithoutTakingItIn() {
        UUID conversation = UUID.randomUUID();
        MessageId id = receive(events, tx, "KE-NFP", conversation, "tracing.request",
                requestPayload(conversation, "KE-NFP", unique("V2"), "Kalashnikov").replace("\"v\":1", "\"v\":2"));
        await().pollInSameThread().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM trace_message_seen WHERE message_id = :id")
                .param("id", id.value()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c").param("c", conversation).query(Long.class)
                .single()).isZero();
        assertThat(outbox(jdbc, conversation)).isEmpty();
    }

    @Test
    void shouldRefuseToChangeOrDeleteARecordedStep() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("AO")));
        assertThatThrownBy(() -> jdbc.sql("UPDATE trace_step SET username = 'x' WHERE request_id = :id").param("id", id.value()).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM trace_step WHERE request_id = :id").param("id", id.value()).update())
                .hasStackTraceContaining("append-only");
    }

    @Test
    void shouldListTheOutboxAPageAtATimeWithoutLosingOrRepeatingARequest() {
        java.util.Set<java.util.UUID> drafted = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            drafted.add(tracing.draft(new TraceRequestForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null)).value());
        }
        java.util.List<java.util.UUID> seen = new java.util.ArrayList<>();
        org.opensalw.shared.Page<TraceSummary> page = tracing.outbox(new org.opensalw.shared.PageRequest(0, 2));
        assertThat(page.items()).hasSize(2);
        assertThat(page.hasNext()).isTrue();
        while (true) {
            page.items().forEach(s -> seen.add(s.id().value()));
            if (!page.hasNext()) {
                break;
            }
            page = tracing.outbox(new org.opensalw.shared.PageRequest(page.page() + 1, 2));
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(drafted);
    }

    /** Bytes that begin as a JPEG does (photos are checked to be what they say). */
    private static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }
}
