package org.opensalw.shared;

import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Messages for a web form that was refused, keyed by field ("" for the whole form), in the user's language, for
 * the template to show beside each field.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(RuntimeException e, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof UserFacingException u) {
            for (Violation v : u.violations()) {
                errors.merge(v.field() == null ? "" : v.field(), Messages.resolve(messages, v, locale), (a, b) -> a + " " + b);
            }
        } else if (e instanceof ConstraintViolationException c) {
            c.getConstraintViolations().forEach(v -> {
                String path = v.getPropertyPath().toString();
                String[] parts = path.split("\\.", 3);
                String field = parts.length == 3 ? parts[2] : path;
                int dot = field.lastIndexOf('.');
                errors.merge(dot >= 0 ? field.substring(dot + 1) : field, v.getMessage(), (a, b) -> a + " " + b);
            });
        } else {
            throw e;
        }
        return errors;
    }
}
