package org.opensalw.assistance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.Criterion;
import org.opensalw.assistance.MatchReason;
import org.opensalw.assistance.MatchWeights;

/**
 * Scores how well a resource (an offer) fits a need (a request), criterion by criterion, with the reasons
 * (issue 6, item 4: area, region, language, amount and timing fit, earlier support). An offer outside the
 * request's area or region is no match at all: its thematic and geographic scope excludes it.
 */
public final class MatchScorer {

    /** What a request needs; region and sub-region are the M49 ones of the beneficiary state. */
    public record Need(String country, String region, String subRegion, Area area, BigDecimal cost, LocalDate start,
            LocalDate end, Set<String> languages) {
    }

    /** What an offer gives; empty areas or regions mean any; {@code available} is null for in-kind offers. */
    public record Resource(UUID providerId, Set<Area> areas, Set<String> regions, BigDecimal available, LocalDate from,
            LocalDate to, Set<String> languages) {
    }

    public record Scored(double score, List<MatchReason> reasons) {
    }

    private MatchScorer() {
    }

    /** @param earlierProjects projects this provider already ran or runs with the beneficiary state */
    public static Optional<Scored> score(Need need, Resource offer, int earlierProjects, MatchWeights weights) {
        double area = offer.areas().isEmpty() ? 0.5 : offer.areas().contains(need.area()) ? 1 : 0;
        double region = regionFit(need, offer.regions());
        if (area == 0 || region == 0) {
            return Optional.empty();
        }
        List<MatchReason> reasons = new ArrayList<>(6);
        double total = weights.total();
        add(reasons, Criterion.AREA, area, weights, total, offer.areas().isEmpty() ? "any" : need.area().name());
        add(reasons, Criterion.REGION, region, weights, total, offer.regions().isEmpty() ? "any" : need.subRegion());
        double language = languageFit(need.languages(), offer.languages());
        add(reasons, Criterion.LANGUAGE, language, weights, total, String.join(", ", intersection(need.languages(), offer.languages())));
        add(reasons, Criterion.AMOUNT, amountFit(need.cost(), offer.available()), weights, total,
                offer.available() == null ? "in-kind" : offer.available().setScale(0, RoundingMode.DOWN).toPlainString());
        add(reasons, Criterion.TIMING, timingFit(need.start(), need.end(), offer.from(), offer.to()), weights, total, "");
        add(reasons, Criterion.HISTORY, Math.min(earlierProjects, 3) / 3.0, weights, total, String.valueOf(earlierProjects));
        double score = reasons.stream().mapToDouble(MatchReason::points).sum();
        return Optional.of(new Scored(Math.round(score * 10) / 10.0, List.copyOf(reasons)));
    }

    private static void add(List<MatchReason> reasons, Criterion c, double fit, MatchWeights w, double total, String detail) {
        String code = "assistance.reason." + c.name().toLowerCase() + (fit >= 0.99 ? ".full" : fit > 0 ? ".partial" : ".none");
        reasons.add(new MatchReason(c, fit, 100.0 * w.of(c) * fit / total, code, detail));
    }

    static double regionFit(Need need, Set<String> regions) {
        if (regions.isEmpty()) {
            return 0.5;
        }
        if (regions.contains(need.subRegion()) || regions.contains(need.country())) {
            return 1;
        }
        return regions.contains(need.region()) ? 0.8 : 0;
    }

    static double languageFit(Set<String> wanted, Set<String> offered) {
        if (wanted.isEmpty() || offered.isEmpty()) {
            return 0.5;
        }
        return Collections.disjoint(wanted, offered) ? 0 : 1;
    }

    static double amountFit(BigDecimal cost, BigDecimal available) {
        if (available == null || cost == null || cost.signum() <= 0) {
            return 0.5;
        }
        return available.compareTo(cost) >= 0 ? 1 : available.doubleValue() / cost.doubleValue();
    }

    /** Share of the request's period that the offer covers; unknown periods count half. */
    static double timingFit(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        if (start == null || end == null || (from == null && to == null)) {
            return 0.5;
        }
        LocalDate a = from == null || from.isBefore(start) ? start : from;
        LocalDate b = to == null || to.isAfter(end) ? end : to;
        long wanted = Math.max(1, ChronoUnit.DAYS.between(start, end));
        long covered = ChronoUnit.DAYS.between(a, b);
        return covered <= 0 ? 0 : Math.min(1, covered / (double) wanted);
    }

    private static List<String> intersection(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).sorted().toList();
    }
}
