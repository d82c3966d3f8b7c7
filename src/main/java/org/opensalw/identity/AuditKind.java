package org.opensalw.identity;

/** What an audit entry records. */
public enum AuditKind {
    WRITE, PERSONAL_DATA_READ, LOGIN, LOGIN_FAILED, EXPORT
}
