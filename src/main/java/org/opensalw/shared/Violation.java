package org.opensalw.shared;

import java.util.List;

/** One thing wrong with a request: where (a field name, or null for the whole request), what (a message code) and its arguments. */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, java.util.Arrays.asList(args));
    }

    @Override
    public String toString() {
        return (field == null ? "" : field + ": ") + code + (args.isEmpty() ? "" : " " + args);
    }
}
