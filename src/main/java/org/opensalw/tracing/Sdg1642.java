package org.opensalw.tracing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * SDG indicator 16.4.2 for a period: the proportion of seized, found or surrendered arms whose illicit origin or context
 * has been traced or established by a competent authority. Each line is one disaggregation (all, by kind of recovery,
 * by class, by weapon type) with its denominator, its numerator and the count per outcome. Tracing lags: figures of a
 * past period rise as answers arrive, so a figure is as of {@code computedOn}.
 */
public record Sdg1642(LocalDate from, LocalDate to, LocalDate computedOn, List<Line> lines) {

    public record Line(String dimension, String value, long recovered, long established, Map<SdgOutcome, Long> outcomes) {

        /** Numerator over denominator, in percent with one decimal; null when nothing was recovered. */
        public Double percent() {
            return recovered == 0 ? null : Math.round(1000.0 * established / recovered) / 10.0;
        }

        public long count(SdgOutcome o) {
            return outcomes.getOrDefault(o, 0L);
        }
    }

    public Line total() {
        return lines.get(0);
    }

    public List<Line> by(String dimension) {
        return lines.stream().filter(l -> l.dimension().equals(dimension)).toList();
    }
}
