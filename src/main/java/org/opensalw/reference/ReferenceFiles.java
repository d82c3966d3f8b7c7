package org.opensalw.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makers and models as CSV files, in the same columns as the shipped files (reference/makers.csv, models.csv), so a
 * ministry can export its edited lists, share them, and import another's.
 */
@Service
public class ReferenceFiles {

    static final String[] MAKER_COLUMNS = {"code", "name", "country", "aliases", "former_names", "factory_codes", "marking_notes", "source"};
    static final String[] MODEL_COLUMNS = {"maker_code", "name", "type", "calibre", "serial_format", "source"};

    private final References references;
    private final jakarta.validation.Validator validator;

    ReferenceFiles(References references, jakarta.validation.Validator validator) {
        this.validator = validator;
        this.references = references;
    }

    public void exportMakers(Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(MAKER_COLUMNS).get())) {
            for (Maker m : references.makers()) {
                csv.printRecord(m.code(), m.name(), m.country(), String.join("|", m.aliases()), String.join("|", m.formerNames()),
                        String.join("|", m.factoryCodes()), m.markingNotes(), m.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void exportModels(Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(MODEL_COLUMNS).get())) {
            for (Model m : references.allModels()) {
                csv.printRecord(m.makerCode(), m.name(), m.type(), m.calibre(), m.serialFormat(), m.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports makers; every line is checked first and nothing is saved if any line is wrong (named by line number). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int importMakers(Reader in) {
        List<MakerForm> forms = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (CSVRecord r : parse(in, MAKER_COLUMNS)) {
            if (!complete(r, MAKER_COLUMNS, problems)) {
                continue;
            }
            String code = r.get("code").trim().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9_]{2,40}") || r.get("name").isBlank()) {
                problems.add(Violation.of("line " + (r.getRecordNumber() + 1), "reference.import.makerLine", r.getRecordNumber() + 1));
                continue;
            }
            MakerForm form = new MakerForm(code, r.get("name").trim(), r.get("country").trim().toUpperCase(Locale.ROOT),
                    References.split(r.get("aliases")), References.split(r.get("former_names")), References.split(r.get("factory_codes")),
                    r.get("marking_notes"), r.get("source"));
            if (valid(form, r.getRecordNumber() + 1, problems)) {
                forms.add(form);
            }
        }
        throwIf(problems);
        forms.forEach(references::saveMaker);
        return forms.size();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int importModels(Reader in) {
        List<ModelForm> forms = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (CSVRecord r : parse(in, MODEL_COLUMNS)) {
            long line = r.getRecordNumber() + 1;
            if (!complete(r, MODEL_COLUMNS, problems)) {
                continue;
            }
            WeaponType type;
            try {
                type = WeaponType.valueOf(r.get("type").trim());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.of("line " + line, "reference.import.type", line, r.get("type")));
                continue;
            }
            if (references.maker(r.get("maker_code")).isEmpty()) {
                problems.add(Violation.of("line " + line, "reference.import.maker", line, r.get("maker_code")));
                continue;
            }
            ModelForm form = new ModelForm(r.get("maker_code").trim().toUpperCase(Locale.ROOT), r.get("name").trim(), type, r.get("calibre"),
                    r.get("serial_format"), r.get("source"));
            if (valid(form, line, problems)) {
                forms.add(form);
            }
        }
        throwIf(problems);
        forms.forEach(references::saveModel);
        return forms.size();
    }

    /** A line with fewer values than the header: named, instead of failing on the first missing one. */
    private static boolean complete(CSVRecord r, String[] columns, List<Violation> problems) {
        if (r.isConsistent()) {
            return true;
        }
        long line = r.getRecordNumber() + 1;
        problems.add(Violation.of("line " + line, "reference.import.short", line, r.size(), columns.length));
        return false;
    }

    /** The form's own rules (lengths, a web address as source), each broken one named with its line and field. */
    private boolean valid(Object form, long line, List<Violation> problems) {
        var broken = validator.validate(form);
        broken.forEach(v -> problems.add(Violation.of("line " + line, "reference.import.invalid", line, v.getPropertyPath().toString(),
                v.getMessage())));
        return broken.isEmpty();
    }

    private static void throwIf(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, problems);
        }
    }

    private static List<CSVRecord> parse(Reader in, String[] columns) {
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in);
            for (String column : columns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw UserFacingException.invalid("file", "reference.import.column", column);
                }
            }
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw UserFacingException.invalid("file", "reference.import.unreadable", e.getMessage());
        }
    }
}
