package org.opensalw.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opensalw.identity.AuditKind;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.reference.WeaponType;
import org.opensalw.shared.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SDG indicator 16.4.2 (UNODC/UNODA metadata, 2018): denominator, the weapons recorded seized, found or surrendered in
 * the period (by the date of the recovery); numerator, those whose illicit origin was established by tracing (an answer
 * to one of this node's requests saying so) or by a competent authority (the register held the weapon lawfully before
 * its recovery). Aggregate figures without personal data, for every signed-in role.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class TracingStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentUser currentUser;

    TracingStatistics(JdbcClient jdbc, Clock clock, AuditTrail audit, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    private record Recovery(String kind, WeaponType type, SdgOutcome outcome) {
    }

    @Transactional(readOnly = true)
    public Sdg1642 sdg1642(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw UserFacingException.invalid(from == null ? "from" : "to", "tracing.sdg.period.required");
        }
        if (to.isBefore(from)) {
            throw UserFacingException.invalid("to", "tracing.sdg.period.order", from, to);
        }
        List<Recovery> recoveries = jdbc.sql("""
                SELECT r.kind, r.weapon_type, r.has_serial, r.known_before,
                  coalesce(bool_or(t.origin_established), false) AS traced,
                  coalesce(bool_or(t.state IN ('SENT', 'DELIVERED', 'ACKNOWLEDGED')), false) AS pending,
                  coalesce(bool_or(t.answer_outcome IS NOT NULL), false) AS answered
                FROM trace_recovery r
                LEFT JOIN trace_request t ON t.direction = 'OUTGOING' AND t.weapon_id = r.weapon_id AND t.state <> 'DRAFT'
                WHERE r.recovered_on BETWEEN :from AND :to
                GROUP BY r.weapon_id, r.seq, r.kind, r.weapon_type, r.has_serial, r.known_before""")
                .param("from", from).param("to", to)
                .query((rs, i) -> new Recovery(rs.getString("kind"), WeaponType.valueOf(rs.getString("weapon_type")),
                        outcome(rs.getBoolean("traced"), rs.getBoolean("known_before"), rs.getBoolean("pending"),
                                rs.getBoolean("answered"), rs.getBoolean("has_serial")))).list();
        List<Sdg1642.Line> lines = new ArrayList<>();
        lines.add(line("ALL", "ALL", recoveries));
        group(lines, "KIND", recoveries, Recovery::kind, List.of("SEIZED", "FOUND", "SURRENDERED"));
        group(lines, "CLASS", recoveries, r -> r.type().salwClass().name(), List.of("SMALL_ARM", "LIGHT_WEAPON"));
        group(lines, "TYPE", recoveries, r -> r.type().name(), null);
        return new Sdg1642(from, to, LocalDate.now(clock), lines);
    }

    /** The order of precedence: an established origin wins over a pending or failed trace. */
    static SdgOutcome outcome(boolean traced, boolean knownBefore, boolean pending, boolean answered, boolean hasSerial) {
        if (traced) {
            return SdgOutcome.TRACED;
        }
        if (knownBefore) {
            return SdgOutcome.ESTABLISHED_BY_AUTHORITY;
        }
        if (pending) {
            return SdgOutcome.PENDING;
        }
        if (answered) {
            return SdgOutcome.NOT_TRACED;
        }
        return hasSerial ? SdgOutcome.NOT_ATTEMPTED : SdgOutcome.INSUFFICIENT_DATA;
    }

    /** Writes the indicator as CSV: one row per disaggregation, with numerator, denominator and each outcome. */
    @Transactional
    public void writeCsv(Sdg1642 report, Writer out) {
        audit.record(currentUser.username(), AuditKind.EXPORT, "tracing.sdg.export", "SDG_16_4_2", null,
                report.from() + ".." + report.to());
        List<String> header = new ArrayList<>(List.of("indicator", "from", "to", "computed_on", "dimension", "value",
                "recovered", "established", "percent"));
        for (SdgOutcome o : SdgOutcome.values()) {
            header.add(o.name().toLowerCase());
        }
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
            for (Sdg1642.Line l : report.lines()) {
                List<Object> row = new ArrayList<>(List.of("16.4.2", report.from(), report.to(), report.computedOn(), l.dimension(),
                        l.value(), l.recovered(), l.established(), l.percent() == null ? "" : l.percent()));
                for (SdgOutcome o : SdgOutcome.values()) {
                    row.add(l.count(o));
                }
                csv.printRecord(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void group(List<Sdg1642.Line> lines, String dimension, List<Recovery> all, Function<Recovery, String> key,
            List<String> always) {
        Map<String, List<Recovery>> groups = new LinkedHashMap<>();
        if (always != null) {
            always.forEach(k -> groups.put(k, new ArrayList<>()));
        }
        all.stream().sorted(java.util.Comparator.comparing(key)).forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        groups.forEach((k, v) -> lines.add(line(dimension, k, v)));
    }

    private static Sdg1642.Line line(String dimension, String value, List<Recovery> rs) {
        Map<SdgOutcome, Long> counts = new EnumMap<>(SdgOutcome.class);
        for (SdgOutcome o : SdgOutcome.values()) {
            counts.put(o, 0L);
        }
        rs.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        long established = rs.stream().filter(r -> r.outcome().established()).count();
        return new Sdg1642.Line(dimension, value, rs.size(), established, counts);
    }
}
