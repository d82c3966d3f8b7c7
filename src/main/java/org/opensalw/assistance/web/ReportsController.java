package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.Instrument;
import org.opensalw.assistance.NationalReport;
import org.opensalw.assistance.NationalReportId;
import org.opensalw.assistance.NationalReports;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.FormReader;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** National reports by area; submitting turns stated needs into assistance requests. */
@Controller
class ReportsController {

    private final NationalReports reports;
    private final Geography geography;
    private final MessageSource messages;

    ReportsController(NationalReports reports, Geography geography, MessageSource messages) {
        this.reports = reports;
        this.geography = geography;
        this.messages = messages;
    }

    @GetMapping("/assistance/reports")
    String list(Model model) {
        model.addAttribute("reports", reports.reports());
        model.addAttribute("areas", Area.values());
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("countries", geography.countries());
        return "assistance/reports";
    }

    @PostMapping("/assistance/reports")
    String draft(@RequestParam Map<String, String> params, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            String country = f.required("country", f.text("country"));
            Instrument instrument = f.required("instrument", f.choice("instrument", Instrument.class));
            Integer year = f.required("year", f.integer("year"));
            List<NationalReport.Section> sections = new ArrayList<>();
            for (Area a : Area.values()) {
                sections.add(new NationalReport.Section(a, f.text("narrative_" + a), f.text("need_" + a),
                        Web.amount("needCost_" + a, f.text("needCost_" + a))));
            }
            f.check();
            return "redirect:/assistance/reports/" + reports.draft(country, instrument, year, sections);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return list(model);
        }
    }

    @GetMapping("/assistance/reports/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("r", reports.report(new NationalReportId(id)));
        return "assistance/report";
    }

    @PostMapping("/assistance/reports/{id}/submit")
    String submit(@PathVariable UUID id) {
        reports.submit(new NationalReportId(id));
        return "redirect:/assistance/requests?country=" + reports.report(new NationalReportId(id)).country();
    }

    @GetMapping("/assistance/reports.csv")
    void csv(HttpServletResponse response) {
        record Row(NationalReport report, NationalReport.Section section) {
        }
        List<Row> rows = reports.reports().stream().flatMap(r -> r.sections().stream().map(s -> new Row(r, s))).toList();
        Web.csv(response, "national-reports.csv", rows, Web.col("report", r -> r.report().id()), Web.col("country", r -> r.report().country()),
                Web.col("instrument", r -> r.report().instrument()), Web.col("year", r -> r.report().year()),
                Web.col("status", r -> r.report().status()), Web.col("area", r -> r.section().area()),
                Web.col("narrative", r -> r.section().narrative()), Web.col("need", r -> r.section().need()),
                Web.col("need_cost", r -> r.section().needCost()));
    }
}
