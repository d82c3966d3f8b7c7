package org.opensalw.assistance;

/** Where a request came from. */
public enum RequestOrigin {
    NATIONAL_REPORT, BASELINE_ASSESSMENT, DIRECT
}
