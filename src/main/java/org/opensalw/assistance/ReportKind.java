package org.opensalw.assistance;

/** Interim or final report of a project or a funded proposal. */
public enum ReportKind {
    INTERIM, FINAL
}
