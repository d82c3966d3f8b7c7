package org.opensalw.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised form of a serial number, kept beside the serial exactly as marked, for comparing serials written
 * differently: upper case; separators removed; Cyrillic letters that look like Latin ones read as Latin (А→A, В→B, Е→E,
 * К→K, М→M, Н→H, О→O, Р→P, С→C, Т→T, У→Y, Х→X); Latin letters with accents read without them (É→E, Ş→S) and decimal
 * digits of other scripts read as ASCII digits (Arabic-Indic ٣→3, full-width ３→3; full-width letters Ａ→A too), so "ÉTN-٣٤٥" is "ETN345" as a
 * registrar types it; and zeros that pad a number dropped ("AK-000123" is "AK123", "000" is "0"), since legacy
 * registers pad serials with zeros or lose them (a spreadsheet reads "00123" as 123). Two weapons whose serials differ
 * only so are therefore suspected duplicates, for a person to confirm distinct; the serial as marked keeps every
 * character. Other letters (Cyrillic ones without a Latin look-alike, Й, Ж; other scripts) are kept.
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
        return withoutPadding(out).toUpperCase(Locale.ROOT);
    }

    /**
     * SQL: a serial (column {@code asMarked}) whose stored normalised form (column {@code normalised}) the rule since
     * migration 83 may read differently: one with a character outside ASCII, or a normalised form with a zero starting a
     * number. The migrations recompute only these.
     */
    public static String mayReadDifferently(String asMarked, String normalised) {
        return "(" + asMarked + " ~ '[^\\x01-\\x7F]' OR " + normalised + " ~ '(^|[^0-9])0[0-9]')";
    }

    /**
     * The normalised start of the serials that begin as typed (a search as the person types): as {@link #normalise}, except
     * that zeros ending what was typed may be the padding of a number typed further ("AB00" finds "AB-00123", stored
     * "AB123"), so they are left out. Read as if a digit followed, which is then dropped.
     */
    public static String prefix(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        String withDigit = normalise(typed + "1");
        return withDigit.substring(0, withDigit.length() - 1);
    }

    /** Drops the zeros that start a run of digits and are followed by another digit ("A007B0" is "A7B0"). */
    private static String withoutPadding(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean startsNumber = out.isEmpty() || !isAsciiDigit(out.charAt(out.length() - 1)); // zeros dropped before it start nothing
            if (c == '0' && startsNumber && i + 1 < s.length() && isAsciiDigit(s.charAt(i + 1))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A character as typed on a Latin keyboard when it is a Latin letter with accents (É as E), a full-width Latin letter
     * (Ａ as A) or a decimal digit of another script (٣ as 3); any other character unchanged.
     */
    public static char plain(char c) {
        int digit = Character.digit(c, 10);
        if (digit >= 0 && Character.isDigit(c)) {
            return (char) ('0' + digit);
        }
        if (Character.isLetter(c)) {
            // compatibility decomposition: a full-width Ａ is A too, as an accented É is E and its accent
            String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
            char base = parts.charAt(0);
            if (base < 128 && Character.isLetter(base) && parts.codePoints().skip(1)
                    .allMatch(p -> Character.getType(p) == Character.NON_SPACING_MARK || Character.getType(p) == Character.COMBINING_SPACING_MARK)) {
                return base;
            }
        }
        return c;
    }
}
