package org.opensalw.shared;

/** Small text helpers every module needs the same way. */
public final class Texts {

    private Texts() {
    }

    /**
     * The text cut to at most {@code max} characters, ending with "…" when cut (for logs, audit details and messages that
     * quote what someone else sent), never splitting a character written as two chars; null stays null.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * A cell of a CSV file people open in a spreadsheet: text that a spreadsheet would run as a formula (it starts with
     * = + - @ or a tab or carriage return: someone else's words, a legacy cell, a typed user name) gets a leading
     * apostrophe, so that opening the file cannot run it. Other values are unchanged.
     */
    public static Object spreadsheetSafe(Object value) {
        return value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : value;
    }

    /** The text for a SQL LIKE pattern, its own %, _ and \ read as letters (PostgreSQL's default escape is \). */
    public static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
