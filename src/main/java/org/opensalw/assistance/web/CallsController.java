package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.ActorId;
import org.opensalw.assistance.Actors;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.CallId;
import org.opensalw.assistance.FundingCall;
import org.opensalw.assistance.FundingCalls;
import org.opensalw.assistance.Mechanism;
import org.opensalw.assistance.NewCall;
import org.opensalw.assistance.NewProposal;
import org.opensalw.assistance.Proposal;
import org.opensalw.assistance.ProposalId;
import org.opensalw.assistance.ReportKind;
import org.opensalw.assistance.Selection;
import org.opensalw.assistance.internal.EligibilityRules;
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

/** Funding calls: priorities, eligibility (rules as data), proposals, weighted reviews, explained selection, reports. */
@Controller
class CallsController {

    private final FundingCalls calls;
    private final Actors actors;
    private final EligibilityRules rules;
    private final Geography geography;
    private final MessageSource messages;

    CallsController(FundingCalls calls, Actors actors, EligibilityRules rules, Geography geography, MessageSource messages) {
        this.calls = calls;
        this.actors = actors;
        this.rules = rules;
        this.geography = geography;
        this.messages = messages;
    }

    @GetMapping("/assistance/calls")
    String list(Model model) {
        model.addAttribute("calls", calls.calls());
        model.addAttribute("mechanisms", Mechanism.values());
        model.addAttribute("areas", Area.values());
        model.addAttribute("regions", geography.regions());
        return "assistance/calls";
    }

    @PostMapping("/assistance/calls")
    String open(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> thematic,
            @RequestParam(required = false) List<String> geographic, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            NewCall c = new NewCall(f.required("mechanism", f.choice("mechanism", Mechanism.class)), n(f.required("year", f.integer("year"))),
                    f.required("title", f.text("title")), f.required("budget", Web.amount("budget", f.text("budget"))),
                    Web.enums(thematic, Area.class), Web.texts(geographic), f.required("maxRegionShare", Web.share("maxRegionShare", f.text("maxRegionShare"))));
            f.check();
            return "redirect:/assistance/calls/" + calls.open(c);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return list(model);
        }
    }

    @GetMapping("/assistance/calls/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        FundingCall call = calls.call(new CallId(id));
        model.addAttribute("call", call);
        model.addAttribute("rules", rules.rules(call.mechanism()));
        List<Proposal> proposals = calls.proposals(call.id());
        model.addAttribute("proposals", proposals);
        SelectionNotes notes = new SelectionNotes(messages, locale, rules.rules(call.mechanism()));
        model.addAttribute("notes", notes.of(proposals));
        if (model.getAttribute("selection") instanceof Selection selection) { // just made: each line's reasons
            model.addAttribute("reasons", notes.reasons(selection));
        }
        model.addAttribute("applicants", actors.list(null).stream().filter(a -> "ACTIVE".equals(a.status())).toList());
        model.addAttribute("areas", Area.values());
        model.addAttribute("countries", geography.countries());
        model.addAttribute("kinds", ReportKind.values());
        return "assistance/call";
    }

    @PostMapping("/assistance/calls/{id}/proposals")
    String submit(@PathVariable UUID id, @RequestParam Map<String, String> params, @RequestParam(required = false) List<String> unEntities,
            Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            UUID applicant = f.required("applicantId", f.uuid("applicantId"));
            NewProposal p = new NewProposal(applicant == null ? null : new ActorId(applicant), f.required("title", f.text("title")),
                    f.required("country", f.text("country")), f.required("area", f.choice("area", Area.class)),
                    f.required("amount", Web.amount("amount", f.text("amount"))), n(f.required("durationMonths", f.integer("durationMonths"))),
                    params.containsKey("genderMainstreamed"), Web.share("genderShare", f.text("genderShare")), Web.texts(unEntities),
                    params.containsKey("hostConsent"), params.containsKey("residentCoordinator"));
            f.check();
            calls.submit(new CallId(id), p);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return show(id, model, locale);
        }
        return "redirect:/assistance/calls/" + id;
    }

    @PostMapping("/assistance/calls/{id}/proposals/{proposal}/reviews")
    String review(@PathVariable UUID id, @PathVariable UUID proposal, @RequestParam Map<String, String> params, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (String criterion : calls.call(new CallId(id)).criteria().keySet()) {
                Integer s = f.integer("score_" + criterion);
                if (s != null) {
                    scores.put(criterion, s);
                }
            }
            f.check();
            calls.review(new CallId(id), new ProposalId(proposal), scores);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return show(id, model, locale);
        }
        return "redirect:/assistance/calls/" + id;
    }

    @PostMapping("/assistance/calls/{id}/selection")
    String select(@PathVariable UUID id, Model model, Locale locale) {
        try {
            model.addAttribute("selection", calls.select(new CallId(id)));
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return show(id, model, locale);
    }

    @PostMapping("/assistance/calls/{id}/proposals/{proposal}/reports")
    String report(@PathVariable UUID id, @PathVariable UUID proposal, @RequestParam ReportKind kind, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String spent, Model model, Locale locale) {
        try {
            calls.report(new CallId(id), new ProposalId(proposal), kind, summary, Web.amount("spent", spent));
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return show(id, model, locale);
        }
        return "redirect:/assistance/calls/" + id;
    }

    @GetMapping("/assistance/calls.csv")
    void callsCsv(HttpServletResponse response) {
        Web.csv(response, "funding-calls.csv", calls.calls(), Web.col("id", FundingCall::id), Web.col("mechanism", FundingCall::mechanism),
                Web.col("year", FundingCall::year), Web.col("title", FundingCall::title), Web.col("budget", FundingCall::budget),
                Web.col("thematic_priorities", FundingCall::thematicPriorities), Web.col("geographic_priorities", FundingCall::geographicPriorities),
                Web.col("max_region_share", FundingCall::maxRegionShare), Web.col("status", FundingCall::status));
    }

    @GetMapping("/assistance/calls/{id}/proposals.csv")
    void proposalsCsv(@PathVariable UUID id, HttpServletResponse response) {
        Web.csv(response, "proposals.csv", calls.proposals(new CallId(id)), Web.col("id", Proposal::id), Web.col("applicant", Proposal::applicantName),
                Web.col("applicant_kind", Proposal::applicantKind), Web.col("title", Proposal::title), Web.col("country", Proposal::country),
                Web.col("region", Proposal::region), Web.col("area", Proposal::area), Web.col("amount", Proposal::amount),
                Web.col("months", Proposal::durationMonths), Web.col("eligible", Proposal::eligible), Web.col("reviewed_value", Proposal::reviewedValue),
                Web.col("reviewers", Proposal::reviewers), Web.col("status", Proposal::status), Web.col("selection_note", Proposal::selectionNote));
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }

}
