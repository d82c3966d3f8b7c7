package org.opensalw.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensalw.importing.ColumnInfo;
import org.opensalw.importing.FlagSource;
import org.opensalw.importing.FlaggedRow;
import org.opensalw.importing.ImportBatch;
import org.opensalw.importing.ImportManagement;
import org.opensalw.importing.ImportOptions;
import org.opensalw.importing.ImportTemplates;
import org.opensalw.importing.PreparedFile;
import org.opensalw.shared.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The JSON API of imports: upload (multipart) and start, progress, cancel, duplicates, confirm, void, error report. */
@RestController
@Tag(name = "Imports", description = "Loading legacy registers from CSV or .xlsx: batches, progress, error reports, duplicates, confirmation")
class ImportApi {

    record VoidRequest(String reason) {
    }

    record Review(String decision) {
    }

    private final ImportManagement imports;
    private final ImportTemplates templates;

    ImportApi(ImportManagement imports, ImportTemplates templates) {
        this.imports = imports;
        this.templates = templates;
    }

    @GetMapping("/api/imports/columns")
    @Operation(summary = "The documented columns of an import file")
    List<ColumnInfo> columns() {
        return templates.columns();
    }

    @GetMapping(value = "/api/imports/template.csv", produces = "text/csv")
    @Operation(summary = "The template file: documented header and an example row")
    String template() {
        return templates.csv();
    }

    @GetMapping(value = "/api/imports/template.xlsx", produces = ImportController.XLSX)
    @Operation(summary = "The Excel template: documented header, example row, drop-down lists of allowed values, columns described",
            description = "The columns sheet is in the language the request asks for (Accept-Language: en, fr or es; English by default).")
    void templateXlsx(HttpServletResponse response) throws IOException {
        ImportController.sendXlsxTemplate(templates, response);
    }

