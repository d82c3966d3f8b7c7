package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.AssistanceManagement;
import org.opensalw.assistance.AssistanceRequest;
import org.opensalw.assistance.Confirmation;
import org.opensalw.assistance.Matching;
import org.opensalw.assistance.NewRequest;
import org.opensalw.assistance.OfferId;
import org.opensalw.assistance.ProjectId;
import org.opensalw.assistance.RequestFilter;
import org.opensalw.assistance.RequestId;
import org.opensalw.assistance.RequestStatus;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.FormReader;
import org.opensalw.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Assistance requests: list, file, see the ranked offers with their reasons, confirm a match. */
@Controller
class RequestsController {

    private final AssistanceManagement management;
    private final Matching matching;
    private final Geography geography;
    private final MessageSource messages;

    RequestsController(AssistanceManagement management, Matching matching, Geography geography, MessageSource messages) {
        this.management = management;
        this.matching = matching;
        this.geography = geography;
        this.messages = messages;
    }

    @GetMapping("/assistance/requests")
    String list(@RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) Area area, @RequestParam(required = false) RequestStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        RequestFilter filter = new RequestFilter(country, region, area, status);
        model.addAttribute("filter", filter);
        model.addAttribute("page", management.requests(filter, new PageRequest(page, 50)));
        model.addAttribute("areas", Area.values());
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("countries", geography.countries());
        model.addAttribute("regions", geography.regionsAndSubRegions());
        return "assistance/requests";
    }

    @PostMapping("/assistance/requests")
    String file(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> languages, Model model, Locale locale) {
        try {
            FormReader f = new FormReader(params);
            NewRequest r = new NewRequest(f.required("country", f.text("country")), f.required("area", f.choice("area", Area.class)),
                    f.required("description", f.text("description")), f.required("beneficiary", f.text("beneficiary")),
                    f.required("estimatedCost", Web.amount("estimatedCost", f.text("estimatedCost"))), f.date("startDate"),
                    f.date("endDate"), Web.texts(languages));
            f.check();
            return "redirect:/assistance/requests/" + management.fileRequest(r);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            model.addAttribute("form", params);
            return list(null, null, null, null, 0, model);
        }
    }

    @GetMapping("/assistance/requests/{id}")
    String show(@PathVariable UUID id, Model model) {
        AssistanceRequest r = management.request(new RequestId(id));
        model.addAttribute("r", r);
        model.addAttribute("country", geography.country(r.country()).orElse(null));
        model.addAttribute("ranked", matching.rankOffers(r.id(), 20));
        model.addAttribute("weights", matching.weights());
        return "assistance/request";
    }

    @PostMapping("/assistance/requests/{id}/status")
    String status(@PathVariable UUID id, @RequestParam RequestStatus status) {
        management.changeRequestStatus(new RequestId(id), status);
        return "redirect:/assistance/requests/" + id;
    }

    @PostMapping("/assistance/matches")
    String confirm(@RequestParam UUID requestId, @RequestParam UUID offerId, @RequestParam(required = false) String title,
            @RequestParam String budget, Model model, Locale locale) {
        try {
            ProjectId p = matching.confirm(new Confirmation(new RequestId(requestId), new OfferId(offerId), title, Web.amount("budget", budget)));
            return "redirect:/assistance/projects/" + p;
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return show(requestId, model);
        }
    }

    @GetMapping("/assistance/requests.csv")
    void csv(@RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) Area area, @RequestParam(required = false) RequestStatus status, HttpServletResponse response) {
        RequestFilter filter = new RequestFilter(country, region, area, status);
        List<AssistanceRequest> rows = new java.util.ArrayList<>();
        org.opensalw.shared.Page<AssistanceRequest> page;
        int n = 0;
        do { // every row, a page at a time
            page = management.requests(filter, new PageRequest(n++, PageRequest.MAX_SIZE));
            rows.addAll(page.items());
        } while (page.hasNext());
        Web.csv(response, "assistance-requests.csv", rows, Web.col("id", AssistanceRequest::id), Web.col("country", AssistanceRequest::country),
                Web.col("region", AssistanceRequest::region), Web.col("sub_region", AssistanceRequest::subRegion),
                Web.col("area", AssistanceRequest::area), Web.col("description", AssistanceRequest::description),
                Web.col("beneficiary", AssistanceRequest::beneficiary), Web.col("estimated_cost", AssistanceRequest::estimatedCost),
                Web.col("start", AssistanceRequest::startDate), Web.col("end", AssistanceRequest::endDate),
                Web.col("languages", AssistanceRequest::languages), Web.col("status", AssistanceRequest::status),
                Web.col("origin", AssistanceRequest::origin), Web.col("created_by", AssistanceRequest::createdBy),
                Web.col("created_at", AssistanceRequest::createdAt));
    }
}
