package org.opensalw.assistance;

/** What a match is scored on (issue 6, item 4); each has a weight the hub may change. */
public enum Criterion {
    AREA, REGION, LANGUAGE, AMOUNT, TIMING, HISTORY
}
