package org.opensalw.registry.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensalw.reference.References;
import org.opensalw.registry.HolderDetails;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.LicenceId;
import org.opensalw.registry.LicenceKind;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Holder pages: search, registration and update, the holder page with licences, weapons and history. */
@Controller
class HoldersController {

    private final RegistryManagement registry;
    private final RegistryQueries queries;
    private final References references;
    private final MessageSource messages;
    private final Clock clock;

    HoldersController(RegistryManagement registry, RegistryQueries queries, References references, MessageSource messages, Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.references = references;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/holders")
    String list(@RequestParam(required = false) String name, @RequestParam(required = false) HolderKind kind,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("holders", queries.holders(name, kind, new PageRequest(page, 50)));
        model.addAttribute("kinds", HolderKind.values());
        return "holders/list";
    }

    /** Options for a holder select (htmx): holders whose name starts with the text typed. */
    @GetMapping("/holders/options")
    String options(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("holders", q == null || q.isBlank() ? java.util.List.of()
                : queries.holders(q, null, new PageRequest(0, 20)).items());
        return "holders/options :: options";
    }

    @PreAuthorize("hasRole('REGISTRAR')") // the form is for those who may submit it
    @GetMapping("/holders/new")
    String newForm(Model model) {
        model.addAttribute("values", Map.of("kind", "PERSON"));
        return formPage(null, model);
    }

    @PostMapping("/holders")
    String create(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            HolderId id = registry.registerHolder(RegistryForms.holder(params));
            redirect.addFlashAttribute("notice", messages.getMessage("holder.registered", null, locale));
            return "redirect:/holders/" + id;
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            Map<String, String> errors = FormErrors.of(e, messages, locale);
            model.addAttribute("errors", errors);
            model.addAttribute("errorLabels", FieldLabels.of(errors, FieldLabels.HOLDER, messages, locale));
            model.addAttribute("values", params);
            return formPage(null, model);
        }
    }

    @PreAuthorize("hasRole('REGISTRAR')") // the form is for those who may submit it
    @GetMapping("/holders/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        HolderDetails h = holder(id);
        Map<String, String> values = new HashMap<>();
        values.put("kind", h.kind().name());
        values.put("name", h.name());
        values.put("country", h.country());
        values.put("birthDate", h.birthDate() == null ? null : h.birthDate().toString());
        values.put("idDocument", h.idDocument());
        values.put("address", h.address());
        values.put("phone", h.phone());
        values.put("registrationNumber", h.registrationNumber());
        values.put("role", h.role());
        values.put("version", h.updatedAt().toString()); // sent back, so a change made meanwhile by someone else is not undone
        model.addAttribute("values", values);
        return formPage(h, model);
    }

    @PostMapping("/holders/{id}")
    String update(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect) {
        HolderId holderId = HolderId.parse(id);
        try {
            registry.updateHolder(holderId, RegistryForms.holder(params), version(params.get("version")));
            redirect.addFlashAttribute("notice", messages.getMessage("holder.updated", null, locale));
            return "redirect:/holders/" + holderId;
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            Map<String, String> errors = FormErrors.of(e, messages, locale);
            model.addAttribute("errors", errors);
            model.addAttribute("errorLabels", FieldLabels.of(errors, FieldLabels.HOLDER, messages, locale));
            model.addAttribute("values", params);
            return formPage(holder(id), model);
        }
    }

    private static Instant version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw UserFacingException.invalid("version", "holder.version.invalid", text);
        }
    }

    private String formPage(HolderDetails holder, Model model) {
        model.addAttribute("holder", holder);
        model.addAttribute("kinds", HolderKind.values());
        model.addAttribute("countries", references.countries(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "holders/form";
    }

    @GetMapping("/holders/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("holder", holder(id));
        model.addAttribute("licenceKinds", LicenceKind.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "holders/show";
    }

    @PostMapping("/holders/{id}/licences")
    String issueLicence(@PathVariable String id, @RequestParam Map<String, String> params, Locale locale, RedirectAttributes redirect) {
        HolderId holderId = HolderId.parse(id);
        try {
            registry.issueLicence(holderId, RegistryForms.licence(params));
            redirect.addFlashAttribute("notice", messages.getMessage("licence.issued", null, locale));
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            flashErrors(FormErrors.of(e, messages, locale), locale, redirect);
        }
        return "redirect:/holders/" + holderId;
    }

    @PostMapping("/holders/{id}/licences/{licenceId}/revoke")
    String revokeLicence(@PathVariable String id, @PathVariable String licenceId, @RequestParam(required = false) String revokedOn,
            @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        try {
            LocalDate on = revokedOn == null || revokedOn.isBlank() ? LocalDate.now(clock) : LocalDate.parse(revokedOn);
            registry.revokeLicence(LicenceId.parse(licenceId), on, reason);
            redirect.addFlashAttribute("notice", messages.getMessage("licence.revoked", null, locale));
        } catch (UserFacingException e) {
            flashErrors(FormErrors.of(e, messages, locale), locale, redirect);
        } catch (java.time.format.DateTimeParseException e) {
            flashErrors(Map.of("revokedOn", messages.getMessage("form.date.invalid", new Object[] {revokedOn}, locale)), locale, redirect);
        }
        return "redirect:/holders/" + HolderId.parse(id);
    }

    /** The refusal of a licence form, shown on the holder's page with the labels of its fields. */
    private void flashErrors(Map<String, String> errors, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("errorLabels", FieldLabels.of(errors, FieldLabels.HOLDER, messages, locale));
    }


    private HolderDetails holder(String id) {
        return queries.holder(HolderId.parse(id)).orElseThrow(() -> UserFacingException.notFound("holder", id));
    }
}
