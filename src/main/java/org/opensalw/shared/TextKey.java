package org.opensalw.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name reduced to what identifies it: letters and digits of any script, lower case, accents and separators removed
 * ("Heckler & Koch" and "HECKLER-KOCH", "Numéro de série" and "numero de serie", "Иван Петров" and "иван петров" key
 * alike). Used for maker names, models, column headers and holder names.
 */
public final class TextKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

    private TextKey() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) { // the usual case (millions of rows in an import): no normalisation needed
            char ch = text.charAt(i);
            if (ch >= 0x80) {
                ascii = null;
                break;
            }
            char lower = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
            if (lower >= 'a' && lower <= 'z' || lower >= '0' && lower <= '9') {
                ascii.append(lower);
            }
        }
        if (ascii != null) {
            return ascii.toString();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
