package org.opensalw.tracing.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.WeaponId;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.ImageTypes;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.TraceSummary;
import org.opensalw.tracing.Outcome;
import org.opensalw.tracing.SdgOutcome;
import org.opensalw.tracing.TraceId;
import org.opensalw.tracing.TraceRequest;
import org.opensalw.tracing.TraceRequestForm;
import org.opensalw.tracing.TraceState;
import org.opensalw.tracing.TracingManagement;
import org.opensalw.tracing.TracingStatistics;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The investigator's tracing pages: inbox and outbox, a request form (prefilled from a recovered weapon), a request with
 * its steps and thread, the answer screen, the overdue list; and the SDG 16.4.2 page for every role.
 */
@Controller
class TracingController {

    private final TracingManagement tracing;
    private final TracingStatistics statistics;
    private final MessageSource messages;
    private final Clock clock;

    TracingController(TracingManagement tracing, TracingStatistics statistics, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.tracing = tracing;
        this.statistics = statistics;
        this.messages = messages;
    }

    @GetMapping("/tracing")
    String boxes(@RequestParam(defaultValue = "inbox") String box, @RequestParam(defaultValue = "0") int page, Model model) {
        boolean inbox = !"outbox".equals(box);
        PageRequest request = new PageRequest(page, 50);
        Page<TraceSummary> requests = inbox ? tracing.inbox(request) : tracing.outbox(request);
        model.addAttribute("box", inbox ? "inbox" : "outbox");
        model.addAttribute("page", requests);
        model.addAttribute("requests", requests.items());
        model.addAttribute("overdueCount", tracing.overdueCount());
        model.addAttribute("self", tracing.self());
        return "tracing/list";
    }

    @GetMapping("/tracing/overdue")
    String overdue(Model model) {
        model.addAttribute("requests", tracing.overdue());
        model.addAttribute("days", tracing.reasonableDays());
        return "tracing/overdue";
    }

    @GetMapping("/tracing/new")
    String newRequest(@RequestParam(required = false) String weapon, Model model) {
        TraceRequestForm form = weapon == null || weapon.isBlank() ? emptyForm() : tracing.prefill(WeaponId.parse(weapon));
        return form(null, form, TracingForms.values(form), model);
    }

    @PostMapping("/tracing")
    String create(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        TraceRequestForm form;
        TraceId id;
        try {
            form = TracingForms.request(params);
            id = tracing.draft(form);
        } catch (UserFacingException | ConstraintViolationException e) { // a field too long: said beside it
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return form(null, emptyForm(), params, model);
        }
        return sendOrShow(id, form, params, model, locale, redirect);
    }

    @PostMapping("/tracing/{id}")
    String update(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect) {
        TraceId traceId = TraceId.parse(id);
        try {
            TraceRequestForm form = TracingForms.request(params);
            tracing.update(traceId, form);
            return sendOrShow(traceId, form, params, model, locale, redirect);
        } catch (UserFacingException | ConstraintViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            return form(traceId, emptyForm(), params, model);
        }
    }

    private String sendOrShow(TraceId id, TraceRequestForm form, Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect) {
        if ("send".equals(params.get("action"))) {
            try {
                tracing.send(id);
                redirect.addFlashAttribute("notice", messages.getMessage("tracing.sent", null, locale));
            } catch (UserFacingException e) {
                model.addAttribute("errors", FormErrors.of(e, messages, locale));
                return form(id, form, params, model);
            }
        } else {
            redirect.addFlashAttribute("notice", messages.getMessage("tracing.saved", null, locale));
        }
        return "redirect:/tracing/" + id;
    }

    @GetMapping("/tracing/{id}")
    String show(@PathVariable String id, Model model) {
        TraceRequest request = tracing.request(TraceId.parse(id));
        if (request.state() == TraceState.DRAFT) {
            return form(request.id(), request.form(), TracingForms.values(request.form()), model);
        }
        model.addAttribute("request", request);
        return "tracing/show";
    }

