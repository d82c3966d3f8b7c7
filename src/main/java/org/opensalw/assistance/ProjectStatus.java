package org.opensalw.assistance;

/** Where a project stands. */
public enum ProjectStatus {
    ACTIVE, COMPLETED, CLOSED
}
