package org.opensalw.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.opensalw.identity.AuditFilter;
import org.opensalw.identity.AuditKind;
import org.opensalw.identity.AuditTrail;
import org.opensalw.shared.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's view of the audit trail, with filters and a CSV export of what the filters select. */
@Controller
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", audit.search(new AuditFilter(username, kind, subject, from, to), new PageRequest(page, 100)));
        model.addAttribute("kinds", AuditKind.values());
        return "audit/audit";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(required = false) String username, @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        audit.exportCsv(new AuditFilter(username, kind, subject, from, to), response.getWriter());
    }
}
