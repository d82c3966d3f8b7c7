package org.opensalw.assistance.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opensalw.assistance.ProgressReport;
import org.opensalw.assistance.ReportKind;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Interim and final reports of projects and funded proposals (append-only; a final report closes the list). */
@Component
public class ProgressReports {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProgressReports(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public UUID add(String subjectType, UUID subjectId, ReportKind kind, String summary, BigDecimal spent) {
        if (kind == null) { // an API call without a kind, or with null
            throw UserFacingException.invalid("kind", "form.required");
        }
        if (summary == null || summary.isBlank()) {
            throw UserFacingException.invalid("summary", "form.required");
        }
        Amounts.requireNotNegative("spent", spent);
        Amounts.requireStorable("spent", spent);
        if (list(subjectId).stream().anyMatch(r -> r.kind() == ReportKind.FINAL)) {
            throw UserFacingException.invalid("kind", "assistance.report.afterFinal");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO asst_progress_report (id, subject_type, subject_id, kind, summary, spent, created_by, created_at)
                VALUES (:id, :type, :subject, :kind, :summary, :spent, :by, :at)
                """).param("id", id).param("type", subjectType).param("subject", subjectId).param("kind", kind.name())
                .param("summary", summary.trim()).param("spent", spent).param("by", currentUser.username())
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    public List<ProgressReport> list(UUID subjectId) {
        return jdbc.sql("SELECT * FROM asst_progress_report WHERE subject_id = :s ORDER BY created_at").param("s", subjectId)
                .query((rs, n) -> new ProgressReport(rs.getObject("id", UUID.class), ReportKind.valueOf(rs.getString("kind")),
                        rs.getString("summary"), rs.getBigDecimal("spent"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }
}
