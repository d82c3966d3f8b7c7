package org.opensalw.importing;

/**
 * Where an import batch stands. Only a LOADED batch can be confirmed; a batch can be voided unless it is being read,
 * being confirmed, confirmed or already voided.
 */
public enum BatchStatus {
    /** Being read and checked. */
    RUNNING,
    /** Read and checked; waiting for a registrar to review duplicates and confirm. Nothing is in the register yet. */
    LOADED,
    /**
     * Its confirmation runs in the background (one transaction); if the process dies meanwhile, nothing of it is in the
     * register and the batch goes back to LOADED.
     */
    CONFIRMING,
    /** Its accepted rows are in the register (one transaction). */
    CONFIRMED,
    CANCELLED,
    /** The process stopped while it was being read (crash, shutdown): nothing of it is in the register. */
    INTERRUPTED,
    /** The file could not be read to the end (encoding, format). */
    FAILED,
    /** Closed with a reason before confirmation; kept, never deleted. */
    VOIDED;

    /** Stopped before the end of the file (interrupted, cancelled, or the file could not be read to the end). */
    public boolean readAgain() {
        return this == INTERRUPTED || this == CANCELLED || this == FAILED;
    }

    public boolean voidable() {
        return this != CONFIRMED && this != VOIDED && this != RUNNING && this != CONFIRMING;
    }
}
