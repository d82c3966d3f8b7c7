package org.opensalw.registry.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.reference.References;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Photo;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.registry.WeaponFilter;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Weapon pages: the filtered list, registration, the weapon page with its timeline, events, corrections, photos. */
@Controller
class WeaponsController {

    private final RegistryManagement registry;
    private final RegistryQueries queries;
    private final References references;
    private final MessageSource messages;
    private final Clock clock;

    WeaponsController(RegistryManagement registry, RegistryQueries queries, References references, MessageSource messages, Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.references = references;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/weapons")
    String list(@RequestParam(required = false) String serial, @RequestParam(required = false) WeaponStatus status,
            @RequestParam(required = false) WeaponType type, @RequestParam(required = false) String maker,
            @RequestParam(required = false) String country, @RequestParam(required = false) java.util.UUID holder,
            @RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("weapons", queries.weapons(new WeaponFilter(serial, status, type, maker, country, holder), new PageRequest(page, 50)));
        if (htmx != null) {
            return "weapons/list :: results";
        }
        model.addAttribute("statuses", WeaponStatus.values());
        model.addAttribute("types", WeaponType.values());
        model.addAttribute("makers", references.makers());
        return "weapons/list";
    }

    @PreAuthorize("hasRole('REGISTRAR')") // the form is for those who may submit it
    @GetMapping("/weapons/new")
    String registrationForm(Model model) {
        String today = LocalDate.now(clock).toString();
        // the date the form fills in, sent back so that a date left as filled in is not taken for one the registrar wrote
        model.addAttribute("values", Map.of("origin.occurredOn", today, "origin.occurredOn.prefilled", today));
        return registrationPage(model);
    }

    @PostMapping("/weapons")
    String register(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            WeaponId id = registry.register(RegistryForms.registration(params));
            redirect.addFlashAttribute("notice", messages.getMessage("weapon.registered", null, locale));
            return "redirect:/weapons/" + id;
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            Map<String, String> errors = FormErrors.of(RegistryForms.inFormFields(e, params), messages, locale);
            model.addAttribute("errors", errors);
            model.addAttribute("errorLabels", FieldLabels.of(errors, FieldLabels.WEAPON, messages, locale));
            model.addAttribute("values", params);
            // never silently: a second weapon of the same maker and serial is registered only once the registrar says so
            model.addAttribute("confirmDistinctOffered", Registration.refusedAsSameSerial(e));
            return registrationPage(model);
        }
    }

    private String registrationPage(Model model) {
        model.addAttribute("types", WeaponType.values());
        model.addAttribute("makers", references.makers());
        model.addAttribute("countries", references.countries(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("origins", EventKind.ORIGINS);
        model.addAttribute("markingKinds", List.of(MarkingKind.IMPORT, MarkingKind.STATE_STOCK, MarkingKind.NATIONAL));
        return "weapons/new";
    }

    /** Options of the model list for the chosen maker (htmx). */
    @GetMapping("/weapons/models")
    String models(@RequestParam(required = false) String makerCode, Model model) {
        model.addAttribute("models", makerCode == null || makerCode.isBlank() ? List.of() : references.models(makerCode));
        return "weapons/new :: models";
    }

    @GetMapping("/weapons/{id}")
    String show(@PathVariable String id, Model model) {
        WeaponId weaponId = WeaponId.parse(id);
        WeaponDetails weapon = queries.weapon(weaponId).orElseThrow(() -> UserFacingException.notFound("weapon", id));
        model.addAttribute("weapon", weapon);
        model.addAttribute("possible", queries.possibleEvents(weaponId));
        return "weapons/show";
    }

    @PreAuthorize("hasRole('REGISTRAR')") // the form is for those who may submit it
    @GetMapping("/weapons/{id}/events/new")
    String eventForm(@PathVariable String id, @RequestParam EventKind kind, Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", kind.name());
        values.put("occurredOn", LocalDate.now(clock).toString());
        model.addAttribute("values", values);
        return eventPage(WeaponId.parse(id), kind, model);
    }

    @PostMapping("/weapons/{id}/events")
    String recordEvent(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect) {
        WeaponId weaponId = WeaponId.parse(id);
        try {
            long seq = registry.recordEvent(weaponId, RegistryForms.event(params));
            redirect.addFlashAttribute("notice", messages.getMessage("event.recorded", new Object[] {seq}, locale));
            return "redirect:/weapons/" + weaponId;
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            Map<String, String> errors = FormErrors.of(e, messages, locale);
            model.addAttribute("errors", errors);
            model.addAttribute("errorLabels", FieldLabels.of(errors, FieldLabels.EVENT, messages, locale));
            model.addAttribute("values", params);
            return eventPage(weaponId, eventKind(params.get("kind")), model);
        }
    }

    /**
     * The kind of the event form sent back, to show it again with its refusals; a kind that is not one of the form's
     * (an edited page) is refused on the error page, naming the kinds there are.
     */
    private static EventKind eventKind(String sent) {
        if (sent == null || sent.isBlank()) {
            return EventKind.MARKED;
        }
        return EventKind.LIFECYCLE.stream().filter(k -> k.name().equals(sent.trim())).findFirst()
                .orElseThrow(() -> UserFacingException.invalid("kind", "request.param.choice", "kind", sent,
                        String.join(", ", EventKind.LIFECYCLE.stream().map(Enum::name).toList())));
    }

    private String eventPage(WeaponId weaponId, EventKind kind, Model model) {
        WeaponDetails weapon = queries.weapon(weaponId).orElseThrow(() -> UserFacingException.notFound("weapon", weaponId));
        model.addAttribute("weapon", weapon);
        model.addAttribute("kind", kind);
        model.addAttribute("countries", references.countries(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("markingKinds", MarkingKind.values());
        model.addAttribute("holderKinds", HolderKind.values());
        model.addAttribute("licences", weapon.holderId() == null ? List.of()
                : queries.licences(new org.opensalw.registry.HolderId(weapon.holderId())));
        return "weapons/event";
    }

    @PostMapping("/weapons/{id}/void")
    String voidEntry(@PathVariable String id, @RequestParam long seq, @RequestParam(required = false) String reason,
            Locale locale, RedirectAttributes redirect) {
        WeaponId weaponId = WeaponId.parse(id);
        try {
            registry.voidEntry(weaponId, seq, reason);
            redirect.addFlashAttribute("notice", messages.getMessage("correction.recorded", new Object[] {seq}, locale));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/weapons/" + weaponId;
    }

    @PostMapping("/weapons/{id}/photos")
    String addPhoto(@PathVariable String id, @RequestParam("photo") MultipartFile photo,
            @RequestParam(required = false) String caption, Locale locale, RedirectAttributes redirect) throws IOException {
        WeaponId weaponId = WeaponId.parse(id);
        try {
            registry.addPhoto(weaponId, caption, photo.getContentType(), photo.getBytes());
            redirect.addFlashAttribute("notice", messages.getMessage("photo.added", null, locale));
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/weapons/" + weaponId;
    }


    @GetMapping("/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        Photo photo = queries.photo(id).orElseThrow(() -> UserFacingException.notFound("photo", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.info().contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePrivate()).body(photo.content());
    }
}
