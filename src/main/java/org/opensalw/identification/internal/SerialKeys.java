package org.opensalw.identification.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lookup keys of a serial, each a 32-bit hash of a kind letter and a string: 'E' the skeleton, 'D' the skeleton
 * less one position (one missing, extra, changed or swapped character meets a registered one in at most two
 * deletions), 'N' the digits alone (letters between digits left out), 'G' the trigrams of the skeleton (for '?' and
 * '*' readings).
 */
final class SerialKeys {

    /** Length of the prefix and suffix keys ('P', 'S'). */
    static final int ENDS = 4;
    /** Every symbol of a skeleton: the look-alike groups' representatives and the other letters and digits. */
    private static final char[] SYMBOLS = symbols();

    private SerialKeys() {
    }

    /** Keys under which a registered serial (clean form) is indexed. */
    static Set<Integer> indexKeys(String clean) {
        Set<Integer> keys = new LinkedHashSet<>();
        String sk = SerialForms.skeleton(clean);
        if (sk.isEmpty()) {
            return keys;
        }
        keys.add(PostingTable.hash('E', sk));
        for (String d : deletions(sk)) {
            keys.add(PostingTable.hash('D', d));
        }
        String digits = SerialForms.digits(clean);
        if (digits.length() >= 3 && digits.length() < clean.length()) {
            keys.add(PostingTable.hash('N', digits));
        }
        for (String g : grams(sk)) {
            keys.add(PostingTable.hash('G', g));
        }
        keys.add(PostingTable.hash('P', sk.substring(0, Math.min(ENDS, sk.length()))));
        keys.add(PostingTable.hash('S', sk.substring(Math.max(0, sk.length() - ENDS))));
        return keys;
    }

    /**
     * For a reading with an unreadable start ("*1234") or end ("1234*"): the key of the readable end, when its
     * {@value #ENDS} characters are known, else null.
     */
    static Integer readableEnd(String clean) {
        String sk = SerialForms.skeleton(clean);
        if (sk.startsWith("*") && sk.indexOf('*', 1) < 0) {
            String tail = sk.substring(Math.max(1, sk.length() - ENDS));
            return tail.length() == ENDS && tail.indexOf(SerialForms.UNKNOWN) < 0 ? PostingTable.hash('S', tail) : null;
        }
        if (sk.endsWith("*") && sk.indexOf('*') == sk.length() - 1) {
            String head = sk.substring(0, Math.min(ENDS, sk.length() - 1));
            return head.length() == ENDS && head.indexOf(SerialForms.UNKNOWN) < 0 ? PostingTable.hash('P', head) : null;
        }
        return null;
    }

    /** For a reading with two '?' and no '*': each symbol tried in the first, the second left out. */
    static List<Integer> twoUnknowns(String clean) {
        String sk = SerialForms.skeleton(clean);
        int first = sk.indexOf(SerialForms.UNKNOWN);
        int second = sk.indexOf(SerialForms.UNKNOWN, first + 1);
        List<Integer> keys = new ArrayList<>();
        for (char c : SYMBOLS) {
            String filled = sk.substring(0, first) + c + sk.substring(first + 1, second) + sk.substring(second + 1);
            keys.add(PostingTable.hash('D', SerialForms.skeleton(filled)));
        }
        return keys;
    }

    /** Keys to look up for a reading without wildcards (clean form). */
    static List<Integer> exactAndOneEdit(String clean) {
        List<Integer> keys = new ArrayList<>();
        String sk = SerialForms.skeleton(clean);
        if (sk.isEmpty()) {
            return keys;
        }
        keys.add(PostingTable.hash('E', sk));
        keys.add(PostingTable.hash('D', sk));
        for (String d : deletions(sk)) {
            keys.add(PostingTable.hash('E', d));
            keys.add(PostingTable.hash('D', d));
        }
        String digits = SerialForms.digits(clean);
        if (digits.length() >= 3) {
            keys.add(PostingTable.hash('N', digits));
            keys.add(PostingTable.hash('E', SerialForms.skeleton(digits)));
        }
        return keys;
    }

    /**
     * For a reading with exactly one '?' and no '*': the registered skeleton less that position ('D'), or the whole
     * skeleton when the '?' stands for a leading zero the skeleton drops ('E').
     */
    static List<Integer> oneUnknown(String clean) {
        String sk = SerialForms.skeleton(clean);
        int at = sk.indexOf(SerialForms.UNKNOWN);
        String without = sk.substring(0, at) + sk.substring(at + 1);
        return List.of(PostingTable.hash('D', without), PostingTable.hash('E', SerialForms.skeleton(without)));
    }

    /** Trigram keys of the readable parts of a reading with wildcards. */
    static List<Integer> readableGrams(String clean) {
        String sk = SerialForms.skeleton(clean);
        List<Integer> keys = new ArrayList<>();
        for (String part : sk.split("[?*]")) {
            for (String g : grams(part)) {
                keys.add(PostingTable.hash('G', g));
            }
        }
        return keys;
    }

    /**
     * Latin letters and digits folded, and the Cyrillic capitals that {@link SerialForms#clean} keeps as they are
     * (Г, Д, Ф... have no Latin look-alike): Soviet-pattern serials carry them, and a '?' may stand for one.
     */
    private static char[] symbols() {
        StringBuilder out = new StringBuilder();
        StringBuilder alphabet = new StringBuilder("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for (char c = '\u0410'; c <= '\u042F'; c++) {
            alphabet.append(SerialForms.clean(String.valueOf(c)));
        }
        for (char c : alphabet.toString().toCharArray()) {
            char f = SerialForms.fold(c);
            if (out.indexOf(String.valueOf(f)) < 0) {
                out.append(f);
            }
        }
        return out.toString().toCharArray();
    }

    static List<String> deletions(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && s.charAt(i) == s.charAt(i - 1)) {
                continue; // deleting either of two equal neighbours gives the same string
            }
            out.add(s.substring(0, i) + s.substring(i + 1));
        }
        return out;
    }

    static List<String> grams(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 3 <= s.length(); i++) {
            out.add(s.substring(i, i + 3));
        }
        return out;
    }
}
