package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.opensalw.assistance.Matching;
import org.opensalw.assistance.Project;
import org.opensalw.assistance.ProjectId;
import org.opensalw.assistance.ProjectStatus;
import org.opensalw.assistance.ReportKind;
import org.opensalw.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Projects born of confirmed matches: budget, milestones, interim and final reports. */
@Controller
class ProjectsController {

    private final Matching matching;
    private final MessageSource messages;

    ProjectsController(Matching matching, MessageSource messages) {
        this.matching = matching;
        this.messages = messages;
    }

    @GetMapping("/assistance/projects")
    String list(@RequestParam(required = false) ProjectStatus status, Model model) {
        model.addAttribute("projects", matching.projects(status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProjectStatus.values());
        return "assistance/projects";
    }

    @GetMapping("/assistance/projects/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("p", matching.project(new ProjectId(id)));
        model.addAttribute("kinds", ReportKind.values());
        return "assistance/project";
    }

    @PostMapping("/assistance/projects/{id}/milestones")
    String milestone(@PathVariable UUID id, @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate dueDate, Model model, Locale locale) {
        try {
            matching.addMilestone(new ProjectId(id), title, dueDate);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return show(id, model);
        }
        return "redirect:/assistance/projects/" + id;
    }

    @PostMapping("/assistance/projects/{id}/milestones/{milestone}/done")
    String done(@PathVariable UUID id, @PathVariable UUID milestone) {
        matching.completeMilestone(new ProjectId(id), milestone);
        return "redirect:/assistance/projects/" + id;
    }

    @PostMapping("/assistance/projects/{id}/reports")
    String report(@PathVariable UUID id, @RequestParam ReportKind kind, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String spent, Model model, Locale locale) {
        try {
            matching.report(new ProjectId(id), kind, summary, Web.amount("spent", spent));
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return show(id, model);
        }
        return "redirect:/assistance/projects/" + id;
    }

    @GetMapping("/assistance/projects.csv")
    void csv(@RequestParam(required = false) ProjectStatus status, HttpServletResponse response) {
        Web.csv(response, "assistance-projects.csv", matching.projects(status), Web.col("id", Project::id), Web.col("title", Project::title),
                Web.col("country", Project::country), Web.col("region", Project::region), Web.col("area", Project::area),
                Web.col("beneficiary", Project::beneficiary), Web.col("provider", Project::providerName), Web.col("budget", Project::budget),
                Web.col("start", Project::startDate), Web.col("end", Project::endDate), Web.col("match_score", Project::matchScore),
                Web.col("status", Project::status), Web.col("request", Project::requestId), Web.col("offer", Project::offerId),
                Web.col("created_by", Project::createdBy), Web.col("created_at", Project::createdAt));
    }
}
