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
        for (int k = 0; k < s.length(); k++) {
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