    @PostMapping("/tracing/{id}/messages")
    String post(@PathVariable String id, @RequestParam(required = false) String body, Locale locale, RedirectAttributes redirect) {
        try {
            tracing.post(TraceId.parse(id), body);
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/tracing/" + id + "#thread";
    }

    @PostMapping("/tracing/{id}/close")
    String close(@PathVariable String id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        try {
            tracing.close(TraceId.parse(id), reason);
            redirect.addFlashAttribute("notice", messages.getMessage("tracing.closed", null, locale));
        } catch (ConstraintViolationException e) { // a reason too long
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/tracing/" + id;
    }

    @GetMapping("/tracing/{id}/answer")
    String answerScreen(@PathVariable String id, @RequestParam(required = false) String weapon,
            @RequestParam(defaultValue = "false") boolean holder, Model model) {
        model.addAttribute("screen", tracing.answerScreen(TraceId.parse(id), weapon == null || weapon.isBlank() ? null
                : WeaponId.parse(weapon), holder));
        model.addAttribute("includeHolder", holder);
        model.addAttribute("outcomes", Outcome.values());
        return "tracing/answer";
    }

    @PostMapping("/tracing/{id}/answer")
    String answer(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect) {
        TraceId traceId = TraceId.parse(id);
        try {
            AnswerForm form = TracingForms.answer(params);
            tracing.answer(traceId, form);
            redirect.addFlashAttribute("notice", messages.getMessage("tracing.answered", null, locale));
            return "redirect:/tracing/" + id;
        } catch (UserFacingException | ConstraintViolationException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
            String weapon = params.get("weaponId");
            return answerScreen(id, weapon, "true".equals(params.get("includeHolderName")), model);
        }
    }

    /**
     * A photo, shown as an image and never run as a page: a peer chose its bytes (and, before only image types were
     * taken, its type), so a type that is not an accepted image is served as plain bytes, the browser may not guess
     * another, and the sandbox keeps any script from running as this node.
     */
    @GetMapping("/tracing/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        return tracing.photo(id).map(p -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ImageTypes.accepted(p.contentType()).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE))
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").body(p.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/tracing/sdg-16-4-2")
    String sdg(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Model model, Locale locale) {
        SdgPeriod p = SdgPeriod.of(year, from, to, clock);
        try {
            model.addAttribute("report", statistics.sdg1642(p.from(), p.to()));
        } catch (UserFacingException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        }
        model.addAttribute("period", p);
        model.addAttribute("outcomes", SdgOutcome.values());
        return "tracing/sdg";
    }

    @GetMapping("/tracing/sdg-16-4-2.csv")
    void sdgCsv(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, HttpServletResponse response) throws IOException {
        SdgPeriod.of(year, from, to, clock).writeCsv(statistics, response);
    }

    private String form(TraceId id, TraceRequestForm form, Map<String, String> values, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("values", values);
        model.addAttribute("markingRows", TracingForms.markingRows(values));
        model.addAttribute("recipients", tracing.recipients(form));
        String recipient = values.get("recipient");
        model.addAttribute("recipientUnknown", recipient != null && !recipient.isBlank() && !tracing.knownNode(recipient));
        model.addAttribute("types", WeaponType.values());
        model.addAttribute("recoveries", TracingManagement.recoveries());
        model.addAttribute("markingKinds", markingKinds());
        model.addAttribute("photos", id == null ? java.util.List.of() : tracing.photos(id));
        return "tracing/form";
    }

    private static java.util.List<String> markingKinds() {
        java.util.List<String> kinds = new java.util.ArrayList<>(java.util.List.of("SERIAL", "MAKER"));
        for (MarkingKind k : MarkingKind.values()) {
            kinds.add(k.name());
        }
        return kinds;
    }

    private static TraceRequestForm emptyForm() {
        return new TraceRequestForm(null, null, EventKind.SEIZED, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
