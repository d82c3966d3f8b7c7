package org.opensalw.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensalw.shared.UserFacingException;

/**
 * What the person importing states about the file: its encoding (UTF-8 or ISO-8859-1; CSV only), the delimiter
 * (',' or ';', or null to take the one the header line uses), the date format (required: dates are never guessed),
 * and which file header holds each documented column (columns left out are matched by name).
 */
public record ImportOptions(String encoding, Character delimiter, String dateFormat, Map<String, String> mapping) {

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

    public static ImportOptions of(String dateFormat) {
        return new ImportOptions("UTF-8", null, dateFormat, Map.of());
    }
}
