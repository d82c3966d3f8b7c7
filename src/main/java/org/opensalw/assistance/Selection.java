package org.opensalw.assistance;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a selection and why: each proposal's line says whether it was chosen and, if not, what kept it
 * out (eligibility, no review, region cap, budget, or a better-valued combination).
 */
public record Selection(CallId callId, double totalValue, BigDecimal totalCost, BigDecimal budget, Set<String> unmetPriorityRegions,
        boolean exact, List<Line> lines) {

    /**
     * What became of a proposal. The arguments that explain it ({@link Line#args()}): SELECTED and LOWER_VALUE, the
     * value, then the area when it is a thematic priority (+10%); INELIGIBLE, the rules not met; OVER_REGION_CAP, the
     * region, what it already gets, the cost and the region's cap; OVER_BUDGET, the cost and what is left; NOT_REVIEWED, none.
     */
    public enum Outcome { SELECTED, INELIGIBLE, NOT_REVIEWED, OVER_REGION_CAP, OVER_BUDGET, LOWER_VALUE }

    /** {@code detail} is the plain-text reason kept in the selection's record; {@code args} are its parts, for the reader's language. */
    public record Line(ProposalId proposalId, String title, String region, BigDecimal amount, Double value, Outcome outcome, String detail,
            List<String> args) {

        public Note note() {
            return new Note(outcome, args);
        }
    }

    /**
     * A proposal's selection note as the proposal keeps it, by outcome and arguments ({@code OUTCOME|arg|arg}), with no
     * word of any language: each reader is told it in theirs.
     */
    public record Note(Outcome outcome, List<String> args) {

        public Note {
            args = List.copyOf(args);
        }

        public String stored() {
            return outcome.name() + (args.isEmpty() ? "" : "|" + String.join("|", args));
        }

        /** The note of a stored text; empty for none, and for a note written in words before notes were kept this way. */
        public static Optional<Note> parse(String stored) {
            if (stored == null || stored.isBlank()) {
                return Optional.empty();
            }
            String[] parts = stored.split("\\|", -1);
            return Arrays.stream(Outcome.values()).filter(o -> o.name().equals(parts[0])).findFirst()
                    .map(o -> new Note(o, Arrays.asList(parts).subList(1, parts.length)));
        }
    }
}
