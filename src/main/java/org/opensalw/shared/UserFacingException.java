package org.opensalw.shared;

import java.util.List;

/**
 * A refusal a user can act on: each violation names the field (or line) that is wrong and carries a message
 * code with its arguments, resolved in the user's language by the web layer.
 */
public class UserFacingException extends RuntimeException {

    private final transient List<Violation> violations;
    private final Kind kind;

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    public UserFacingException(Kind kind, List<Violation> violations) {
        super(violations.isEmpty() ? kind.name() : violations.get(0).toString());
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static UserFacingException invalid(String field, String code, Object... args) {
        return new UserFacingException(Kind.INVALID, List.of(Violation.of(field, code, args)));
    }

    /** Nothing of this kind ({@code entity.<what>} names it in the reader's language) has this id. */
    public static UserFacingException notFound(String what, Object id) {
        return new UserFacingException(Kind.NOT_FOUND, List.of(new Violation(null, "error.notFound",
                List.of(new Term("entity." + what, what), String.valueOf(id)))));
    }

    public List<Violation> violations() {
        return violations;
    }

    public Kind kind() {
        return kind;
    }
}
