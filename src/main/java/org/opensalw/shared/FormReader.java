package org.opensalw.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the fields of a submitted web form, collecting a violation for each value that cannot be read (a date,
 * a number, a choice) with the field's name, instead of failing on the first.
 */
public final class FormReader {

    private final Map<String, String> params;
    private final List<Violation> violations = new ArrayList<>();

    public FormReader(Map<String, String> params) {
        this.params = params;
    }

    public String text(String field) {
        String v = params.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public LocalDate date(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            violations.add(Violation.of(field, "form.date.invalid", v));
            return null;
        }
    }

    public Integer integer(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            violations.add(Violation.of(field, "form.number.invalid", v));
            return null;
        }
    }

    public UUID uuid(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(field, "form.choice.invalid", v));
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(field, "form.choice.invalid", v));
            return null;
        }
    }

    public <T> T required(String field, T value) {
        if (value == null && !violations.stream().anyMatch(v -> field.equals(v.field()))) {
            violations.add(Violation.of(field, "form.required"));
        }
        return value;
    }

    /** Adds a violation found by the form's own checks (a field that makes no sense with the others), thrown by {@link #check}. */
    public void invalid(String field, String code, Object... args) {
        violations.add(Violation.of(field, code, args));
    }

    /** Throws the collected violations, if any, so that nothing is written from a half-read form. */
    public void check() {
        if (!violations.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, violations);
        }
    }
}
