package org.opensalw.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot kept in a ledger entry's {@code details}: one {@code key=value} line per field, in a fixed order, so
 * that it hashes the same every time and reads plainly in the timeline. Line breaks in values are escaped.
 */
public final class Details {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static Details of() {
        return new Details();
    }

    public Details with(String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            fields.put(key, value);
        }
        return this;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append('=').append(v.toString().replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
        return sb.toString();
    }
}
