package org.opensalw.importing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.importing.internal.BatchStore;
import org.opensalw.importing.internal.Columns;
import org.opensalw.importing.internal.Confirmations;
import org.opensalw.importing.internal.DuplicateFlags;
import org.opensalw.importing.internal.Reviews;
import org.opensalw.importing.internal.ImportJob;
import org.opensalw.importing.internal.RowChecker;
import org.opensalw.importing.internal.RowSource;
import org.opensalw.importing.internal.UploadedFiles;
import org.opensalw.reference.Maker;
import org.opensalw.reference.References;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.shared.DaemonThreads;
import org.opensalw.shared.Messages;
import org.opensalw.shared.Texts;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of legacy registers. A file is first received and its header read ({@link #prepare}); {@link #start} checks
 * what the person stated (date format, encoding, delimiter, column mapping) and reads the file in the background into
 * a batch; {@link #confirm} moves the accepted rows into the register in one transaction; an unconfirmed batch can be
 * {@link #voidBatch voided}. Suspected duplicates wait for a person ({@link #review}, {@link #reviewAll}). Registrars only.
 */
@Service
@PreAuthorize("hasRole('REGISTRAR')")
public class ImportManagement {

    private static final Logger log = LoggerFactory.getLogger(ImportManagement.class);


    private final BatchStore store;
    private final DuplicateFlags duplicates;
    private final RegistryQueries registryQueries;
    private final References references;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final DataSource dataSource;
    private final Clock clock;
    private final UploadedFiles uploads;
    private final Duration staleAfter;
    private final ExecutorService executor;
    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    private final Confirmations confirmations;
    private final Reviews reviews;

    ImportManagement(BatchStore store, DuplicateFlags duplicates, RegistryQueries registryQueries, References references,
            CurrentUser currentUser, AuditTrail audit, MessageSource messages, DataSource dataSource, Clock clock, UploadedFiles uploads,
            Confirmations confirmations, Reviews reviews, @Value("${opensalw.import.stale-after-seconds:60}") long staleAfterSeconds) {
        this.confirmations = confirmations;
        this.reviews = reviews;
        this.store = store;
        this.duplicates = duplicates;
        this.registryQueries = registryQueries;
        this.references = references;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.dataSource = dataSource;
        this.clock = clock;
        this.uploads = uploads;
        this.staleAfter = Duration.ofSeconds(staleAfterSeconds);
        this.executor = Executors.newFixedThreadPool(2, DaemonThreads.named("import"));
    }

    /** Keeps an uploaded file in the database (hashing it on the way) and reads its header. */
    public PreparedFile prepare(String fileName, InputStream content, String encoding) {
        return uploads.keep(fileName, content, encoding, currentUser.username());
    }

    /** Uses a file where it lies (the command line: very large files are not copied). */
    public PreparedFile prepare(Path file, String encoding) {
        return uploads.use(file, encoding, currentUser.username());
    }

    public PreparedFile prepared(UUID id) {
        return uploads.get(id).file();
    }

    /**
     * Starts reading a prepared file into a new batch, in the background. Refused, with every reason, when the date
     * format, encoding, delimiter or mapping is not usable, or when the same file (same SHA-256) is already imported.
     */
    public ImportBatch start(UUID preparedId, ImportOptions options) {
        return start(preparedId, options, UUID.randomUUID());
    }

    private ImportBatch start(UUID preparedId, ImportOptions options, UUID batchId) {
        UploadedFiles.Upload p = uploads.get(preparedId);
        PreparedFile file = p.file();
        List<Violation> violations = options.problems(file); // before the file is copied out: a refused start reads nothing
        if (!violations.isEmpty()) {
            violations.addAll(Columns.missingMappings(Columns.positions(file.headers(), options.mapping())));
            throw new UserFacingException(UserFacingException.Kind.INVALID, violations);
        }
        store.activeWithSha(file.sha256()).ifPresent(existing -> { // the unique index on the batch catches a race
            throw new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of("file", "import.file.already",
                    existing.fileName(), existing.id(), existing.startedAt(), existing.startedBy(), existing.status())));
        });
        UploadedFiles.Content content = uploads.open(p);
        try {
            return start(file, content, options, batchId);
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
    }

    /** Starts reading the file's content (from now on the job's, which deletes a copy when it ends). */
    private ImportBatch start(PreparedFile file, UploadedFiles.Content content, ImportOptions options, UUID batchId) {
        String encoding = options.encodingOrDefault();
        Character delimiter = options.delimiter() != null ? options.delimiter() : file.delimiter();
        List<String> headers = file.headers();
        if (!file.format().equals("XLSX") && options.delimiter() != null && !options.delimiter().equals(file.delimiter())) {
            try {
                headers = RowSource.csvHeader(content.path(), UploadedFiles.charset(encoding), options.delimiter());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Integer> positions = Columns.positions(headers, options.mapping());
        List<Violation> missing = Columns.missingMappings(positions);
        if (!missing.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, missing);
        }
        Instant now = clock.instant();
        String by = currentUser.username();
        Map<String, String> stated = new LinkedHashMap<>();
        positions.forEach((column, i) -> stated.put(column, file.header(i)));
        String optionsText = (file.format().equals("XLSX") ? "" : "encoding=" + encoding + "; delimiter=" + delimiter
                + (options.delimiter() == null ? " (from the header line)" : "") + "; ") + "dateFormat=" + options.dateFormat() + "; mapping=" + stated;
        try {
            store.insert(batchId, file, new ImportOptions(encoding, options.delimiter(), options.dateFormat(), options.mapping()), optionsText, now, by);
        } catch (DuplicateKeyException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of("file", "import.file.alreadyRunning")));
        }
        store.checkedAgainstRegisterAfter(batchId, registryQueries.ledgerHead()); // what is registered later is checked at confirmation
        audit.recordWrite("import.start", "IMPORT_BATCH", batchId, "file=" + file.fileName() + " sha256=" + file.sha256() + " bytes=" + file.bytes());
        var makerFinder = references.makerFinder();
        RowChecker checker = new RowChecker(positions, headers.size(), options.dateFormat(),
                text -> makerFinder.apply(text).map(Maker::code), references.makerCodes(), references.countryCodes(), LocalDate.now(clock), batchId,
                new RowChecker.IdSource());
        ImportJob.Spec spec = new ImportJob.Spec(batchId, file.fileName(), content.path(), file.sha256(), file.format().equals("XLSX"), UploadedFiles.charset(encoding),
                delimiter == null ? ',' : delimiter, headers, by);
        ImportJob job = new ImportJob(spec, checker, dataSource, store, duplicates, registryQueries, clock, () -> {
                    try {
                        store.find(batchId).ifPresent(done -> audit.recordWrite("import.read", "IMPORT_BATCH", batchId, done.status()
                                + ": " + done.rowsRead() + " rows read, " + done.rowsAccepted() + " accepted, " + done.rowsRejected()
                                + " rejected, " + done.rowsFlagged() + " flagged, " + done.rowsAlready() + " already imported"));
                    } finally {
                        content.close(); // before the job leaves the map: whoever waits for it finds the copy gone
                        jobs.remove(batchId);
                    }
                });
        jobs.put(batchId, job);
        executor.execute(new DelegatingSecurityContextRunnable(job));
        return batch(batchId);
    }

    /** Starts and waits for the end of the reading (command line, benchmark). */
    public ImportBatch run(UUID preparedId, ImportOptions options, java.util.function.Consumer<ImportBatch> progress) {
        ImportBatch b = start(preparedId, options);
        while (jobs.containsKey(b.id())) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(b.id());
                break;
            }
            if (progress != null && jobs.containsKey(b.id())) {
                progress.accept(batch(b.id()));
            }
        }
        return batch(b.id());
    }

    /**
     * A batch with its counts; while it is read, the progress the reading instance last reported (every second): rows
     * read, accepted, rejected, speed, percent of the file and time left. The same on every instance.
     */
    public ImportBatch batch(UUID id) {
        return localized(store.find(id).orElseThrow(() -> UserFacingException.notFound("import", id)));
    }

    /** A message the application wrote by key, in the reader's language. */
    private ImportBatch localized(ImportBatch b) {
        return b.message() == null || !b.message().startsWith(ImportBatch.MESSAGE_KEY) ? b : b.withMessage(localized(b.message()));
    }

    /** A text stored by {@link ImportBatch#keyed} in the reader's language; any other text (of older batches) as it is. */
    private String localized(String text) {
        Object[] keyed = ImportBatch.keyedArgs(text);
        return keyed == null ? text : Messages.resolve(messages, Violation.of(null, (String) keyed[0],
                java.util.Arrays.copyOfRange(keyed, 1, keyed.length)), LocaleContextHolder.getLocale());
    }

    public List<ImportBatch> batches() {
        return store.recent(100).stream().map(this::localized).toList();
    }

    /**
     * Reads an interrupted, cancelled or failed batch's file again, with the options it was started with, into a new
     * batch; the old one is voided, saying which batch read it again. Any instance can do it: the file is kept in the
     * database (until its content is released, see docs/importing.md).
     */
    public ImportBatch readAgain(UUID id) {
        ImportBatch old = batch(id);
        if (old.uploadId() == null) {
            throw UserFacingException.invalid("file", "import.readAgain.noFile");
        }
        // the old batch is claimed first (one conditional UPDATE), so two people cannot both read it again
        UUID againId = UUID.randomUUID();
        if (!store.claimReadAgain(id, againId)) {
            ImportBatch now = batch(id);
            if (now.readAgainAs() != null && store.find(now.readAgainAs()).isPresent()) {
                throw UserFacingException.invalid("status", "import.readAgain.already", now.readAgainAs());
            }
            throw UserFacingException.invalid("status", "import.readAgain.status", now.status());
        }
        ImportBatch again;
        try {
            again = start(old.uploadId(), store.statedOptions(id), againId);
        } catch (RuntimeException e) {
            store.unclaimReadAgain(id, againId);
            throw e;
        }
        String reason = Messages.resolve(messages, Violation.of(null, "import.readAgain.reason", again.id()), LocaleContextHolder.getLocale());
        store.voided(id, reason, clock.instant(), currentUser.username());
        audit.recordWrite("import.readAgain", "IMPORT_BATCH", id, "read again as " + again.id());
        return again;
    }

    public List<BatchStore.HistoryEntry> history(UUID id) {
        return store.history(id).stream().map(h -> new BatchStore.HistoryEntry(h.status(), h.at(), h.by(), localized(h.reason()))).toList();
    }

    /**
     * Stops a running import, from any instance: the request is recorded with the batch, and the instance reading it
     * stops at its next heartbeat (at once when it is this one). What was read stays staged, the batch is CANCELLED
     * (and can be voided, or read again).
     */
    public void cancel(UUID id) {
        if (!store.requestCancel(id, clock.instant(), currentUser.username())) {
            throw UserFacingException.invalid("status", "import.notRunning");
        }
        ImportJob job = jobs.get(id);
        if (job != null) {
            job.cancelled = true;
        }
        audit.recordWrite("import.cancel", "IMPORT_BATCH", id, null);
    }

    /** Suspected duplicates of a batch (open ones first: those still to decide). */
    public List<FlaggedRow> flagged(UUID id, boolean onlyOpen) {
        return flagged(id, onlyOpen, null, 500);
    }

    /** At most {@code limit} flagged rows; with {@code afterLine}, the next ones after that line, in line order. */
    public List<FlaggedRow> flagged(UUID id, boolean onlyOpen, Long afterLine, int limit) {
        return store.flagged(id, onlyOpen, afterLine, limit).stream().map(f -> new FlaggedRow(f.line(), f.status(), f.weaponType(), f.makerCode(),
                f.serial(), f.nationalMark(), localized(f.reason()), f.matchedWeapon(), f.reviewedBy())).toList();
    }

    /** A person's decision on a flagged row: {@code DUPLICATE} (not registered) or {@code DISTINCT} (registered); see {@link Reviews}. */
    @Transactional
    public void review(UUID id, long line, String decision) {
        reviews.review(id, line, decision);
    }

    /** The same decision on every row still flagged with a duplicate found in {@code source}, before confirmation. */
    @Transactional
    public int reviewAll(UUID id, FlagSource source, String decision) {
        return reviews.reviewAll(id, source, decision);
    }

    /** How many rows wait for a decision, by where their duplicate was found. */
    public Map<FlagSource, Long> openFlags(UUID id) {
        batch(id); // an unknown batch is refused
        return store.openFlags(id);
    }

    /**
     * Moves the batch's accepted rows (and rows whose duplicate suspicion was rejected) into the register in one
     * transaction: all of them or, if the process stops or anything is refused, none. Rows still flagged stay out
     * until someone decides.
     */
    @Transactional
    public ImportBatch confirm(UUID id) {
        return confirmations.confirm(id);
    }

    /**
     * As {@link #confirm}, in the background: returns at once with the batch CONFIRMING, which its page follows. If the
     * confirmation fails, or its process dies, nothing of it is in the register and the batch is LOADED again, with why.
     */
    @Transactional
    public ImportBatch startConfirmation(UUID id) {
        return confirmations.start(id, LocaleContextHolder.getLocale());
    }

    /** Closes an unconfirmed batch with a reason. Nothing is deleted: the batch, its rows and errors stay, marked void. */
    @Transactional
    public void voidBatch(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw UserFacingException.invalid("reason", "import.void.reason");
        }
        ImportBatch b = store.lock(id).orElseThrow(() -> UserFacingException.notFound("import", id));
        if (!b.status().voidable()) {
            throw UserFacingException.invalid("status", "import.void.status", b.status());
        }
        store.voided(id, reason.trim(), clock.instant(), currentUser.username());
        audit.recordWrite("import.void", "IMPORT_BATCH", id, "file=" + b.fileName() + ": " + reason.trim());
    }

    /** The error report: one CSV line per problem (line, column, reason, value read). */
    public void writeErrors(UUID id, Writer out) {
        ImportBatch b = store.find(id).orElseThrow(() -> UserFacingException.notFound("import", id));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("line", "column", "reason", "value");
            store.errors(b.id(), values -> {
                try {
                    values[2] = localized(values[2]); // the reason, in the reader's language
                    csv.printRecord(java.util.Arrays.stream(values).map(Texts::spreadsheetSafe).toArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks running batches without a heartbeat (their process died) as interrupted; run at start and every minute. */
    @PreAuthorize("permitAll()")
    public List<UUID> markInterrupted() {
        return markInterrupted(staleAfter);
    }

    /** As {@link #markInterrupted()}, for batches without progress for the time given. */
    public List<UUID> markInterrupted(Duration noProgressFor) {
        List<UUID> stale = store.interruptStale(clock.instant().minus(noProgressFor), jobs.keySet(), clock.instant());
        stale.forEach(id -> log.warn("Import batch {} was interrupted (no progress since its process stopped); it can be voided", id));
        List<UUID> all = new ArrayList<>(stale);
        all.addAll(confirmations.reloadDead(noProgressFor));
        return all;
    }

    @PreDestroy
    void stop() {
        jobs.values().forEach(j -> j.stopping = true);
        executor.shutdown();
        try {
            executor.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
