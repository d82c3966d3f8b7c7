package org.opensalw.identity;

/**
 * The roles of a national registry. Each is allowed only what it needs; a user may hold several.
 */
public enum Role {
    /** Sets the system up: users, tokens, reference data. Sees no personal data. */
    ADMIN,
    /** Records weapons, holders, licences and lifecycle events. */
    REGISTRAR,
    /** Looks weapons and holders up, personal data included; writes nothing. */
    INVESTIGATOR,
    /** Verifies the ledger and browses and exports the audit trail. Sees no personal data. */
    AUDITOR,
    /** Sees the registry without personal data. */
    READ_ONLY;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles whose work needs holders' personal data. */
    public boolean seesPersonalData() {
        return this == REGISTRAR || this == INVESTIGATOR;
    }
}
