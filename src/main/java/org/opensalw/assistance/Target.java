package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A voluntary national or regional target with one indicator (paras 48-49), and its semi-annual progress. */
public record Target(TargetId id, String scope, String owner, String roadmap, String goal, String indicator, int baselineYear,
        BigDecimal baselineValue, BigDecimal targetValue, LocalDate targetDate, List<Progress> progress) {

    public record Progress(String period, BigDecimal value, String note, String by) {
    }

    /** Share of the way from baseline to target reached by the latest update, 0-1 (may exceed 1). */
    public double achieved() {
        if (progress.isEmpty() || targetValue.compareTo(baselineValue) == 0) {
            return 0;
        }
        BigDecimal latest = progress.get(progress.size() - 1).value();
        return latest.subtract(baselineValue).doubleValue() / targetValue.subtract(baselineValue).doubleValue();
    }
}
