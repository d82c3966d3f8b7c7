package org.opensalw.identity;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant at, String username, AuditKind kind, String action,
        String subjectType, String subjectId, String detail, String remoteAddr) {
}
