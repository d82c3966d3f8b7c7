package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the assistance tests build again and again: complete reviews, answered questionnaires, proposals. */
final class AssistanceFixtures {

    private AssistanceFixtures() {
    }

    /** A complete review: the same score on every criterion of the call (a review must score them all). */
    static Map<String, Integer> everyCriterion(FundingCalls calls, CallId call, int score) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        calls.call(call).criteria().keySet().forEach(c -> scores.put(c, score));
        return scores;
    }

    /** Every question of the questionnaire answered 3 (no gap), but for the answers given (scoring needs them all). */
    static Map<String, Integer> allAnswered(BaselineAssessments assessments, Map<String, Integer> given) {
        Map<String, Integer> answers = new HashMap<>();
        assessments.questions().forEach(q -> answers.put(q.code(), 3));
        answers.putAll(given);
        return answers;
    }

    /** A proposal for record keeping in the country, of the amount, 12 months, gender mainstreamed. */
    /** A request of 120,000 for an electronic register in 2027, in French. */
    static NewRequest request(String country, Area area, String beneficiary) {
        return new NewRequest(country, area, "Electronic register for " + beneficiary, beneficiary, new BigDecimal("120000"),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), Set.of("fr"));
    }

    static NewProposal proposal(Actor applicant, String title, String country, String amount) {
        return new NewProposal(applicant.id(), title, country, Area.RECORD_KEEPING, new BigDecimal(amount), 12, true, null, Set.of(),
                false, false);
    }
}
