package org.opensalw.registry;

/** Markings besides the maker's serial (ITI paras 8-9). */
public enum MarkingKind {
    /** Country and, where possible, year of import (ITI para 8 b). */
    IMPORT,
    /** Marks a weapon as state stock (ITI para 8 c). */
    STATE_STOCK,
    /** A unique mark given to a weapon found without an adequate marking (ITI para 8 e). */
    NATIONAL,
    PROOF,
    OTHER
}
