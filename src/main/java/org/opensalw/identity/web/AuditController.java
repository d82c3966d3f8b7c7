package org.opensalw.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.opensalw.identity.AuditFilter;
import org.opensalw.identity.AuditKind;
import org.opensalw.identity.AuditTrail;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's view of the audit trail, with filters and a CSV export of what the filters select. */
@Controller
@PreAuthorize("hasRole('AUDITOR')") // as the audit trail itself: before the filter is checked, so others learn nothing from it
class AuditController {

    private final AuditTrail audit;
    private final MessageSource messages;

    AuditController(AuditTrail audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        PageRequest request = new PageRequest(page, 100);
        try {
            model.addAttribute("entries", audit.search(new AuditFilter(username, kind, subject, from, to), request));
        } catch (UserFacingException e) { // a period that ends before it starts: said above the filters, not "no entries"
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("entries", Page.of(List.of(), request));
        }
        model.addAttribute("kinds", AuditKind.values());
        return "audit/audit";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(required = false) String username, @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        // the filter first: a refused one is an error page, not a download of it
        AuditFilter filter = new AuditFilter(username, kind, subject, from, to);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        audit.exportCsv(filter, response.getWriter());
    }
}
