package org.opensalw.importing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.importing.BatchStatus;
import org.opensalw.importing.FlagSource;
import org.opensalw.importing.ImportBatch;
import org.opensalw.importing.ImportManagement;
import org.opensalw.importing.ImportTemplates;
import org.opensalw.importing.ImportOptions;
import org.opensalw.importing.PreparedFile;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: upload (file, encoding, delimiter, date format), the column-mapping step, the batch page with its
 * progress (polled by htmx while the file is read), suspected duplicates, confirmation, voiding and the error report.
 */
@Controller
class ImportController {

    private final ImportManagement imports;
    private final MessageSource messages;

    private final ImportTemplates templates;

    ImportController(ImportManagement imports, ImportTemplates templates, MessageSource messages) {
        this.templates = templates;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String list(Model model) {
        model.addAttribute("batches", imports.batches());
        model.addAttribute("dateFormats", ImportOptions.DATE_FORMATS);
        model.addAttribute("encodings", ImportOptions.ENCODINGS);
        return "importing/list";
    }

    @GetMapping("/imports/template.xlsx")
    void templateXlsx(HttpServletResponse response) throws IOException {
        sendXlsxTemplate(templates, response);
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The Excel template as a download (page and API alike). */
    static void sendXlsxTemplate(ImportTemplates templates, HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"opensalw-import-template.xlsx\"");
        templates.writeXlsx(response.getOutputStream());
    }

    @GetMapping(value = "/imports/template.csv", produces = "text/csv")
    void template(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"opensalw-import-template.csv\"");
        response.getWriter().write(templates.csv());
    }

    @PostMapping("/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "UTF-8") String encoding,
            @RequestParam(defaultValue = "") String delimiter, @RequestParam(defaultValue = "") String dateFormat, Locale locale,
            RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("errors", Map.of("file", messages.getMessage("import.file.empty", null, locale)));
            return "redirect:/imports";
        }
        try (InputStream in = file.getInputStream()) {
            PreparedFile p = imports.prepare(file.getOriginalFilename(), in, encoding);
            redirect.addAttribute("encoding", encoding);
            redirect.addAttribute("delimiter", delimiter);
            redirect.addAttribute("dateFormat", dateFormat);
            return "redirect:/imports/uploads/" + p.id();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/uploads/{id}")
    String mapping(@PathVariable UUID id, @RequestParam(defaultValue = "UTF-8") String encoding,
            @RequestParam(defaultValue = "") String delimiter, @RequestParam(defaultValue = "") String dateFormat, Model model) {
        model.addAttribute("upload", imports.prepared(id));
        model.addAttribute("columns", templates.columns());
        model.addAttribute("encoding", encoding);
        model.addAttribute("delimiter", delimiter);
        model.addAttribute("dateFormat", dateFormat);
        model.addAttribute("dateFormats", ImportOptions.DATE_FORMATS);
        model.addAttribute("encodings", ImportOptions.ENCODINGS);
        return "importing/mapping";
    }

    @PostMapping("/imports/uploads/{id}/start")
    String start(@PathVariable UUID id, @RequestParam Map<String, String> form, Locale locale, RedirectAttributes redirect) {
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("map.")) {
                mapping.put(k.substring(4), v);
            }
        });
        String delimiter = form.getOrDefault("delimiter", "");
        try {
            ImportBatch b = imports.start(id, new ImportOptions(form.getOrDefault("encoding", "UTF-8"),
                    delimiter.isEmpty() ? null : delimiter.charAt(0), form.getOrDefault("dateFormat", ""), mapping));
            return "redirect:/imports/" + b.id();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("chosenMapping", mapping); // the person's choices, not the suggestions again
            redirect.addAttribute("encoding", form.getOrDefault("encoding", "UTF-8"));
            redirect.addAttribute("delimiter", delimiter);
            redirect.addAttribute("dateFormat", form.getOrDefault("dateFormat", ""));
            return "redirect:/imports/uploads/" + id;
        }
    }

    @GetMapping("/imports/{id}")
    String batch(@PathVariable UUID id, Model model) {
        ImportBatch b = imports.batch(id);
        model.addAttribute("b", b);
        model.addAttribute("flagged", imports.flagged(id, false));
        model.addAttribute("openFlags", b.status() == BatchStatus.LOADED ? imports.openFlags(id) : Map.of());
        model.addAttribute("history", imports.history(id));
        return "importing/batch";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        ImportBatch b = imports.batch(id);
        if (!b.inProgress()) { // read or confirmed: the whole page changes (review, confirmation, history), so htmx reloads it
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("b", b);
        return "importing/batch :: progress";
    }

    @GetMapping(value = "/imports/{id}/errors.csv", produces = "text/csv")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        imports.batch(id); // an unknown batch is refused before the response is begun, so the refusal can be written
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-errors-" + id + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        imports.writeErrors(id, response.getWriter());
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        return act(id, () -> imports.cancel(id), locale, redirect);
    }

    @PostMapping("/imports/{id}/read-again")
    String readAgain(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        try {
            return "redirect:/imports/" + imports.readAgain(id).id();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            return "redirect:/imports/" + id;
        }
    }

    @PostMapping("/imports/{id}/confirm")
    String confirm(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        return act(id, () -> imports.startConfirmation(id), locale, redirect); // a large batch takes minutes: its page follows it
    }

    @PostMapping("/imports/{id}/void")
    String voidBatch(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Locale locale, RedirectAttributes redirect) {
        return act(id, () -> imports.voidBatch(id, reason), locale, redirect);
    }

    @PostMapping("/imports/{id}/rows/{line}/review")
    String review(@PathVariable UUID id, @PathVariable long line, @RequestParam String decision, Locale locale, RedirectAttributes redirect) {
        return act(id, () -> imports.review(id, line, decision), locale, redirect);
    }

    @PostMapping("/imports/{id}/flags/{source}/review")
    String reviewAll(@PathVariable UUID id, @PathVariable FlagSource source, @RequestParam String decision,
            @RequestParam(defaultValue = "false") boolean checked, Locale locale, RedirectAttributes redirect) {
        return act(id, () -> {
            if ("DISTINCT".equals(decision) && !checked) { // the page's tick, also when the browser did not require it
                throw UserFacingException.invalid("checked", "import.reviewAll.unchecked");
            }
            redirect.addFlashAttribute("decided", imports.reviewAll(id, source, decision));
        }, locale, redirect);
    }

    private String act(UUID id, Runnable action, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return "redirect:/imports/" + id;
    }
}
