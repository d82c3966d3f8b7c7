package org.opensalw.assistance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensalw.assistance.EligibilityFinding;
import org.opensalw.assistance.FundingCall;
import org.opensalw.assistance.Proposal;
import org.opensalw.assistance.Selection;
import org.opensalw.assistance.Selection.Outcome;

/**
 * Turns a call's proposals into a {@link Selector} problem and its answer into reasons per proposal. The value of
 * a proposal is its reviewed value, raised by 10% when its area is one of the call's thematic priorities
 * (para 41); the call's geographic priorities must each get a project when the budget allows.
 */
public final class SelectionExplainer {

    static final double THEMATIC_BONUS = 1.10;

    private SelectionExplainer() {
    }

    public static double value(FundingCall call, Proposal p) {
        return p.reviewedValue() * (call.thematicPriorities().contains(p.area()) ? THEMATIC_BONUS : 1);
    }

    public static Selection select(FundingCall call, List<Proposal> proposals) {
        List<Selector.Item> items = new ArrayList<>();
        for (Proposal p : proposals) {
            if (p.eligible() && p.reviewedValue() != null) {
                items.add(new Selector.Item(p.id().value(), cost(p), value(call, p), p.region()));
            }
        }
        Selector.Constraints constraints = new Selector.Constraints(call.budget().longValue(), call.maxRegionShare().doubleValue(),
                call.geographicPriorities());
        Selector.Result result = Selector.select(items, constraints);
        Map<String, Long> spentByRegion = new HashMap<>();
        for (Proposal p : proposals) {
            if (result.selected().contains(p.id().value())) {
                spentByRegion.merge(p.region(), cost(p), Long::sum);
            }
        }
        long left = constraints.budget() - result.cost();
        List<Selection.Line> lines = new ArrayList<>();
        for (Proposal p : proposals) {
            lines.add(line(call, p, result, spentByRegion, left, constraints.regionCap()));
        }
        return new Selection(call.id(), round(result.value()), BigDecimal.valueOf(result.cost()), call.budget(),
                result.unmetRequiredRegions(), result.exact(), lines);
    }

    private static Selection.Line line(FundingCall call, Proposal p, Selector.Result result, Map<String, Long> spentByRegion,
            long left, long regionCap) {
        if (!p.eligible()) {
            List<String> failed = p.eligibility().stream().filter(f -> !f.passed()).map(EligibilityFinding::rule).map(Enum::name).toList();
            return line(p, null, Outcome.INELIGIBLE, String.join(", ", failed), failed);
        }
        if (p.reviewedValue() == null) {
            return line(p, null, Outcome.NOT_REVIEWED, "", List.of());
        }
        double value = round(value(call, p));
        boolean priority = call.thematicPriorities().contains(p.area());
        List<String> valued = priority ? List.of(String.valueOf(value), p.area().name()) : List.of(String.valueOf(value));
        String valueDetail = value + (priority ? " (+10% " + p.area() + ")" : "");
        if (result.selected().contains(p.id().value())) {
            return line(p, value, Outcome.SELECTED, valueDetail, valued);
        }
        long cost = cost(p);
        long regionSpent = spentByRegion.getOrDefault(p.region(), 0L);
        if (regionSpent + cost > regionCap) {
            return line(p, value, Outcome.OVER_REGION_CAP, p.region() + " " + regionSpent + " + " + cost + " > " + regionCap,
                    List.of(p.region(), String.valueOf(regionSpent), String.valueOf(cost), String.valueOf(regionCap)));
        }
        if (cost > left) {
            return line(p, value, Outcome.OVER_BUDGET, cost + " > " + left, List.of(String.valueOf(cost), String.valueOf(left)));
        }
        return line(p, value, Outcome.LOWER_VALUE, valueDetail, valued);
    }

    private static Selection.Line line(Proposal p, Double value, Outcome outcome, String detail, List<String> args) {
        return new Selection.Line(p.id(), p.title(), p.region(), p.amount(), value, outcome, detail, args);
    }

    /** A plain-text record of the selection, kept with it. */
    public static String text(Selection s) {
        StringBuilder out = new StringBuilder("value " + s.totalValue() + ", cost " + s.totalCost() + " of " + s.budget()
                + (s.exact() ? " (exact)" : " (costs rounded, then topped up)")
                + (s.unmetPriorityRegions().isEmpty() ? "" : ", priority regions not served: " + s.unmetPriorityRegions()) + "\n");
        s.lines().forEach(l -> out.append(l.outcome()).append(" | ").append(l.title()).append(" | ").append(l.amount())
                .append(" | ").append(l.detail()).append('\n'));
        return out.toString();
    }

    static long cost(Proposal p) {
        return p.amount().setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
