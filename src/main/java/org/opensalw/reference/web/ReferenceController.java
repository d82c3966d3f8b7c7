package org.opensalw.reference.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensalw.reference.Maker;
import org.opensalw.reference.MakerForm;
import org.opensalw.reference.ModelForm;
import org.opensalw.reference.ReferenceFiles;
import org.opensalw.reference.References;
import org.opensalw.reference.WeaponType;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's reference data pages: makers with their aliases and codes, models, CSV export and import. */
@Controller
@PreAuthorize("hasRole('ADMIN')") // pages to edit reference data; everyone reads it through the API
class ReferenceController {

    private final References references;
    private final ReferenceFiles files;
    private final MessageSource messages;

    ReferenceController(References references, ReferenceFiles files, MessageSource messages) {
        this.references = references;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/admin/reference")
    String makers(Model model) {
        model.addAttribute("makers", references.makers());
        return "reference/makers";
    }

    @GetMapping("/admin/reference/makers/{code}")
    String maker(@PathVariable String code, Model model) {
        Maker maker = references.maker(code).orElseThrow(() -> UserFacingException.notFound("maker", code));
        model.addAttribute("maker", maker);
        model.addAttribute("models", references.models(maker.code()));
        model.addAttribute("types", WeaponType.values());
        model.addAttribute("countries", references.countries());
        return "reference/maker";
    }

    @GetMapping("/admin/reference/makers/new")
    String newMaker(Model model) {
        model.addAttribute("countries", references.countries());
        model.addAttribute("types", WeaponType.values());
        model.addAttribute("models", List.of());
        return "reference/maker";
    }

    @PostMapping("/admin/reference/makers")
    String saveMaker(@RequestParam Map<String, String> p, Locale locale, RedirectAttributes redirect) {
        String code = p.getOrDefault("code", "").trim().toUpperCase(Locale.ROOT);
        try {
            references.saveMaker(new MakerForm(code, p.get("name"), p.get("country"), lines(p.get("aliases")), lines(p.get("formerNames")),
                    lines(p.get("factoryCodes")), p.get("markingNotes"), p.get("source")));
            redirect.addFlashAttribute("notice", messages.getMessage("reference.saved", null, locale));
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            return code.isEmpty() || references.maker(code).isEmpty() ? "redirect:/admin/reference/makers/new" : "redirect:/admin/reference/makers/" + code;
        }
        return "redirect:/admin/reference/makers/" + code;
    }

    @PostMapping("/admin/reference/models")
    String saveModel(@RequestParam Map<String, String> p, Locale locale, RedirectAttributes redirect) {
        try {
            references.saveModel(new ModelForm(p.get("makerCode"), p.get("name"),
                    p.get("type") == null || p.get("type").isBlank() ? null : WeaponType.valueOf(p.get("type")),
                    p.get("calibre"), p.get("serialFormat"), p.get("source")));
            redirect.addFlashAttribute("notice", messages.getMessage("reference.saved", null, locale));
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/admin/reference/makers/" + p.get("makerCode");
    }

    @GetMapping("/admin/reference/makers.csv")
    void exportMakers(HttpServletResponse response) throws IOException {
        csv(response, "makers.csv");
        files.exportMakers(response.getWriter());
    }

    @GetMapping("/admin/reference/models.csv")
    void exportModels(HttpServletResponse response) throws IOException {
        csv(response, "models.csv");
        files.exportModels(response.getWriter());
    }

    @PostMapping("/admin/reference/import")
    String importFile(@RequestParam String what, @RequestParam MultipartFile file, Locale locale, RedirectAttributes redirect) throws IOException {
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            int n = switch (what) { // only these two: any other value was a makers import
                case "makers" -> files.importMakers(reader);
                case "models" -> files.importModels(reader);
                default -> throw UserFacingException.notFound("import", what);
            };
            redirect.addFlashAttribute("notice", messages.getMessage("reference.imported", new Object[] {n}, locale));
        } catch (UserFacingException | jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/admin/reference";
    }

    private static void csv(HttpServletResponse response, String name) {
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n|]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
