package org.opensalw.importing;

/** Where an import batch stands. Only a LOADED batch can be confirmed; every status but CONFIRMED and VOIDED can be voided. */
public enum BatchStatus {
    /** Being read and checked. */
    RUNNING,
    /** Read and checked; waiting for a registrar to review duplicates and confirm. Nothing is in the register yet. */
    LOADED,
    /** Its accepted rows are in the register (one transaction). */
    CONFIRMED,
    CANCELLED,
    /** The process stopped while it was being read (crash, shutdown): nothing of it is in the register. */
    INTERRUPTED,
    /** The file could not be read to the end (encoding, format). */
    FAILED,
    /** Closed with a reason before confirmation; kept, never deleted. */
    VOIDED;

    public boolean voidable() {
        return this != CONFIRMED && this != VOIDED && this != RUNNING;
    }
}
