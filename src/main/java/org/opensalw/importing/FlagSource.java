package org.opensalw.importing;

/**
 * Where a suspected duplicate was found, so that a person can decide all the open flags of one source at once (a legacy
 * file that repeats thousands of its own rows, a re-exported file whose rows are in the register): an earlier row of the
 * same file, or a weapon in the register (the flag then names the weapon).
 */
public enum FlagSource {
    FILE,
    REGISTER
}
