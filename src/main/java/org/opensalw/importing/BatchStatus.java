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
    public static final java.util.Set<BatchStatus> READ_AGAIN = java.util.EnumSet.of(INTERRUPTED, CANCELLED, FAILED);
    /** Not ended: being read, waiting for review, being confirmed. Their file is needed. */
    public static final java.util.Set<BatchStatus> UNDER_WAY = java.util.EnumSet.of(RUNNING, LOADED, CONFIRMING);
    /** A file is imported once: a batch of it under way or confirmed refuses another (and so does index V71). */
    public static final java.util.Set<BatchStatus> HOLDING_THE_FILE = java.util.EnumSet.of(RUNNING, LOADED, CONFIRMING, CONFIRMED);

    public boolean readAgain() {
        return READ_AGAIN.contains(this);
    }

    /** The names of the statuses given, for SQL ({@code status = ANY(:statuses)}). */
    public static String[] names(java.util.Set<BatchStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    public boolean voidable() {
        return this != CONFIRMED && this != VOIDED && this != RUNNING && this != CONFIRMING;
    }
}
