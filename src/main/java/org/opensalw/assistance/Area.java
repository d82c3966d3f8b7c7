package org.opensalw.assistance;

/** Thematic areas of the PoA and ITI national reports (report para 42); a need is stated against one of them. */
public enum Area {
    COORDINATION, MANUFACTURE, MARKING, RECORD_KEEPING, TRACING, STOCKPILE_MANAGEMENT, TRANSFERS, COLLECTION_DESTRUCTION, BORDER_CONTROL, GENDER, COOPERATION
}
