package org.opensalw.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.Outcome;

class AnswerRulesTests {

    @Test
    void shouldRequireTheReasonOfARestriction() {
        assertThat(AnswerRules.check(new AnswerForm(Outcome.RESTRICTED, null, null, null, "Investigation", null, false)))
                .extracting(Violation::field).containsExactly("restrictionReason");
    }

    @Test
    void shouldRequireTheRecordOfAFullAnswer() {
        assertThat(AnswerRules.check(new AnswerForm(Outcome.FULL, null, null, null, "Investigation", null, false)))
                .extracting(Violation::field).containsExactly("weaponId");
        assertThat(AnswerRules.check(new AnswerForm(Outcome.FULL, UUID.randomUUID(), null, null, "Investigation", null, false))).isEmpty();
    }

    @Test
    void shouldRequireTheUseTheAnswerMayServe() {
        assertThat(AnswerRules.check(new AnswerForm(Outcome.NOT_FOUND, null, null, null, " ", null, false)))
                .extracting(Violation::field).containsExactly("permittedUse");
    }
}
