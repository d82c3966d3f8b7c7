package org.opensalw.identification.web;

import org.opensalw.registry.EventKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.opensalw.identification.Identification;
import org.opensalw.identification.Identified;
import org.opensalw.reference.References;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.Registration;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The investigator's page: what is read on the weapon, the ranked candidates beside it with the differences marked,
 * and the two outcomes (it is this record; it is not registered).
 */
@Controller
class IdentificationController {

    private final Identification identification;
    private final References references;
    private final MessageSource messages;
    private final Clock clock;

    IdentificationController(Identification identification, References references, MessageSource messages, Clock clock) {
        this.identification = identification;
        this.references = references;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/identification")
    String search(@RequestParam Map<String, String> params, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, Locale locale) {
        model.addAttribute("values", params);
        String serial = params.get("serial");
        if (serial != null && !serial.isBlank()) {
            try {
                model.addAttribute("result", identification.identify(IdentificationForms.reading(params)));
            } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
                model.addAttribute("errors", FormErrors.of(e, messages, locale));
            }
        }
        String view = page(model);
        return htmx != null ? view + " :: results" : view;
    }

    @PostMapping("/identification/matched/{id}")
    String matched(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect) {
        WeaponId weaponId = WeaponId.parse(id);
        try {
            long seq = identification.recordAsMatched(weaponId, IdentificationForms.recovery(params));
            redirect.addFlashAttribute("notice", messages.getMessage("identification.matched.recorded", new Object[] {seq}, locale));
            return "redirect:/weapons/" + weaponId;
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            return failed(e, params, model, locale);
        }
    }

    @PostMapping("/identification/unregistered")
    String unregistered(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            WeaponId id = identification.recordAsUnregistered(IdentificationForms.reading(params), IdentificationForms.recovery(params),
                    "true".equals(params.get("confirmDistinct")));
            redirect.addFlashAttribute("notice", messages.getMessage("identification.unregistered.recorded", null, locale));
            return "redirect:/weapons/" + id;
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            return failed(e, params, model, locale);
        }
    }

    private String failed(RuntimeException e, Map<String, String> params, Model model, Locale locale) {
        model.addAttribute("errors", FormErrors.of(e, messages, locale));
        // a weapon of the same maker and serial is registered: the form offers to say it is another one, never silently
        model.addAttribute("confirmDistinctOffered", Registration.refusedAsSameSerial(e));
        model.addAttribute("values", params);
        try {
            Identified result = identification.identify(IdentificationForms.reading(params));
            model.addAttribute("result", result);
        } catch (RuntimeException ignored) {
            // the reading itself is what was wrong: the errors say so
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("types", WeaponType.values());
        var makers = references.makers();
        model.addAttribute("makers", makers);
        model.addAttribute("makerNames", makers.stream().collect(java.util.stream.Collectors.toMap(m -> m.code(), m -> m.name())));
        model.addAttribute("recoveries", EventKind.RECOVERIES);
        model.addAttribute("today", LocalDate.now(clock).toString());
        model.addAttribute("indexed", identification.indexedWeapons());
        return "identification/search";
    }
}