    @PostMapping(value = "/api/imports/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file and read its header (the column-mapping step): headers found, suggested mapping, required columns missing")
    PreparedFile prepare(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "UTF-8") String encoding) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.prepare(file.getOriginalFilename(), in, encoding);
        }
    }

    @PostMapping(value = "/api/imports/prepare/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a prepared upload with the stated options", description = "mapping: documented column -> file header")
    ImportBatch start(@PathVariable UUID id, @RequestBody ImportOptions options) {
        return imports.start(id, options);
    }

    @PostMapping(value = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Upload a file and start its import in one call",
            description = "dateFormat is required (one of the offered formats: dates are never guessed). encoding: UTF-8 or ISO-8859-1."
                    + " delimiter: ',' or ';' (default: the one of the header line). mapping: 'column=File header' pairs separated by"
                    + " newlines or '|', for headers that differ from the documented columns. Answers 202 with the batch; follow"
                    + " its progress at GET /api/imports/{id}.")
    ImportBatch upload(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String dateFormat,
            @RequestParam(defaultValue = "UTF-8") String encoding, @RequestParam(required = false) String delimiter,
            @RequestParam(required = false) String mapping) throws IOException {
        PreparedFile p;
        try (InputStream in = file.getInputStream()) {
            p = imports.prepare(file.getOriginalFilename(), in, encoding);
        }
        Map<String, String> map = ImportOptions.parseMapping(mapping);
        return imports.start(p.id(), new ImportOptions(encoding, delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0),
                dateFormat, map));
    }

    @GetMapping("/api/imports")
    @Operation(summary = "The latest batches, newest first")
    List<ImportBatch> batches() {
        return imports.batches();
    }

    @GetMapping("/api/imports/{id}")
    @Operation(summary = "A batch with its counts; while it runs, rows per second, seconds left and percent of the file read")
    ImportBatch batch(@PathVariable UUID id) {
        return imports.batch(id);
    }

    @PostMapping("/api/imports/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel a running import (nothing of it reaches the register)",
            description = "Works from any instance: the request is kept with the batch and the instance reading it stops within about"
                    + " a second; follow GET /api/imports/{id} until CANCELLED.")
    void cancel(@PathVariable UUID id) {
        imports.cancel(id);
    }

    @PostMapping("/api/imports/{id}/read-again")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Read an interrupted, cancelled or failed batch's file again, with the same options",
            description = "Starts a new batch from the file kept with the old one (uploaded files are kept in the database until"
                    + " their retention ends, see docs/importing.md) and voids the old batch, naming the new one. Answers 202 with"
                    + " the new batch. Refused (422) for a batch in another status or already read again, when the file's content"
                    + " was released, when a command-line file cannot be read on this machine, or when the file changed since it"
                    + " was received (its SHA-256); 409 when a batch of the same file is open or confirmed meanwhile.")
    ImportBatch readAgain(@PathVariable UUID id) {
        return imports.readAgain(id);
    }

    @GetMapping("/api/imports/{id}/flagged")
    @Operation(summary = "Suspected duplicates of a batch, a page at a time",
            description = "open=true: only those still to decide. At most 'limit' rows (1 to 1000, default 500): without afterLine,"
                    + " those still to decide first; with afterLine, the rows after that line in line order, so a client reads them"
                    + " all by starting with afterLine=0 and asking again with the last line it received until the answer is empty.")
    List<FlaggedRow> flagged(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) Long afterLine, @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 1000) {
            throw UserFacingException.invalid("limit", "import.flagged.limit", limit);
        }
        return imports.flagged(id, open, afterLine, limit);
    }

    @PostMapping("/api/imports/{id}/rows/{line}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decide a suspected duplicate: DUPLICATE (not registered) or DISTINCT (registered as another weapon)")
    void review(@PathVariable UUID id, @PathVariable long line, @RequestBody Review review) {
        imports.review(id, line, review.decision());
    }

    @GetMapping("/api/imports/{id}/flags")
    @Operation(summary = "How many suspected duplicates of a batch wait for a decision, by where the duplicate was found",
            description = "FILE: an earlier row of the same file; REGISTER: a weapon in the register.")
    Map<FlagSource, Long> openFlags(@PathVariable UUID id) {
        return imports.openFlags(id);
    }

    @PostMapping("/api/imports/{id}/flags/{source}/review")
    @Operation(summary = "Decide at once every suspected duplicate still open whose duplicate was found in one place",
            description = "source FILE (an earlier row of the same file) or REGISTER (a weapon in the register); decision DUPLICATE (the"
                    + " rows are not registered) or DISTINCT (they are registered at confirmation). Only before confirmation (422"
                    + " otherwise). Each row records who decided, and the audit trail one entry with the count. Answers the number of"
                    + " rows decided.")
    Map<String, Integer> reviewAll(@PathVariable UUID id, @PathVariable FlagSource source, @RequestBody Review review) {
        return Map.of("decided", imports.reviewAll(id, source, review.decision()));
    }

    @PostMapping("/api/imports/{id}/confirm")
    @Operation(summary = "Confirm a read batch: its accepted rows reach the register in one transaction",
            description = "By default the answer comes when the rows are in the register (status CONFIRMED). With wait=false it comes at"
                    + " once, 202 with the status CONFIRMING: follow GET /api/imports/{id} until CONFIRMED, or LOADED again with the"
                    + " reason in 'message' if the confirmation failed (nothing of it is then in the register).")
    ResponseEntity<ImportBatch> confirm(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean wait) {
        return wait ? ResponseEntity.ok(imports.confirm(id)) : ResponseEntity.accepted().body(imports.startConfirmation(id));
    }

    @PostMapping("/api/imports/{id}/void")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Void an unconfirmed batch, with a reason (nothing is deleted)")
    void voidBatch(@PathVariable UUID id, @RequestBody VoidRequest request) {
        imports.voidBatch(id, request.reason());
    }

    @GetMapping(value = "/api/imports/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "The error report: line, column, reason and value of each rejected row")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        imports.batch(id); // an unknown batch is refused before the response is begun, so the refusal can be written
        response.setContentType("text/csv;charset=UTF-8");
        imports.writeErrors(id, response.getWriter());
    }
}
