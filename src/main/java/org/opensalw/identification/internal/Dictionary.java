package org.opensalw.identification.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Interns the few distinct values of an attribute (makers, models, calibres): each weapon keeps a small number.
 * Values that compare equal (same key: "A.K.M." and "AKM") share a number; the first form seen is shown.
 */
final class Dictionary {

    private final UnaryOperator<String> keyOf;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    Dictionary(UnaryOperator<String> keyOf) {
        this.keyOf = keyOf;
        number("");
    }

    int number(String value) {
        String v = value == null ? "" : value.trim();
        String k = keyOf.apply(v);
        Integer n = numbers.get(k);
        if (n != null) {
            return n;
        }
        values.add(v);
        keys.add(k);
        numbers.put(k, values.size() - 1);
        return values.size() - 1;
    }

    /** The number of a value already interned, or -1. */
    int find(String value) {
        Integer n = numbers.get(keyOf.apply(value == null ? "" : value.trim()));
        return n == null ? -1 : n;
    }

    /** The value as first seen, for display. */
    String value(int number) {
        return values.get(number);
    }

    /** The value's comparison key. */
    String key(int number) {
        return keys.get(number);
    }
}
