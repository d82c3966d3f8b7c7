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

    /** For a reading with exactly one '?' and no '*': the registered skeleton less that position. */
    static int oneUnknown(String clean) {
        String sk = SerialForms.skeleton(clean);
        int at = sk.indexOf(SerialForms.UNKNOWN);
        return PostingTable.hash('D', sk.substring(0, at) + sk.substring(at + 1));
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
