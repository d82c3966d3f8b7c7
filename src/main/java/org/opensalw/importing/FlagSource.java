package org.opensalw.importing;

/**
 * Where a suspected duplicate was found, so that a person can decide all the open flags of one source at once (a legacy
 * file that repeats thousands of its own rows, a re-exported file whose rows are in the register): an earlier row of the
 * same file, or a weapon in the register.
 */
public enum FlagSource {
    FILE("InFile"),
    REGISTER("InRegister");

    /** How the reasons' message codes of this source end ({@code import.flag.sameSerialInFile}, ...). */
    private final String codeEnding;

    FlagSource(String codeEnding) {
        this.codeEnding = codeEnding;
    }

    public String codeEnding() {
        return codeEnding;
    }
}
