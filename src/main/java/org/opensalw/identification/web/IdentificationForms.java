package org.opensalw.identification.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.opensalw.identification.Reading;
import org.opensalw.identification.Recovery;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.UserFacingException;

/** Reads the identification forms' fields into records, naming the field that cannot be read. */
final class IdentificationForms {

    private IdentificationForms() {
    }

    static Reading reading(Map<String, String> p) {
        return new Reading(blank(p.get("serial")), blank(p.get("maker")), blank(p.get("model")), blank(p.get("calibre")),
                enumOf(WeaponType.class, p.get("type"), "type"), blank(p.get("country")), integer(p.get("year"), "year"));
    }

    static Recovery recovery(Map<String, String> p) {
        return new Recovery(enumOf(EventKind.class, p.get("kind"), "kind"), date(p.get("occurredOn")), blank(p.get("place")),
                blank(p.get("reference")), blank(p.get("notes")), blank(p.get("nationalMark")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw UserFacingException.invalid(field, "form.choice.invalid", value);
        }
    }

    private static Integer integer(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw UserFacingException.invalid(field, "form.number.invalid", value);
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw UserFacingException.invalid("occurredOn", "form.date.invalid", value);
        }
    }
}
