package org.opensalw.shared;

/** Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes). */
public final class CopyText {

    private final StringBuilder sb;
    private boolean first = true;

    public CopyText(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    public CopyText add(Object v) {
        if (!first) {
            sb.append('\t');
        }
        first = false;
        if (v == null) {
            sb.append("\\N");
            return this;
        }
        String s = v.toString();
        int k = 0;
        while (k < s.length() && !special(s.charAt(k))) {
            k++;
        }
        if (k == s.length()) { // the usual case: nothing to escape, appended in one copy
            sb.append(s);
            return this;
        }
        sb.append(s, 0, k);
        for (; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return this;
    }

    private static boolean special(char ch) {
        return ch == '\\' || ch == '\n' || ch == '\t' || ch == '\r';
    }

    public CopyText end() {
        sb.append('\n');
        first = true;
        return this;
    }

    public boolean isEmpty() {
        return sb.length() == 0;
    }

    public int length() {
        return sb.length();
    }

    public void clear() {
        sb.setLength(0);
        first = true;
    }

    public java.io.Reader reader() {
        return new java.io.StringReader(sb.toString());
    }
}
