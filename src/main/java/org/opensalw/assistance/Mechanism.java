package org.opensalw.assistance;

/** Funding mechanisms whose eligibility rules ship as data (assistance/eligibility-rules.csv). */
public enum Mechanism {
    UNSCAR, SALIENT
}
