package org.opensalw.reference.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.opensalw.reference.Country;
import org.opensalw.reference.Maker;
import org.opensalw.reference.MakerForm;
import org.opensalw.reference.Model;
import org.opensalw.reference.ModelForm;
import org.opensalw.reference.ReferenceFiles;
import org.opensalw.reference.References;
import org.opensalw.reference.WeaponType;
import org.opensalw.shared.UserFacingException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Reference data", description = "Countries with UN M49 regions, makers (aliases, former names, factory codes), models, weapon types")
class ReferenceApi {

    record WeaponTypeInfo(WeaponType type, String salwClass, String attSubcategory) {
    }

    private static final String IMPORT_RULES = "All lines are checked before anything is saved; a refused file names each wrong"
            + " line by its number. A blank cell keeps the current value (to clear one, edit the maker or model itself), so a"
            + " file with only some columns filled never wipes the rest. A maker's code, or a maker's model, given on two"
            + " lines refuses the file, naming both lines.";

    private final References references;
    private final ReferenceFiles files;

    ReferenceApi(References references, ReferenceFiles files) {
        this.references = references;
        this.files = files;
    }

    @GetMapping("/api/reference/countries")
    @Operation(summary = "Countries (ISO 3166-1) with their UN M49 region and sub-region")
    List<Country> countries() {
        return references.countries();
    }

    @GetMapping("/api/reference/weapon-types")
    @Operation(summary = "Weapon types with their SALW class (ITI para 4) and ATT category VIII sub-category")
    List<WeaponTypeInfo> types() {
        return java.util.Arrays.stream(WeaponType.values()).map(t -> new WeaponTypeInfo(t, t.salwClass().name(), t.attSubcategory())).toList();
    }

    @GetMapping("/api/reference/makers")
    @Operation(summary = "Makers with aliases, former names, factory codes, marking notes and source")
    List<Maker> makers() {
        return references.makers();
    }

    @GetMapping("/api/reference/makers/{code}/models")
    @Operation(summary = "A maker's models")
    List<Model> models(@PathVariable String code) {
        return references.models(code.toUpperCase(java.util.Locale.ROOT));
    }

    @PutMapping("/api/reference/makers/{code}")
    @Operation(summary = "Create or edit a maker (ADMIN); edited rows are no longer refreshed from the shipped file")
    Maker saveMaker(@PathVariable String code, @RequestBody MakerForm form) {
        if (!code.equalsIgnoreCase(form.code())) {
            throw UserFacingException.invalid("code", "reference.code.mismatch", code, form.code());
        }
        return references.saveMaker(form);
    }

    @PutMapping("/api/reference/models")
    @Operation(summary = "Create or edit a model, identified by maker and name (ADMIN)")
    Model saveModel(@RequestBody ModelForm form) {
        return references.saveModel(form);
    }

    @GetMapping(value = "/api/reference/makers.csv", produces = "text/csv")
    @Operation(summary = "Export makers as CSV (the columns of the shipped reference/makers.csv)")
    void exportMakers(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        files.exportMakers(response.getWriter());
    }

    @GetMapping(value = "/api/reference/models.csv", produces = "text/csv")
    @Operation(summary = "Export models as CSV")
    void exportModels(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        files.exportModels(response.getWriter());
    }

    @PostMapping(value = "/api/reference/makers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import makers from CSV, in the columns of the export (ADMIN)", description = IMPORT_RULES)
    Map<String, Integer> importMakers(@RequestPart("file") MultipartFile file) throws IOException {
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return Map.of("saved", files.importMakers(reader));
        }
    }

    @PostMapping(value = "/api/reference/models/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import models from CSV, in the columns of the export (ADMIN)", description = IMPORT_RULES)
    Map<String, Integer> importModels(@RequestPart("file") MultipartFile file) throws IOException {
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return Map.of("saved", files.importModels(reader));
        }
    }
}
