package org.opensalw.identity;

import java.time.LocalDate;

/** What an auditor looks for; every field may be null (no filter). Dates are inclusive, in UTC. */
public record AuditFilter(String username, AuditKind kind, String subjectId, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
