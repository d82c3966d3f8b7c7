package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.assistance.Assessment;
import org.opensalw.assistance.AssessmentId;
import org.opensalw.assistance.BaselineAssessments;
import org.opensalw.assistance.Target;
import org.opensalw.assistance.TargetId;
import org.opensalw.assistance.VoluntaryTargets;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.FormReader;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Voluntary targets with the roadmap view, and baseline assessments with their questionnaire. */
@Controller
class PlanningController {

    private final VoluntaryTargets targets;
    private final BaselineAssessments assessments;
    private final Geography geography;
    private final MessageSource messages;
    private final List<String> roadmapGoals;

    PlanningController(VoluntaryTargets targets, BaselineAssessments assessments, Geography geography, MessageSource messages) {
        this.targets = targets;
        this.assessments = assessments;
        this.geography = geography;
        this.messages = messages;
        this.roadmapGoals = goals();
    }

    @GetMapping("/assistance/targets")
    String targets(@RequestParam(required = false) String roadmap, Model model) {
        List<Target> all = targets.targets(roadmap);
        Map<String, List<Target>> byGoal = new LinkedHashMap<>();
        all.forEach(t -> byGoal.computeIfAbsent(t.roadmap() + " — " + t.goal(), k -> new ArrayList<>()).add(t));
        model.addAttribute("byGoal", byGoal);
        model.addAttribute("periods", all.stream().flatMap(t -> t.progress().stream()).map(Target.Progress::period).distinct().sorted().toList());
        model.addAttribute("roadmaps", targets.targets(null).stream().map(Target::roadmap).distinct().sorted().toList());
        model.addAttribute("roadmap", roadmap);
        model.addAttribute("goals", roadmapGoals);
        return "assistance/targets";
    }

    @PostMapping("/assistance/targets")
    String set(@RequestParam Map<String, String> params, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            Integer year = f.required("baselineYear", f.integer("baselineYear"));
            var date = f.required("targetDate", f.date("targetDate"));
            f.check();
            targets.set(f.text("scope"), f.text("owner"), f.text("roadmap"), f.text("goal"), f.text("indicator"), year,
                    Web.amount("baselineValue", f.text("baselineValue")), Web.amount("targetValue", f.text("targetValue")), date);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return targets(null, model);
        }
        return "redirect:/assistance/targets";
    }

    @PostMapping("/assistance/targets/{id}/progress")
    String progress(@PathVariable UUID id, @RequestParam(required = false) String period, @RequestParam(required = false) String value,
            @RequestParam(required = false) String note, Model model, Locale locale) {
        try {
            targets.recordProgress(new TargetId(id), period, Web.amount("value", value), note);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return targets(null, model);
        }
        return "redirect:/assistance/targets";
    }

    @GetMapping("/assistance/targets.csv")
    void targetsCsv(HttpServletResponse response) {
        record Row(Target t, Target.Progress p) {
        }
        List<Row> rows = new ArrayList<>();
        for (Target t : targets.targets(null)) {
            if (t.progress().isEmpty()) {
                rows.add(new Row(t, null));
            }
            t.progress().forEach(p -> rows.add(new Row(t, p)));
        }
        Web.csv(response, "voluntary-targets.csv", rows, Web.col("target", r -> r.t().id()), Web.col("scope", r -> r.t().scope()),
                Web.col("owner", r -> r.t().owner()), Web.col("roadmap", r -> r.t().roadmap()), Web.col("goal", r -> r.t().goal()),
                Web.col("indicator", r -> r.t().indicator()), Web.col("baseline_year", r -> r.t().baselineYear()),
                Web.col("baseline_value", r -> r.t().baselineValue()), Web.col("target_value", r -> r.t().targetValue()),
                Web.col("target_date", r -> r.t().targetDate()), Web.col("period", r -> r.p() == null ? null : r.p().period()),
                Web.col("value", r -> r.p() == null ? null : r.p().value()), Web.col("note", r -> r.p() == null ? null : r.p().note()));
    }

    @GetMapping("/assistance/assessments")
    String assessments(Model model) {
        model.addAttribute("assessments", assessments.assessments());
        model.addAttribute("countries", geography.countries());
        return "assistance/assessments";
    }

    @PostMapping("/assistance/assessments")
    String start(@RequestParam(required = false) String country, @RequestParam(required = false) String title, Model model, Locale locale) {
        try {
            return "redirect:/assistance/assessments/" + assessments.start(country, title);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return assessments(model);
        }
    }

    @GetMapping("/assistance/assessments/{id}")
    String assessment(@PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("a", assessments.assessment(new AssessmentId(id)));
        model.addAttribute("questions", assessments.questions());
        model.addAttribute("lang", locale.getLanguage());
        return "assistance/assessment";
    }

    @PostMapping("/assistance/assessments/{id}/answers")
    String answer(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (Assessment.Question q : assessments.questions()) {
                Integer v = f.integer("q_" + q.code());
                if (v != null) {
                    answers.put(q.code(), v);
                }
            }
            f.check();
            assessments.answer(new AssessmentId(id), answers);
            if (params.containsKey("score")) {
                assessments.score(new AssessmentId(id));
                return "redirect:/assistance/requests?status=DRAFT";
            }
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return assessment(id, model, locale);
        }
        return "redirect:/assistance/assessments/" + id;
    }

    @GetMapping("/assistance/assessments.csv")
    void assessmentsCsv(HttpServletResponse response) {
        record Row(Assessment a, Assessment.AreaScore s) {
        }
        List<Row> rows = assessments.assessments().stream().flatMap(a -> a.scores().stream().map(s -> new Row(a, s))).toList();
        Web.csv(response, "baseline-assessments.csv", rows, Web.col("assessment", r -> r.a().id()), Web.col("country", r -> r.a().country()),
                Web.col("title", r -> r.a().title()), Web.col("status", r -> r.a().status()), Web.col("area", r -> r.s().area()),
                Web.col("answered", r -> r.s().answered()), Web.col("questions", r -> r.s().questions()),
                Web.col("percent", r -> r.s().percent()), Web.col("gap", r -> r.s().gap()));
    }

    /** The Western Balkans Roadmap goals shipped as data, offered as choices when setting a target. */
    private static List<String> goals() {
        try (Reader in = new InputStreamReader(new ClassPathResource("assistance/western-balkans-roadmap.csv").getInputStream(), StandardCharsets.UTF_8)) {
            List<String> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(r.get("goal") + ". " + r.get("summary_en"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
