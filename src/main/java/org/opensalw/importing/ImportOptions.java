package org.opensalw.importing;

import java.util.Map;

/**
 * What the person importing states about the file: its encoding (UTF-8 or ISO-8859-1; CSV only), the delimiter
 * (',' or ';', or null to take the one the header line uses), the date format (required: dates are never guessed),
 * and which file header holds each documented column (columns left out are matched by name).
 */
public record ImportOptions(String encoding, Character delimiter, String dateFormat, Map<String, String> mapping) {

    public ImportOptions {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }

    public static ImportOptions of(String dateFormat) {
        return new ImportOptions("UTF-8", null, dateFormat, Map.of());
    }
}
