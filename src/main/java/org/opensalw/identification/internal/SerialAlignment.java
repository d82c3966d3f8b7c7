package org.opensalw.identification.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opensalw.identification.SerialDifference;

/**
 * A weighted edit distance between a reading and a registered serial, with what differs per character of the
 * registered serial. Look-alike substitutions cost less than other ones, a '?' matches any character at a small cost
 * (an unknown position is weaker evidence than a read one), '*' matches any run, leading zeros cost almost nothing.
 */
public final class SerialAlignment {

    static final double LOOK_ALIKE = 0.3;
    static final double UNKNOWN = 0.35;
    static final double UNREADABLE = 0.5;
    static final double LEADING_ZERO = 0.1;
    static final double SWAP = 0.7;
    /** A letter between digits left out of the reading (NCIC practice ignores them). */
    static final double EMBEDDED_LETTER = 0.5;

    /** The cost and, for each character of the registered serial, how it compares; {@code extra} = read but not there. */
    public record Result(double cost, List<SerialDifference> marks, int extra) {
    }

    private SerialAlignment() {
    }

    /** Both arguments are {@link SerialForms#clean clean} forms. */
    public static Result align(String reading, String serial) {
        int qz = leadingZeros(reading);
        int cz = leadingZeros(serial);
        String q = reading.substring(qz);
        String c = serial.substring(cz);
        int m = q.length();
        int n = c.length();
        double[][] d = new double[m + 1][n + 1];
        for (int j = 1; j <= n; j++) {
            d[0][j] = d[0][j - 1] + deleteCost(c, j - 1);
        }
        for (int i = 1; i <= m; i++) {
            char qc = q.charAt(i - 1);
            d[i][0] = d[i - 1][0] + (qc == SerialForms.UNREADABLE ? UNREADABLE : 1);
            for (int j = 1; j <= n; j++) {
                if (qc == SerialForms.UNREADABLE) {
                    d[i][j] = Math.min(d[i - 1][j] + UNREADABLE, d[i][j - 1]);
                    continue;
                }
                double best = d[i - 1][j - 1] + substitution(qc, c.charAt(j - 1));
                best = Math.min(best, d[i - 1][j] + 1);
                best = Math.min(best, d[i][j - 1] + deleteCost(c, j - 1));
                if (swapped(q, c, i, j)) {
                    best = Math.min(best, d[i - 2][j - 2] + SWAP);
                }
                d[i][j] = best;
            }
        }
        double cost = d[m][n] + (qz == cz ? 0 : LEADING_ZERO);
        return new Result(cost, traceback(d, q, c, cz, qz != cz), 0);
    }

    private static List<SerialDifference> traceback(double[][] d, String q, String c, int leading, boolean zerosDiffer) {
        List<SerialDifference> marks = new ArrayList<>();
        int i = q.length();
        int j = c.length();
        while (j > 0) {
            if (i == 0) {
                marks.add(SerialDifference.MISSING);
                j--;
                continue;
            }
            char qc = q.charAt(i - 1);
            double here = d[i][j];
            if (qc == SerialForms.UNREADABLE) {
                if (near(here, d[i][j - 1])) {
                    marks.add(SerialDifference.UNREADABLE);
                    j--;
                } else {
                    i--;
                }
                continue;
            }
            char cc = c.charAt(j - 1);
            if (near(here, d[i - 1][j - 1] + substitution(qc, cc))) {
                marks.add(qc == cc ? SerialDifference.SAME : qc == SerialForms.UNKNOWN ? SerialDifference.UNKNOWN
                        : SerialForms.lookAlike(qc, cc) ? SerialDifference.LOOK_ALIKE : SerialDifference.DIFFERENT);
                i--;
                j--;
            } else if (swapped(q, c, i, j) && near(here, d[i - 2][j - 2] + SWAP)) {
                marks.add(SerialDifference.SWAPPED);
                marks.add(SerialDifference.SWAPPED);
                i -= 2;
                j -= 2;
            } else if (near(here, d[i][j - 1] + deleteCost(c, j - 1))) {
                marks.add(SerialDifference.MISSING);
                j--;
            } else {
                i--;
            }
        }
        for (int k = 0; k < leading; k++) {
            marks.add(zerosDiffer ? SerialDifference.LEADING_ZERO : SerialDifference.SAME);
        }
        Collections.reverse(marks);
        return marks;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-9;
    }

    private static boolean swapped(String q, String c, int i, int j) {
        return i > 1 && j > 1 && q.charAt(i - 1) == c.charAt(j - 2) && q.charAt(i - 2) == c.charAt(j - 1)
                && q.charAt(i - 1) != q.charAt(i - 2);
    }

    private static double substitution(char q, char c) {
        if (q == c) {
            return 0;
        }
        if (q == SerialForms.UNKNOWN) {
            return UNKNOWN;
        }
        return SerialForms.lookAlike(q, c) ? LOOK_ALIKE : 1;
    }

    /** Leaving out a registered character; a letter between digits is often left out on purpose. */
    private static double deleteCost(String c, int j) {
        return Character.isLetter(c.charAt(j)) && hasDigit(c, 0, j) && hasDigit(c, j + 1, c.length()) ? EMBEDDED_LETTER : 1;
    }

    private static boolean hasDigit(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isDigit(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static int leadingZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
