package org.opensalw.tracing.internal;

import java.util.ArrayList;
import java.util.List;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.Outcome;

/** What an answer must say: its outcome, the record it comes from (unless not found), why it is restricted, its use. */
public final class AnswerRules {

    private AnswerRules() {
    }

    public static List<Violation> check(AnswerForm a) {
        List<Violation> out = new ArrayList<>();
        if (a.outcome() == null) {
            out.add(Violation.of("outcome", "tracing.outcome.required"));
            return out;
        }
        if ((a.outcome() == Outcome.FULL || a.outcome() == Outcome.PARTIAL) && a.weaponId() == null) {
            out.add(Violation.of("weaponId", "tracing.answer.weapon.required"));
        }
        // ITI para 21: a state that restricts its answer says why.
        if (a.outcome() == Outcome.RESTRICTED && blank(a.restrictionReason())) {
            out.add(Violation.of("restrictionReason", "tracing.restrictionReason.required"));
        }
        if (blank(a.permittedUse())) {
            out.add(Violation.of("permittedUse", "tracing.permittedUse.required"));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
