package org.opensalw.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opensalw.shared.Texts;
import org.opensalw.shared.UserFacingException;

/**
 * What an auditor looks for; every field may be null (no filter). Dates are inclusive, in UTC. A period that ends before
 * it starts is refused, naming {@code to}: it would select nothing, and an auditor would read "no entries".
 */
public record AuditFilter(String username, AuditKind kind, String subjectId, LocalDate from, LocalDate to) {

    public AuditFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw UserFacingException.invalid("to", "audit.period.order", from, to);
        }
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    /** The filter in words, only what was chosen (e.g. "user alice, from 2026-01-01"): what an audited export selected. */
    public String describe() {
        List<String> chosen = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            chosen.add("user " + Texts.cut(username.trim(), 100)); // what anyone typed in the filter
        }
        if (kind != null) {
            chosen.add("kind " + kind.name());
        }
        if (subjectId != null && !subjectId.isBlank()) {
            chosen.add("record " + Texts.cut(subjectId.trim(), 100));
        }
        if (from != null) {
            chosen.add("from " + from);
        }
        if (to != null) {
            chosen.add("to " + to);
        }
        return chosen.isEmpty() ? "all entries" : String.join(", ", chosen);
    }
}
