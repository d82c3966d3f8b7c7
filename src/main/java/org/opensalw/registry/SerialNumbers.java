package org.opensalw.registry;

import java.util.Locale;

/**
 * The normalised form of a serial number, kept beside the serial exactly as marked: upper case, separators
 * removed, Cyrillic letters that look like Latin ones read as Latin (А→A, В→B, Е→E, К→K, М→M, Н→H, О→O, Р→P,
 * С→C, Т→T, У→Y, Х→X). Leading zeros are kept: they may be part of the marking.
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
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
