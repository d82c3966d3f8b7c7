package org.opensalw.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /**
     * Imports makers; every line is checked first and nothing is saved if any line is wrong (each named by its line
     * number). A blank cell keeps the maker's current value: a file giving only a code and a new name changes only the
     * name, and never wipes the aliases, former names and factory marks identification relies on. A code given on two
     * lines is refused, naming both.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int importMakers(Reader in) {
        Map<String, Maker> existing = new HashMap<>();
        references.makers().forEach(m -> existing.put(m.code(), m));
        Set<String> countries = references.countryCodes();
        FirstLines codes = new FirstLines();
        List<MakerForm> forms = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (CSVRecord r : parse(in, MAKER_COLUMNS)) {
            long line = r.getRecordNumber() + 1;
            if (!complete(r, MAKER_COLUMNS, problems)) {
                continue;
            }
            String code = r.get("code").trim().toUpperCase(Locale.ROOT);
            Maker current = existing.get(code);
            if (!code.matches("[A-Z0-9_]{2,40}") || r.get("name").isBlank() && current == null) {
                problems.add(Violation.of("line " + line, "reference.import.makerLine", line));
                continue;
            }
            if (!codes.first(code, code, line, problems)) {
                continue;
            }
            MakerForm form = current == null
                    ? new MakerForm(code, r.get("name").trim(), upper(r.get("country")), References.split(r.get("aliases")),
                            References.split(r.get("former_names")), References.split(r.get("factory_codes")), r.get("marking_notes"),
                            r.get("source"))
                    : new MakerForm(code, kept(r.get("name"), current.name()), kept(upper(r.get("country")), current.country()),
                            kept(r.get("aliases"), current.aliases()), kept(r.get("former_names"), current.formerNames()),
                            kept(r.get("factory_codes"), current.factoryCodes()), kept(r.get("marking_notes"), current.markingNotes()),
                            kept(r.get("source"), current.source()));
            boolean countryKnown = knownCountry(form.country(), countries, line, problems);
            if (valid(form, line, problems) && countryKnown) {
                forms.add(form);
            }
        }
        throwIf(problems);
        forms.forEach(references::saveMaker);
        return forms.size();
    }

    /**
     * Imports models, checked and kept as makers are ({@link #importMakers}): a blank calibre, serial format or source
     * (or type) keeps the model's current one, and a model given on two lines is refused, naming both. A model is the
     * maker's model of that name, ignoring case (as {@link References#model} finds it), and keeps its stored name.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int importModels(Reader in) {
        Map<String, Model> existing = new HashMap<>();
        references.allModels().forEach(m -> existing.putIfAbsent(modelKey(m.makerCode(), m.name()), m));
        Set<String> makers = references.makerCodes();
        FirstLines names = new FirstLines();
        List<ModelForm> forms = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (CSVRecord r : parse(in, MODEL_COLUMNS)) {
            long line = r.getRecordNumber() + 1;
            if (!complete(r, MODEL_COLUMNS, problems)) {
                continue;
            }
            String makerCode = r.get("maker_code").trim().toUpperCase(Locale.ROOT);
            if (!makers.contains(makerCode)) {
                problems.add(Violation.of("line " + line, "reference.import.maker", line, r.get("maker_code")));
                continue;
            }
            String name = r.get("name").trim();
            Model current = existing.get(modelKey(makerCode, name));
            WeaponType type;
            try {
                type = r.get("type").isBlank() && current != null ? current.type() : WeaponType.valueOf(r.get("type").trim());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.of("line " + line, "reference.import.type", line, r.get("type")));
                continue;
            }
            if (!name.isEmpty() && !names.first(modelKey(makerCode, name), makerCode + " " + name, line, problems)) {
                continue;
            }
            ModelForm form = current == null
                    ? new ModelForm(makerCode, name, type, r.get("calibre"), r.get("serial_format"), r.get("source"))
                    : new ModelForm(makerCode, current.name(), type, kept(r.get("calibre"), current.calibre()),
                            kept(r.get("serial_format"), current.serialFormat()), kept(r.get("source"), current.source()));
            if (valid(form, line, problems)) {
                forms.add(form);
            }
        }
        throwIf(problems);
        forms.forEach(references::saveModel);
        return forms.size();
    }

    /** A blank cell keeps the current value. */
    private static String kept(String cell, String current) {
        return cell.isBlank() ? current : cell.trim();
    }

    private static List<String> kept(String cell, List<String> current) {
        return cell.isBlank() ? current : References.split(cell);
    }

    private static String upper(String cell) {
        return cell.trim().toUpperCase(Locale.ROOT);
    }

    private static String modelKey(String makerCode, String name) {
        return makerCode + "\n" + name.trim().toLowerCase(Locale.ROOT);
    }

    /** A well-formed country code that is not in the reference list, named with its line (a malformed one is the form's). */
    private static boolean knownCountry(String country, Set<String> countries, long line, List<Violation> problems) {
        if (country == null || !country.matches("[A-Z]{2}") || countries.contains(country)) {
            return true;
        }
        problems.add(Violation.of("line " + line, "reference.import.country", line, country));
        return false;
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
