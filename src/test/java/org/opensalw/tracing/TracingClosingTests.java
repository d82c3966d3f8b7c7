package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensalw.tracing.TracingFixtures.audited;
import static org.opensalw.tracing.TracingFixtures.awaitProcessed;
import static org.opensalw.tracing.TracingFixtures.complete;
import static org.opensalw.tracing.TracingFixtures.outbox;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.requestPayload;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.security.test.context.support.WithMockUser;

/** Closing a request, on the side that made it and on the side that was asked, and what may follow a closing. */
@TestDatabase
@WithMockUser(username = "officer", roles = {"REGISTRAR", "INVESTIGATOR"})
class TracingClosingTests extends PeerMessageTests {

    @Test
    void shouldCloseAReceivedRequestOnThisNodeOnlyWithoutSendingAClosingTheRequesterWouldRefuse() {
        UUID conversation = UUID.randomUUID();
        awaitProcessed(jdbc, receive(events, tx, "KE-NFP", conversation, "tracing.request",
                requestPayload(conversation, "KE-NFP", unique("CL"), "Kalashnikov")));
        TraceId id = new TraceId(jdbc.sql("SELECT id FROM trace_request WHERE conversation_id = :c AND direction = 'INCOMING'")
                .param("c", conversation).query(UUID.class).single());

        tracing.close(id, "No such weapon here");

        TraceRequest closed = tracing.request(id);
        assertThat(closed.state()).isEqualTo(TraceState.CLOSED);
        assertThat(closed.steps()).extracting(TraceStep::kind).endsWith(TraceStepKind.CLOSED);
        assertThat(outbox(jdbc, conversation)).as("the acknowledgement only: a closing goes requester to requested")
                .extracting(TracingFixtures.Queued::type).containsExactly("tracing.ack");
        assertThat(audited(jdbc, "tracing.close", id.value())).singleElement()
                .satisfies(d -> assertThat(d).contains("on this node only"));
    }

    @Test
    void shouldTellTheRequestedNodeWhenClosingARequestThisNodeMade() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("CO")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();

        tracing.close(id, "Traced by other means");

        assertThat(tracing.request(id).state()).isEqualTo(TraceState.CLOSED);
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::type, TracingFixtures.Queued::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tracing.request", "RU-NCB"),
                        org.assertj.core.groups.Tuple.tuple("tracing.close", "RU-NCB"));
    }

    @Test
    void shouldRefuseAMessageInTheThreadOfAClosedRequest() {
        TraceId id = tracing.draft(complete(null, "RU-NCB", unique("CM")));
        tracing.send(id);
        UUID conversation = tracing.request(id).conversationId();
        tracing.close(id, "Traced by other means");

        assertThatThrownBy(() -> tracing.post(id, "One more question")).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
            assertThat(e.violations()).extracting(Violation::code).containsExactly("tracing.message.closed");
        });
        assertThat(outbox(jdbc, conversation)).extracting(TracingFixtures.Queued::type)
                .containsExactly("tracing.request", "tracing.close");
        assertThat(tracing.request(id).steps()).extracting(TraceStep::kind).doesNotContain(TraceStepKind.MESSAGE_SENT);
    }
}
