package org.opensalw.assistance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.opensalw.assistance.internal.Amounts;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * National reports on the PoA and the ITI (biennial, may be combined), by area. Submitting a report turns each
 * stated need into an assistance request (paras 42-43) so that donors plan from the reports.
 */
@Service
public class NationalReports {

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AssistanceManagement management;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    NationalReports(JdbcClient jdbc, Geography geography, AssistanceManagement management, MessageSource messages,
            CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.management = management;
        this.messages = messages;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public NationalReportId draft(String country, Instrument instrument, int year, List<NationalReport.Section> sections) {
        String code = country == null ? null : country.trim().toUpperCase();
        geography.require("country", code);
        if (instrument == null) {
            throw UserFacingException.invalid("instrument", "form.required");
        }
        List<NationalReport.Section> given = sections == null ? List.of() : sections;
        checkSections(given);
        Integer exists = jdbc.sql("SELECT COUNT(*) FROM asst_national_report WHERE country = :c AND instrument = :i AND year = :y")
                .param("c", code).param("i", instrument.name()).param("y", year).query(Integer.class).single();
        if (exists > 0) {
            throw UserFacingException.invalid("year", "assistance.report.exists", code, instrument, year);
        }
        NationalReportId id = NationalReportId.random();
        try {
            jdbc.sql("""
                    INSERT INTO asst_national_report (id, country, instrument, year, status, created_by, created_at)
                    VALUES (:id, :c, :i, :y, 'DRAFT', :by, :at)
                    """).param("id", id.value()).param("c", code).param("i", instrument.name()).param("y", year)
                    .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) { // UNIQUE (country, instrument, year): the same report drafted meanwhile
            throw new UserFacingException(UserFacingException.Kind.CONFLICT,
                    List.of(Violation.of("year", "assistance.report.exists", code, instrument, year)));
        }
        for (NationalReport.Section s : given) {
            jdbc.sql("INSERT INTO asst_report_section (report_id, area, narrative, need, need_cost) VALUES (:r, :a, :n, :need, :cost)")
                    .param("r", id.value()).param("a", s.area().name()).param("n", nz(s.narrative())).param("need", nz(s.need()))
                    .param("cost", s.needCost()).update();
        }
        audit.recordWrite("assistance.report.draft", "ASSISTANCE_REPORT", id, code + " " + instrument + " " + year);
        return id;
    }

    /** Each stated need becomes an open request for the ministry or body named in the report's country. */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public List<RequestId> submit(NationalReportId id) {
        // the transition is claimed before the requests are made: of two submissions at once (a double click, two
        // instances) the second waits for the first's row lock, then finds the report submitted and makes nothing
        int claimed = jdbc.sql("""
                UPDATE asst_national_report SET status = 'SUBMITTED', submitted_by = :by, submitted_at = :at
                WHERE id = :id AND status = 'DRAFT'
                """).param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).param("id", id.value()).update();
        if (claimed == 0) {
            report(id); // not found, or not a draft any more
            throw UserFacingException.invalid("status", "assistance.report.submitted");
        }
        NationalReport r = report(id);
        String beneficiary = beneficiary(r, LocaleContextHolder.getLocale());
        List<RequestId> created = r.sections().stream().filter(s -> !s.need().isBlank())
                .map(s -> management.insertRequest(new NewRequest(r.country(), s.area(), s.need(), beneficiary,
                        // a draft made before a need had to state its cost is still submitted, its need not lost
                        s.needCost() == null ? java.math.BigDecimal.ZERO : s.needCost(), LocalDate.of(r.year(), 1, 1),
                        LocalDate.of(r.year() + 1, 12, 31), Set.of()), RequestOrigin.NATIONAL_REPORT, RequestStatus.OPEN, id.value(), null))
                .toList();
        audit.recordWrite("assistance.report.submit", "ASSISTANCE_REPORT", id, created.size() + " requests");
        return created;
    }

    @Transactional(readOnly = true)
    public List<NationalReport> reports() {
        return jdbc.sql("SELECT id FROM asst_national_report ORDER BY year DESC, country").query(UUID.class).list().stream()
                .map(u -> report(new NationalReportId(u))).toList();
    }

    @Transactional(readOnly = true)
    public NationalReport report(NationalReportId id) {
        List<NationalReport.Section> sections = jdbc.sql("SELECT * FROM asst_report_section WHERE report_id = :id").param("id", id.value())
                .query((rs, n) -> new NationalReport.Section(Area.valueOf(rs.getString("area")), rs.getString("narrative"),
                        rs.getString("need"), rs.getBigDecimal("need_cost"))).list().stream()
                .sorted(java.util.Comparator.comparing(NationalReport.Section::area)).toList();
        return jdbc.sql("SELECT * FROM asst_national_report WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new NationalReport(id, rs.getString("country"), Instrument.valueOf(rs.getString("instrument")),
                        rs.getInt("year"), rs.getString("status"), sections, rs.getString("created_by"),
                        rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant()))
                .optional().orElseThrow(() -> UserFacingException.notFound("report", id));
    }

    /**
     * Who the requests of a report are for, written as data in the language of the person who submits the report,
     * like the needs the report states; requests already made keep the words they were made with.
     */
    private String beneficiary(NationalReport r, Locale locale) {
        String instrument = messages.getMessage("assistance.instrument." + r.instrument(), null, locale);
        return messages.getMessage("assistance.generated.reportBeneficiary", new Object[] {instrument, String.valueOf(r.year())}, locale);
    }

    /**
     * One section per area, checked before anything is written: a section without an area, or a second one for the
     * same area, is refused with its position; so is a cost that is negative or too large for the column. A stated
     * need states its cost: it becomes a request, whose estimated cost is required, and without one it became a
     * request costing 0.00, counted as such in the unmet needs.
     */
    private static void checkSections(List<NationalReport.Section> sections) {
        Set<Area> seen = EnumSet.noneOf(Area.class);
        for (int i = 0; i < sections.size(); i++) {
            NationalReport.Section s = sections.get(i);
            if (s == null || s.area() == null) {
                throw UserFacingException.invalid("sections[" + i + "].area", "form.required");
            }
            if (!seen.add(s.area())) {
                throw UserFacingException.invalid("sections[" + i + "].area", "assistance.nationalReport.areaTwice", s.area());
            }
            String cost = "needCost_" + s.area(); // as the form names it
            Amounts.requireNotNegative(cost, s.needCost());
            Amounts.requireStorable(cost, s.needCost());
            if (s.need() != null && !s.need().isBlank() && s.needCost() == null) {
                throw UserFacingException.invalid(cost, "assistance.nationalReport.needWithoutCost");
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
