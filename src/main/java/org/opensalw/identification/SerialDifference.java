package org.opensalw.identification;

/** How one character of a candidate's serial compares with what was read on the weapon. */
public enum SerialDifference {
    SAME,
    /** Read as a look-alike character (O for 0, 7 for 1, Latin for Cyrillic...). */
    LOOK_ALIKE,
    /** Read as '?': the position is unknown. */
    UNKNOWN,
    /** In the unreadable run ('*') of the reading: a ground-off start or end. */
    UNREADABLE,
    /** Read as another character. */
    DIFFERENT,
    /** Not in the reading (a missing character, or a letter between digits left out per NCIC practice). */
    MISSING,
    /** Exchanged with its neighbour in the reading. */
    SWAPPED,
    /** A leading zero the reading has not (or the reverse): legacy registers pad with zeros. */
    LEADING_ZERO
}
