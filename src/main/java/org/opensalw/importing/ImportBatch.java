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

    /** Separates a keyed text's code and arguments: a control character no one types in a register. */
    public static final char KEYED_SEPARATOR = '\u001F';

    /**
     * A text stored by key and arguments, to be shown in the reader's language ({@link #keyedArgs}): the person who reads a
     * batch's messages, flags or error report may not read the language of the one who uploaded it. Each argument keeps
     * whether it was a number, so a message formatting it as one still can.
     */
    public static String keyed(String code, Object... args) {
        StringBuilder s = new StringBuilder(MESSAGE_KEY).append(code);
        for (Object arg : args) {
            s.append(KEYED_SEPARATOR).append(arg instanceof Long || arg instanceof Integer ? 'n' : 's')
                    .append(String.valueOf(arg).replace(KEYED_SEPARATOR, ' '));
        }
        return s.toString();
    }

    /** The code and arguments of a text written by {@link #keyed} (numbers as numbers), or null for any other text. */
    public static Object[] keyedArgs(String text) {
        if (text == null || !text.startsWith(MESSAGE_KEY)) {
            return null;
        }
        String[] parts = text.substring(MESSAGE_KEY.length()).split(String.valueOf(KEYED_SEPARATOR), -1);
        Object[] out = new Object[parts.length];
        out[0] = parts[0];
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            out[i] = p.startsWith("n") ? (Object) Long.valueOf(p.substring(1)) : p.isEmpty() ? "" : p.substring(1);
        }
        return out;
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
