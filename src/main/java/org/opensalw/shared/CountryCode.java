package org.opensalw.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An ISO 3166-1 alpha-2 country code, upper case. */
public record CountryCode(String value) {

    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");

    public CountryCode {
        if (value == null || !ALPHA2.matcher(value).matches()) {
            throw new IllegalArgumentException("A country code has two letters (ISO 3166-1 alpha-2), got: " + value);
        }
    }

    /** Reads user input: trims and upper-cases; blank means no country. */
    public static CountryCode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new CountryCode(text.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
