package org.opensalw.assistance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opensalw.assistance.internal.Amounts;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voluntary national and regional targets (paras 48-49) with indicators, baselines and semi-annual progress,
 * shown as a roadmap on the model of the Western Balkans SALW Control Roadmap (goals, KPIs, semi-annual reports).
 */
@Service
public class VoluntaryTargets {

    /** Semi-annual periods, as in the Western Balkans Roadmap reporting: 2024-H1, 2024-H2. */
    static final Pattern PERIOD = Pattern.compile("\\d{4}-H[12]");

    private final JdbcClient jdbc;
    private final Geography geography;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    VoluntaryTargets(JdbcClient jdbc, Geography geography, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public TargetId set(String scope, String owner, String roadmap, String goal, String indicator, int baselineYear,
            BigDecimal baselineValue, BigDecimal targetValue, LocalDate targetDate) {
        if (!"NATIONAL".equals(scope) && !"REGIONAL".equals(scope)) {
            throw UserFacingException.invalid("scope", "form.choice.invalid", scope);
        }
        for (String[] f : new String[][] {{"owner", owner}, {"roadmap", roadmap}, {"goal", goal}, {"indicator", indicator}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw UserFacingException.invalid(f[0], "form.required");
            }
        }
        // a national target's owner is a state: its ISO 3166-1 code, from the countries shipped as reference data (ZZ was taken);
        // a regional one names its region or grouping (Western Balkans), which no list holds
        String who = "NATIONAL".equals(scope) ? geography.require("owner", owner.trim().toUpperCase(Locale.ROOT)).alpha2() : owner.trim();
        if (baselineValue == null || targetValue == null || targetDate == null) {
            throw UserFacingException.invalid(baselineValue == null ? "baselineValue" : targetValue == null ? "targetValue" : "targetDate", "form.required");
        }
        Amounts.requireStorable("baselineValue", baselineValue);
        Amounts.requireStorable("targetValue", targetValue);
        if (targetDate.getYear() < baselineYear) {
            throw UserFacingException.invalid("targetDate", "assistance.target.beforeBaseline", baselineYear);
        }
        TargetId id = TargetId.random();
        jdbc.sql("""
                INSERT INTO asst_target (id, scope, owner, roadmap, goal, indicator, baseline_year, baseline_value, target_value,
                  target_date, created_by, created_at)
                VALUES (:id, :scope, :owner, :roadmap, :goal, :indicator, :by_year, :bv, :tv, :td, :by, :at)
                """).param("id", id.value()).param("scope", scope).param("owner", who).param("roadmap", roadmap.trim())
                .param("goal", goal.trim()).param("indicator", indicator.trim()).param("by_year", baselineYear)
                .param("bv", baselineValue).param("tv", targetValue).param("td", targetDate)
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.target.set", "ASSISTANCE_TARGET", id, who + " " + indicator);
        return id;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void recordProgress(TargetId id, String period, BigDecimal value, String note) {
        Target target = target(id);
        if (period == null || !PERIOD.matcher(period.trim()).matches()) {
            throw UserFacingException.invalid("period", "assistance.target.periodInvalid", period);
        }
        checkPeriod(period.trim(), target.baselineYear());
        if (value == null) {
            throw UserFacingException.invalid("value", "form.required");
        }
        Amounts.requireStorable("value", value);
        jdbc.sql("""
                INSERT INTO asst_target_progress (target_id, period, value, note, created_by, created_at)
                VALUES (:t, :p, :v, :n, :by, :at)
                """).param("t", id.value()).param("p", period.trim()).param("v", value).param("n", note == null ? "" : note.trim())
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.target.progress", "ASSISTANCE_TARGET", id, period + " " + value);
    }

    /**
     * Progress is measured from the baseline year to now: a half-year that has not begun (2099-H1) or that lies before
     * the baseline year was accepted and drawn on the roadmap. The half-year under way may report.
     */
    private void checkPeriod(String period, int baselineYear) {
        int year = Integer.parseInt(period.substring(0, 4));
        LocalDate start = LocalDate.of(year, period.endsWith("H1") ? 1 : 7, 1);
        if (start.isAfter(LocalDate.now(clock))) {
            throw UserFacingException.invalid("period", "assistance.target.periodFuture", period);
        }
        if (year < baselineYear) {
            throw UserFacingException.invalid("period", "assistance.target.periodBeforeBaseline", period, baselineYear);
        }
    }

    public Target target(TargetId id) {
        return targets(null).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("target", id));
    }

    /** Targets of a roadmap (all when null), by goal; progress oldest first, the latest update per period wins. */
    @Transactional(readOnly = true)
    public List<Target> targets(String roadmap) {
        Map<UUID, Map<String, Target.Progress>> progress = new HashMap<>();
        jdbc.sql("SELECT * FROM asst_target_progress ORDER BY period, id").query(rs -> {
            progress.computeIfAbsent(rs.getObject("target_id", UUID.class), k -> new java.util.TreeMap<>())
                    .put(rs.getString("period"), new Target.Progress(rs.getString("period"), rs.getBigDecimal("value"),
                            rs.getString("note"), rs.getString("created_by")));
        });
        return jdbc.sql("SELECT * FROM asst_target WHERE (CAST(:r AS TEXT) IS NULL OR roadmap = :r) ORDER BY roadmap, goal, owner, indicator")
                .param("r", roadmap == null || roadmap.isBlank() ? null : roadmap)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Target(new TargetId(id), rs.getString("scope"), rs.getString("owner"), rs.getString("roadmap"),
                            rs.getString("goal"), rs.getString("indicator"), rs.getInt("baseline_year"), rs.getBigDecimal("baseline_value"),
                            rs.getBigDecimal("target_value"), rs.getObject("target_date", LocalDate.class),
                            List.copyOf(progress.getOrDefault(id, Map.of()).values()));
                }).list();
    }
}
