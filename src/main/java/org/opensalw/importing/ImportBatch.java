package org.opensalw.importing;

import java.time.Instant;
import java.util.UUID;

/**
 * An import batch with its counts and, while it runs, its progress as last reported by the instance reading it (every
 * second): rows per second and the estimated seconds left (null when unknown, e.g. for .xlsx whose length in rows is
 * not known before the end). {@code uploadId} is the file it was read from; {@code fileKept} whether that file's
 * content is still kept (so the batch can be read again); {@code readAgainAs} the batch that read it again.
 */
public record ImportBatch(UUID id, String fileName, String sha256, long fileBytes, String format, String options,
        BatchStatus status, long rowsRead, long rowsAccepted, long rowsRejected, long rowsFlagged, long rowsAlready,
        long weaponsRegistered, long holdersRegistered, String message, String timings, Instant startedAt, String startedBy,
        Instant finishedAt, Instant confirmedAt, String confirmedBy, Instant voidedAt, String voidedBy, String voidReason,
        Double rowsPerSecond, Long secondsLeft, Integer percent, UUID uploadId, boolean fileKept, UUID readAgainAs) {

    /** A message written by the application itself (no person's language to write it in) names its text by key. */
    public static final String MESSAGE_KEY = "i18n:";

    /**
     * A text stored by key and arguments ({@code i18n:code|arg|arg}), to be shown in the reader's language: the person
     * who reads a batch's messages or decides its flagged rows may not read the language of the one who uploaded it.
     */
    public static String keyed(String code, Object... args) {
        StringBuilder s = new StringBuilder(MESSAGE_KEY).append(code);
        for (Object arg : args) {
            s.append('|').append(arg);
        }
        return s.toString();
    }

    /** The same batch with another message (its text in the reader's language). */
    public ImportBatch withMessage(String text) {
        return new ImportBatch(id, fileName, sha256, fileBytes, format, options, status, rowsRead, rowsAccepted, rowsRejected, rowsFlagged,
                rowsAlready, weaponsRegistered, holdersRegistered, text, timings, startedAt, startedBy, finishedAt, confirmedAt, confirmedBy,
                voidedAt, voidedBy, voidReason, rowsPerSecond, secondsLeft, percent, uploadId, fileKept, readAgainAs);
    }

    public boolean running() {
        return status == BatchStatus.RUNNING;
    }

    /** Stopped before the end of its file: it can be read again from the kept file, with the same options. */
    public boolean canReadAgain() {
        return status.readAgain() && fileKept && readAgainAs == null;
    }

    /** Being read or being confirmed: its page follows it. */
    public boolean inProgress() {
        return status == BatchStatus.RUNNING || status == BatchStatus.CONFIRMING;
    }
}
