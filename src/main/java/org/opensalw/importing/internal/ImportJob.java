package org.opensalw.importing.internal;

import org.opensalw.importing.ImportBatch;
import org.opensalw.shared.CopyBinary;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.opensalw.importing.BatchStatus;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.shared.DaemonThreads;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file into import_row / import_error: rows are checked one by one and staged by COPY in chunks (each
 * chunk committed, so progress is visible and memory stays flat); each chunk's rows are looked up in the register for
 * suspected duplicates; at the end, duplicates inside the file are flagged by SQL. Nothing here touches the register.
 */
public final class ImportJob implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);
    private static final int CHUNK = 5_000;

    /** What the job needs to know about its file and batch. */
    public record Spec(UUID batchId, String fileName, Path file, String sha256, boolean xlsx, Charset charset, char delimiter, List<String> headers,
            String by) {
    }

    private final Spec spec;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong flagged = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    /** Set here when the cancellation is asked on this instance; seen at the heartbeat when asked on another. */
    public volatile boolean cancelled;
    public volatile boolean stopping;
    private final RowChecker checker;
    private final DataSource dataSource;
    private final BatchStore store;
    private final DuplicateFlags duplicates;
    private final RegistryQueries registry;
    private final Clock clock;
    private final Runnable onEnd;
    private Staging current;

    public ImportJob(Spec spec, RowChecker checker, DataSource dataSource, BatchStore store, DuplicateFlags duplicates, RegistryQueries registry,
            Clock clock, Runnable onEnd) {
        this.spec = spec;
        this.checker = checker;
        this.dataSource = dataSource;
        this.store = store;
        this.duplicates = duplicates;
        this.registry = registry;
        this.clock = clock;
        this.onEnd = onEnd;
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    @Override
    public void run() {
        BatchStatus end = BatchStatus.LOADED;
        String message = "";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Staging staging = new Staging(copy);
            current = staging;
            RowSource.Handler handler = new RowSource.Handler() {
                @Override
                public void header(List<String> headers) {
                    if (!headers.equals(spec.headers())) {
                        throw new RowSource.Unreadable(1, "header", null);
                    }
                }

                @Override
                public void row(RowSource.Row row) {
                    if (cancelled || stopping) {
                        throw new Stop();
                    }
                    read.incrementAndGet();
                    RowChecker.Outcome outcome = checker.check(row);
                    if (outcome.row() != null) {
                        staging.rows.add(outcome.row());
                        accepted.incrementAndGet();
                    } else {
                        rejected.incrementAndGet();
                        for (RowChecker.Problem p : outcome.problems()) {
                            StagedRows.writeError(staging.errors, spec.batchId(), row.line(), p.column(),
                                    ImportBatch.keyed(p.violation().code(), p.violation().args().toArray()), clip(p.value()));
                        }
                    }
                    if (staging.rows.size() >= CHUNK || staging.errors.length() > (1 << 20)) {
                        staging.flush();
                    }
                }
            };
            try {
                // what was read must be the file received (a command-line file may have changed since it was given): the
                // CSV reading hashes as it reads; a workbook is read out of order, so it is hashed after
                String sha;
                if (spec.xlsx()) {
                    RowSource.readXlsx(spec.file(), bytesRead, handler);
                    sha = UploadedFiles.sha256Of(spec.file());
                } else {
                    java.security.MessageDigest digest = UploadedFiles.sha256();
                    RowSource.readCsv(spec.file(), spec.charset(), spec.delimiter(), bytesRead, digest, handler);
                    sha = java.util.HexFormat.of().formatHex(digest.digest());
                }
                if (!sha.equals(spec.sha256())) {
                    throw new RowSource.Unreadable(0, "changed", null);
                }
                staging.finish();
                // a heartbeat before the set-based steps, so no instance takes this batch for a dead one meanwhile
                heartbeat();
                stopIfAsked();
                long t = System.nanoTime();
                // the set-based steps take seconds per million rows: heartbeats go on meanwhile, so no other instance
                // takes this batch for dead however large the file
                var beats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("import-heartbeat"));
                try {
                    beats.scheduleWithFixedDelay(this::heartbeat, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
                    store.analyzeRows();
                    duplicates.flagDuplicatesInFile(spec.batchId());
                    duplicates.markAlreadyImported(spec.batchId());
                } finally {
                    beats.shutdownNow();
                }
                stopIfAsked();
                String timings = String.format(Locale.ROOT, "read in %.1f s (COPY to staging %.1f s, look-ups in the register %.1f s,"
                        + " reading waited for them %.1f s; duplicates in the file %.1f s)", (System.nanoTime() - startedNanos) / 1e9,
                        staging.copyNanos / 1e9, staging.lookupNanos / 1e9, staging.waitNanos / 1e9, (System.nanoTime() - t) / 1e9);
                log.info("Import {}: {} rows {}", spec.batchId(), read.get(), timings);
                store.addTimings(spec.batchId(), timings);
            } catch (Stop stop) {
                staging.finish();
                end = cancelled ? BatchStatus.CANCELLED : BatchStatus.INTERRUPTED;
                message = text(cancelled ? "import.cancelled" : "import.interrupted");
            } catch (RowSource.Unreadable e) {
                staging.finish();
                end = BatchStatus.FAILED;
                message = switch (e.getMessage()) {
                    case "encoding" -> text("import.file.encoding", e.line(), spec.charset().name());
                    case "header" -> text("import.file.headerChanged");
                    case "quote" -> text("import.file.quote", e.line());
                    case "changed" -> text("import.upload.changed", spec.fileName(), spec.sha256());
                    default -> text("import.file.unreadable", e.line(), String.valueOf(e.getCause() == null ? "" : e.getCause().getMessage()));
                };
            }
        } catch (RuntimeException | SQLException e) {
            log.error("Import {} failed", spec.batchId(), e);
            end = BatchStatus.FAILED;
            message = text("import.failed", String.valueOf(e.getMessage()));
        } finally {
            if (current != null) {
                current.writer.shutdownNow();
            }
            try {
                String by = end == BatchStatus.CANCELLED ? store.cancelRequestedBy(spec.batchId()).orElse(spec.by()) : spec.by();
                boolean finished = store.finish(spec.batchId(), end, read.get(), rejected.get(), message, clock.instant(), by);
                if (!finished && end == BatchStatus.LOADED) {
                    // a cancellation asked after the last look (LOADED is only written without one): honoured
                    finished = store.finish(spec.batchId(), BatchStatus.CANCELLED, read.get(), rejected.get(), text("import.cancelled"),
                            clock.instant(), store.cancelRequestedBy(spec.batchId()).orElse(spec.by()));
                }
                if (!finished) {
                    log.error("Import {} ended as {} but was no longer running (marked interrupted meanwhile?)", spec.batchId(), end);
                }
            } catch (RuntimeException e) {
                log.error("Could not record the end of import {}", spec.batchId(), e);
            }
            onEnd.run();
        }
    }

    /**
     * Progress for every instance to show. A cancellation asked on another instance is seen here; so is a batch no
     * longer running (another instance took this process for dead and marked it interrupted): reading stops.
     */
    private void heartbeat() {
        switch (store.progress(spec.batchId(), read.get(), accepted.get(), rejected.get(), flagged.get(), spec.xlsx() ? 0 : bytesRead.get(),
                clock.instant())) {
            case CANCEL_REQUESTED -> cancelled = true;
            case NOT_RUNNING -> stopping = true;
            case RUNNING -> {
            }
        }
    }

    /** Between the steps after the reading: a cancellation (or a stop) asked meanwhile ends the job here. */
    private void stopIfAsked() {
        if (cancelled || stopping) {
            throw new Stop();
        }
    }

    /** The batch's messages are stored by key, to be read in the reader's language (see ImportBatch#keyed). */
    private static String text(String code, Object... args) {
        return ImportBatch.keyed(code, args);
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    /**
     * Rows and errors waiting to be staged. A full chunk is handed to a writer thread (register look-ups, COPY,
     * heartbeat) while this thread reads and checks the next one; at most one chunk is being written at a time.
     */
    private final class Staging {
        List<StagedRow> rows = new ArrayList<>(CHUNK);
        CopyBinary errors = new CopyBinary(1 << 16);
        final CopyBinary text = new CopyBinary(CHUNK * 300);
        final CopyManager copy;
        final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(DaemonThreads.named("import-writer"));
        final org.springframework.security.core.context.SecurityContext security =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        java.util.concurrent.Future<?> inFlight;
        long lastBeat;
        long copyNanos;
        long lookupNanos;
        long waitNanos;

        Staging(CopyManager copy) {
            this.copy = copy;
        }

        /** Hands the current chunk to the writer (after the previous one is written). */
        void flush() {
            long t = System.nanoTime();
            await();
            waitNanos += System.nanoTime() - t;
            List<StagedRow> chunk = rows;
            CopyBinary chunkErrors = errors;
            rows = new ArrayList<>(CHUNK);
            errors = new CopyBinary(1 << 16);
            inFlight = writer.submit(new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(
                    () -> write(chunk, chunkErrors), security));
        }

        /** Waits for the chunk being written; its failure is this thread's failure. */
        void await() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        /** The last chunk, written before the set-based steps (once: a stop after it finds nothing left). */
        void finish() {
            if (writer.isShutdown()) {
                return;
            }
            flush();
            await();
            writer.shutdown();
        }

        private void write(List<StagedRow> chunk, CopyBinary chunkErrors) {
            try {
                if (!chunk.isEmpty()) {
                    long t0 = System.nanoTime();
                    Map<Integer, String[]> matches = matches(chunk);
                    lookupNanos += System.nanoTime() - t0;
                    for (int i = 0; i < chunk.size(); i++) {
                        StagedRow r = chunk.get(i);
                        String[] m = matches.get(i);
                        if (m != null) {
                            r.status = "FLAGGED";
                            flagged.incrementAndGet();
                        }
                        StagedRows.write(text, r, m == null ? "" : m[1], m == null ? null : UUID.fromString(m[0]));
                    }
                    long t1 = System.nanoTime();
                    copy.copyIn(StagedRows.COPY, text.stream());
                    copyNanos += System.nanoTime() - t1;
                    text.clear();
                }
                if (!chunkErrors.isEmpty()) {
                    copy.copyIn(StagedRows.COPY_ERROR, chunkErrors.stream());
                }
                if (lastBeat == 0 || System.nanoTime() - lastBeat > 1_000_000_000L) {
                    lastBeat = System.nanoTime();
                    heartbeat();
                }
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Weapons of the register with the same maker and serial, or the same national mark, as rows of the chunk. */
        private Map<Integer, String[]> matches(List<StagedRow> rows) {
            String[] makers = new String[rows.size()];
            String[] serials = new String[rows.size()];
            String[] marks = new String[rows.size()];
            String[] types = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                makers[i] = rows.get(i).makerCode;
                serials[i] = rows.get(i).serialNorm;
                marks[i] = rows.get(i).nationalMark;
                types[i] = rows.get(i).type.name();
            }
            Map<Integer, String[]> out = new HashMap<>();
            for (RegistryQueries.IdentityMatch m : registry.findSameIdentity(makers, serials, types, marks)) {
                out.putIfAbsent(m.probe(), new String[] {m.weaponId().value().toString(), DuplicateFlags.sameInRegister(m.how(), m.weaponId().value())});
            }
            return out;
        }
    }
}
