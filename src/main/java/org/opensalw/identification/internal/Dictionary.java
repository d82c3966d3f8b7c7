package org.opensalw.identification.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns the few distinct values of an attribute (makers, models, calibres): each weapon keeps a small number. */
final class Dictionary {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    Dictionary() {
        number("");
    }

    int number(String value) {
        String v = value == null ? "" : value;
        Integer n = numbers.get(v);
        if (n != null) {
            return n;
        }
        values.add(v);
        numbers.put(v, values.size() - 1);
        return values.size() - 1;
    }

    String value(int number) {
        return values.get(number);
    }

    int size() {
        return values.size();
    }
}
