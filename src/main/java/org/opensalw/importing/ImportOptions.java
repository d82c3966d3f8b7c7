package org.opensalw.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.importing.internal.Columns;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/**
 * What the person importing states about the file: its encoding (UTF-8 or ISO-8859-1; CSV only), the delimiter
 * (',' or ';', or null to take the one the header line uses), the date format (required: dates are never guessed),
 * and which file header holds each documented column (columns left out are matched by name).
 */
public record ImportOptions(String encoding, Character delimiter, String dateFormat, Map<String, String> mapping) {

    /** The date formats offered; the one used is always stated by the person importing. */
    public static final List<String> DATE_FORMATS = List.of("yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "dd-MM-yyyy", "yyyy/MM/dd");
    public static final List<String> ENCODINGS = List.of("UTF-8", "ISO-8859-1");

    public ImportOptions {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }

    /**
     * A column mapping as written in a form field, the API or on the command line: {@code column=Header} pairs separated
     * by {@code |} or new lines. A pair without {@code =} is refused (naming it), not dropped.
     */
    public static Map<String, String> parseMapping(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String pair : text.split("[|\\n]")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            } else if (!pair.isBlank()) {
                throw UserFacingException.invalid("mapping", "import.mapping.unknownColumn", pair.trim());
            }
        }
        return map;
    }

    public String encodingOrDefault() {
        return encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
    }

    /**
     * What is wrong with these options for this file, every reason at once: date format, encoding, delimiter, and
     * columns or headers of the mapping that do not exist or are used twice. (Required columns left without a header
     * are known only once the header is read with the delimiter stated.)
     */
    public List<Violation> problems(PreparedFile file) {
        List<Violation> violations = new ArrayList<>();
        if (dateFormat == null || dateFormat.isBlank()) {
            violations.add(Violation.of("dateFormat", "import.dateFormat.required"));
        } else if (!DATE_FORMATS.contains(dateFormat)) {
            violations.add(Violation.of("dateFormat", "import.dateFormat.unknown", dateFormat, String.join(", ", DATE_FORMATS)));
        }
        if (!ENCODINGS.contains(encodingOrDefault().toUpperCase(Locale.ROOT))) {
            violations.add(Violation.of("encoding", "import.encoding.unknown", encodingOrDefault()));
        }
        Character used = delimiter != null ? delimiter : file.delimiter();
        if (used != null && used != ',' && used != ';') {
            violations.add(Violation.of("delimiter", "import.delimiter.unknown", used));
        }
        Set<String> known = new HashSet<>(Columns.names());
        Set<String> usedHeaders = new HashSet<>();
        mapping.forEach((column, header) -> {
            if (!known.contains(column)) {
                violations.add(Violation.of("mapping." + column, "import.mapping.unknownColumn", column));
            } else if (header != null && !header.isBlank() && !file.headers().contains(header)) {
                violations.add(Violation.of("mapping." + column, "import.mapping.unknownHeader", header, column));
            } else if (header != null && !header.isBlank() && !usedHeaders.add(header)) {
                violations.add(Violation.of("mapping." + column, "import.mapping.twice", header));
            }
        });
        return violations;
    }

    /** The mapping as a batch keeps it: one CSV record (column, header) per pair, so a header may hold any character. */
    public static String storedMapping(Map<String, String> mapping) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (Map.Entry<String, String> pair : mapping.entrySet()) {
                csv.printRecord(pair.getKey(), pair.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A mapping as {@link #storedMapping} wrote it; a record that is not a pair is an error, not skipped. */
    public static Map<String, String> mappingFromStore(String stored) {
        Map<String, String> map = new LinkedHashMap<>();
        try (CSVParser csv = CSVParser.parse(stored, CSVFormat.DEFAULT)) {
            for (CSVRecord pair : csv) {
                if (pair.size() != 2) {
                    throw new IllegalStateException("stored mapping: record " + pair.getRecordNumber() + " has " + pair.size() + " values");
                }
                map.put(pair.get(0), pair.get(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    public static ImportOptions of(String dateFormat) {
        return new ImportOptions("UTF-8", null, dateFormat, Map.of());
    }
}
