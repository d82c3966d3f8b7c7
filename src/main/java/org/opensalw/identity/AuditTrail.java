package org.opensalw.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import javax.sql.DataSource;
import org.opensalw.shared.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: who wrote what, who read whose personal data, who logged in. Entries are written in the
 * transaction of the work they describe (a refused write leaves no entry) and the database refuses to change
 * or delete them.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, DataSource dataSource, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public void recordWrite(String action, String subjectType, Object subjectId, String detail) {
        record(currentUser.username(), AuditKind.WRITE, action, subjectType, subjectId, detail);
    }

    /** A write done on someone's behalf, for writes recorded together (group commits, imports). */
    public record Write(String username, String action, String subjectType, Object subjectId, String detail) {
    }

    /** Records several writes with one statement, in the current transaction. */
    @Transactional
    public void recordWrites(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        String remote = remoteAddress();
        batch.batchUpdate("""
                INSERT INTO audit_entry (at, username, kind, action, subject_type, subject_id, detail, remote_addr)
                VALUES (?, ?, 'WRITE', ?, ?, ?, ?, ?)
                """, writes, 500, (ps, w) -> {
                    ps.setTimestamp(1, at);
                    ps.setString(2, w.username());
                    ps.setString(3, w.action());
                    ps.setString(4, w.subjectType());
                    ps.setString(5, w.subjectId() == null ? null : w.subjectId().toString());
                    ps.setString(6, w.detail());
                    ps.setString(7, remote);
                });
    }

    @Transactional
    public void recordPersonalDataRead(String action, String subjectType, Object subjectId) {
        record(currentUser.username(), AuditKind.PERSONAL_DATA_READ, action, subjectType, subjectId, null);
    }

    @Transactional
    public void record(String username, AuditKind kind, String action, String subjectType, Object subjectId, String detail) {
        jdbc.sql("""
                INSERT INTO audit_entry (at, username, kind, action, subject_type, subject_id, detail, remote_addr)
                VALUES (:at, :username, :kind, :action, :subjectType, :subjectId, :detail, :remote)
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("username", username)
                .param("kind", kind.name())
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId == null ? null : subjectId.toString())
                .param("detail", detail)
                .param("remote", remoteAddress())
                .update();
    }

    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
        Query q = where(filter);
        List<AuditEntry> rows = jdbc.sql("SELECT * FROM audit_entry" + q.sql + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(q.params)
                .param("limit", page.size() + 1)
                .param("offset", page.offset())
                .query(AuditTrail::map)
                .list();
        return Page.of(rows, page);
    }

    /** Writes the entries matching the filter as CSV, oldest first, streaming so any size fits in memory. */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional
    public void exportCsv(AuditFilter filter, Writer out) {
        record(currentUser.username(), AuditKind.EXPORT, "audit.export", "AUDIT", null, filter.describe());
        Query q = where(filter);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("id", "at", "username", "kind", "action", "subject_type", "subject_id", "detail", "remote_addr").get());
             Stream<AuditEntry> rows = jdbc.sql("SELECT * FROM audit_entry" + q.sql + " ORDER BY id").params(q.params)
                     .withFetchSize(1000).query(AuditTrail::map).stream()) {
            rows.forEach(e -> print(csv, e));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter csv, AuditEntry e) {
        try {
            // a user name or detail may be what anyone typed (a failed sign-in): no formula runs when the export is opened
            csv.printRecord(e.id(), e.at(), Texts.spreadsheetSafe(e.username()), e.kind(), e.action(), e.subjectType(),
                    Texts.spreadsheetSafe(e.subjectId()), Texts.spreadsheetSafe(e.detail()), e.remoteAddr());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record Query(String sql, Map<String, Object> params) {
    }

    private static Query where(AuditFilter f) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.username() != null && !f.username().isBlank()) {
            clauses.add("username = :username");
            params.put("username", f.username().trim());
        }
        if (f.kind() != null) {
            clauses.add("kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.subjectId() != null && !f.subjectId().isBlank()) {
            clauses.add("subject_id = :subjectId");
            params.put("subjectId", f.subjectId().trim());
        }
        if (f.from() != null) {
            clauses.add("at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            clauses.add("at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return new Query(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                AuditKind.valueOf(rs.getString("kind")), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("detail"), rs.getString("remote_addr"));
    }

    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

}
