package org.opensalw.identification.internal;

import java.util.Locale;
import org.opensalw.registry.SerialNumbers;

/**
 * The forms of a serial number used to find it despite misreadings. {@link #clean} keeps what was read (upper case,
 * separators dropped, Cyrillic look-alikes as Latin, '?' for an unknown position, '*' for an unreadable run);
 * {@link #skeleton} folds each group of look-alike characters to one symbol, so that "B0S1" and "80S7" meet.
 */
public final class SerialForms {

    /** An unknown single position, as the investigator types it. */
    public static final char UNKNOWN = '?';
    /** An unreadable run of unknown length (typically a ground-off start or end). */
    public static final char UNREADABLE = '*';

    // Cyrillic capitals and small letters that look like Latin ones or digits (З looks like 3, Б like 6).
    private static final String CYRILLIC = "АВЕКМНОРСТУХІЈЅЗБавекмнорстухіјѕзб";
    private static final String LATIN = "ABEKMHOPCTYXIJS36ABEKMHOPCTYXIJS36";

    // Look-alike groups as investigators misread them: O/0/D/Q, I/1/L/7/J, S/5, B/8/3, Z/2, G/6, U/V, plus a few more.
    private static final String[] GROUPS = {"O0DQ", "I1L7J|", "S5", "B83", "Z2", "G6", "UV", "A4", "E", "P", "C", "T", "Y"};
    private static final char[] FOLD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            FOLD[c] = c;
        }
        for (String group : GROUPS) {
            for (char c : group.toCharArray()) {
                FOLD[c] = group.charAt(0);
            }
        }
    }

    private SerialForms() {
    }

    /** Upper case, Cyrillic look-alikes as Latin, separators and spaces dropped; '?' and '*' kept. */
    public static String clean(String read) {
        if (read == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(read.length());
        for (int i = 0; i < read.length(); i++) {
            char c = read.charAt(i);
            int cyr = CYRILLIC.indexOf(c);
            if (cyr >= 0) {
                c = LATIN.charAt(cyr);
            }
            if (c >= 128) {
                c = SerialNumbers.plain(c);
            }
            if (c == '_' || c == '#') {
                c = UNKNOWN;
            }
            if (c == '…') {
                c = UNREADABLE;
            }
            if (Character.isLetterOrDigit(c) || c == UNKNOWN || c == UNREADABLE) {
                out.append(Character.toUpperCase(c));
            }
        }
        String s = out.toString().toUpperCase(Locale.ROOT);
        // "**" means no more than "*"
        return s.replaceAll("\\*+", "*");
    }

    /** One symbol per look-alike group (the group's first character); other characters unchanged. */
    public static char fold(char c) {
        return c < 128 ? FOLD[c] : c;
    }

    public static boolean lookAlike(char a, char b) {
        return fold(a) == fold(b);
    }

    /** The look-alike-folded form of a clean serial, without leading zeros (legacy registers pad or drop them). */
    public static String skeleton(String clean) {
        StringBuilder out = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            out.append(fold(clean.charAt(i)));
        }
        return stripLeadingZeros(out.toString(), 'O');
    }

    /** The digits only, without leading zeros: NCIC practice ignores letters embedded between digits. */
    public static String digits(String clean) {
        StringBuilder out = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return stripLeadingZeros(out.toString(), '0');
    }

    public static boolean hasWildcards(String clean) {
        return clean.indexOf(UNKNOWN) >= 0 || clean.indexOf(UNREADABLE) >= 0;
    }

    static String stripLeadingZeros(String s, char zero) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == zero) {
            i++;
        }
        return s.substring(i);
    }
}
