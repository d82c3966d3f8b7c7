package org.opensalw.assistance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a selection and why: each proposal's line says whether it was chosen and, if not, what kept it
 * out (eligibility, no review, region cap, budget, or a better-valued combination).
 */
public record Selection(CallId callId, double totalValue, BigDecimal totalCost, BigDecimal budget, Set<String> unmetPriorityRegions,
        boolean exact, List<Line> lines) {

    public enum Outcome { SELECTED, INELIGIBLE, NOT_REVIEWED, OVER_REGION_CAP, OVER_BUDGET, LOWER_VALUE }

    public record Line(ProposalId proposalId, String title, String region, BigDecimal amount, Double value, Outcome outcome, String detail) {
    }
}
