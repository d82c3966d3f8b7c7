package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.opensalw.assistance.Coordination;
import org.opensalw.assistance.Matching;
import org.opensalw.assistance.MatchWeights;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.FormReader;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The coordination dashboard and views (unmet needs, duplication, balance) and the hub's matching weights. */
@Controller
class DashboardController {

    private final Coordination coordination;
    private final Matching matching;
    private final MessageSource messages;

    DashboardController(Coordination coordination, Matching matching, MessageSource messages) {
        this.coordination = coordination;
        this.matching = matching;
        this.messages = messages;
    }

    @GetMapping("/assistance")
    String dashboard(Model model) {
        Coordination.Dashboard d = coordination.dashboard();
        model.addAttribute("d", d);
        model.addAttribute("maxUnmet", d.unmetByArea().values().stream().map(java.math.BigDecimal::doubleValue).max(Double::compare).orElse(1.0));
        return "assistance/dashboard";
    }

    @GetMapping("/assistance/coordination")
    String coordination(Model model) {
        model.addAttribute("unmet", coordination.unmetNeeds());
        model.addAttribute("balance", coordination.balance());
        model.addAttribute("duplications", coordination.duplications());
        model.addAttribute("weights", matching.weights());
        return "assistance/coordination";
    }

    @PostMapping("/assistance/weights")
    String weights(@RequestParam Map<String, String> params, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            Integer[] w = {f.integer("area"), f.integer("region"), f.integer("language"), f.integer("amount"), f.integer("timing"), f.integer("history")};
            f.check();
            matching.changeWeights(new MatchWeights(n(w[0]), n(w[1]), n(w[2]), n(w[3]), n(w[4]), n(w[5])));
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return coordination(model);
        }
        return "redirect:/assistance/coordination";
    }

    @GetMapping("/assistance/unmet.csv")
    void unmetCsv(HttpServletResponse response) {
        Web.csv(response, "unmet-needs.csv", coordination.unmetNeeds(), Web.col("area", Coordination.UnmetNeed::area),
                Web.col("region", Coordination.UnmetNeed::region), Web.col("requests", Coordination.UnmetNeed::requests),
                Web.col("cost", Coordination.UnmetNeed::cost));
    }

    @GetMapping("/assistance/balance.csv")
    void balanceCsv(HttpServletResponse response) {
        Web.csv(response, "geographic-balance.csv", coordination.balance(), Web.col("region", Coordination.RegionBalance::region),
                Web.col("need", Coordination.RegionBalance::need), Web.col("assistance", Coordination.RegionBalance::assistance),
                Web.col("need_share", Coordination.RegionBalance::needShare), Web.col("assistance_share", Coordination.RegionBalance::assistanceShare));
    }

    @GetMapping("/assistance/duplications.csv")
    void duplicationsCsv(HttpServletResponse response) {
        Web.csv(response, "duplications.csv", coordination.duplications().stream().flatMap(d -> d.projects().stream()).toList(),
                Web.col("country", p -> p.country()), Web.col("area", p -> p.area()), Web.col("beneficiary", p -> p.beneficiary()),
                Web.col("project", p -> p.id()), Web.col("title", p -> p.title()), Web.col("provider", p -> p.providerName()),
                Web.col("start", p -> p.startDate()), Web.col("end", p -> p.endDate()));
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }
}
