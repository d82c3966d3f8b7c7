package org.opensalw.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised form of a serial number, kept beside the serial exactly as marked: upper case, separators
 * removed, Cyrillic letters that look like Latin ones read as Latin (А→A, В→B, Е→E, К→K, М→M, Н→H, О→O, Р→P,
 * С→C, Т→T, У→Y, Х→X), Latin letters with accents read without them (É→E, Ş→S) and decimal digits of other scripts
 * read as ASCII digits (Arabic-Indic ٣→3, full-width ３→3): a legacy register or a registrar types "ETN-345" for a weapon
 * marked "ÉTN-٣٤٥", and the two are one weapon for duplicate checks and searches. Leading zeros are kept: they may be
 * part of the marking. Other letters (Cyrillic ones without a Latin look-alike, Й, Ж; other scripts) are kept.
 */
public final class SerialNumbers {

    private static final String CYRILLIC = "АВЕКМНОРСТУХавекмнорстух";
    private static final String LATIN = "ABEKMHOPCTYXABEKMHOPCTYX";

    private SerialNumbers() {
    }

    public static String normalise(String serial) {
        if (serial == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(serial.length());
        for (int i = 0; i < serial.length(); i++) {
            char c = serial.charAt(i);
            int cyr = CYRILLIC.indexOf(c);
            if (cyr >= 0) {
                c = LATIN.charAt(cyr);
            } else if (c >= 128) {
                c = plain(c);
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * A character as typed on a Latin keyboard when it is a Latin letter with accents (É as E) or a decimal digit of
     * another script (٣ as 3); any other character unchanged.
     */
    public static char plain(char c) {
        int digit = Character.digit(c, 10);
        if (digit >= 0 && Character.isDigit(c)) {
            return (char) ('0' + digit);
        }
        if (Character.isLetter(c)) {
            String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = parts.charAt(0);
            if (parts.length() > 1 && base < 128 && Character.isLetter(base) && parts.codePoints().skip(1)
                    .allMatch(p -> Character.getType(p) == Character.NON_SPACING_MARK || Character.getType(p) == Character.COMBINING_SPACING_MARK)) {
                return base;
            }
        }
        return c;
    }
}
