package org.opensalw.importing.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.importing.BatchConfirmed;
import org.opensalw.importing.BatchStatus;
import org.opensalw.importing.ImportBatch;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.shared.DaemonThreads;
import org.opensalw.shared.Messages;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a batch's accepted rows into the register in one transaction, now ({@link #confirm}) or in the background
 * ({@link #start}: the batch is CONFIRMING meanwhile). A background confirmation holds a database lock until it
 * commits or rolls back, also when its process dies, so {@link #reloadDead} can tell a dead one from a running one on
 * any instance. Callers check the person's rights ({@code ImportManagement}).
 */
@Component
public class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final BatchStore store;
    private final DuplicateFlags duplicates;
    private final RegistryManagement registry;
    private final RegistryQueries registryQueries;
    private final DataSource dataSource;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final ExecutorService background = Executors.newCachedThreadPool(DaemonThreads.named("import-confirm"));

    Confirmations(BatchStore store, DuplicateFlags duplicates, RegistryManagement registry, RegistryQueries registryQueries, DataSource dataSource, CurrentUser currentUser, AuditTrail audit,
            ApplicationEventPublisher events, MessageSource messages, Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.duplicates = duplicates;
        this.registry = registry;
        this.registryQueries = registryQueries;
        this.dataSource = dataSource;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Confirms a LOADED batch in the caller's transaction. */
    public ImportBatch confirm(UUID id) {
        return register(locked(id, BatchStatus.LOADED));
    }

    /**
     * Marks a LOADED batch CONFIRMING in the caller's transaction; once that commits, the confirmation runs in the
     * background as the same person. If it fails, the batch is LOADED again with why.
     */
    public ImportBatch start(UUID id, Locale locale) {
        locked(id, BatchStatus.LOADED);
        if (store.anyConfirming()) { // it would only wait for the ledger head, holding two connections meanwhile
            throw new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of("status", "import.confirm.busy")));
        }
        store.confirming(id, clock.instant(), currentUser.username());
        Runnable work = new DelegatingSecurityContextRunnable(() -> confirmInBackground(id, locale));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                background.execute(work);
            }
        });
        return store.find(id).orElseThrow();
    }

    /** Confirmations marked before {@code noProgressFor} whose lock is free (their process died): LOADED again. */
    public List<UUID> reloadDead(Duration noProgressFor) {
        List<UUID> reloaded = new ArrayList<>();
        for (UUID id : store.confirmingSince(clock.instant().minus(noProgressFor))) {
            boolean dead = Boolean.TRUE.equals(transactions.execute(status -> {
                if (!store.tryConfirmationLock(id)) {
                    return false; // still running, here or on another instance
                }
                return store.confirmationFailed(id, ImportBatch.MESSAGE_KEY + "import.confirm.stoppedProcess", clock.instant(), "system");
            }));
            if (dead) {
                log.warn("The confirmation of import batch {} stopped with its process; the batch can be confirmed again", id);
                reloaded.add(id);
            }
        }
        return reloaded;
    }

    private void confirmInBackground(UUID id, Locale locale) {
        try {
            transactions.executeWithoutResult(status -> {
                store.holdConfirmationLock(id);
                register(locked(id, BatchStatus.CONFIRMING));
            });
        } catch (RuntimeException e) {
            log.warn("Confirmation of import batch {} failed; nothing of it was written", id, e);
            // by key, to be read in the reader's language; several refusals at once are joined in the confirming person's
            String why = !(e instanceof UserFacingException u) ? ImportBatch.keyed("import.confirm.failed", e.getClass().getSimpleName())
                    : u.violations().size() == 1 ? ImportBatch.keyed(u.violations().get(0).code(), u.violations().get(0).args().toArray())
                    : String.join("; ", u.violations().stream().map(v -> Messages.resolve(messages, v, locale)).toList());
            transactions.executeWithoutResult(status -> store.confirmationFailed(id, why, clock.instant(), currentUser.username()));
        }
    }

    private ImportBatch locked(UUID id, BatchStatus expected) {
        ImportBatch b = store.lock(id).orElseThrow(() -> UserFacingException.notFound("import", id));
        if (b.status() != expected) {
            throw UserFacingException.invalid("status", "import.confirm.status", b.status());
        }
        return b;
    }

    private ImportBatch register(ImportBatch b) {
        UUID id = b.id();
        registry.holdLedgerHead(); // no registration between the check below and this batch's own (another confirmation waits)
        int flaggedNow = flagRegisteredSinceRead(id);
        java.util.Map<UUID, UUID> registeredHolders = registeredHolders(id); // usually few: holders of earlier files or by hand
        RegistryManagement.BulkResult result = StagedRows.readAccepted(dataSource, id, registeredHolders,
                rows -> registry.registerBulk(id, b.rowsAccepted(), rows)); // accepted: ACCEPTED and DISTINCT rows
        Instant now = clock.instant();
        store.confirmed(id, result.weapons(), result.holders(), now, currentUser.username());
        store.addTimings(id, String.format(Locale.ROOT, "confirmed in %.1f s (in PostgreSQL: COPY and index builds %.1f s)%s",
                result.millis() / 1000.0, result.copyMillis() / 1000.0,
                flaggedNow == 0 ? "" : "; " + flaggedNow + " rows matched weapons registered since the file was read (flagged, or already imported)"));
        audit.recordWrite("import.confirm", "IMPORT_BATCH", id, "file=" + b.fileName() + " sha256=" + b.sha256() + " weapons="
                + result.weapons() + " holders=" + result.holders() + " ledger seq " + result.firstSeq() + "-" + result.lastSeq());
        events.publishEvent(new BatchConfirmed(id, b.fileName(), result.weapons(), result.holders()));
        return store.find(id).orElseThrow();
    }

    /**
     * Registers one row of a confirmed batch that a person judged another weapon, in the caller's transaction: its holder
     * is the one another row of the batch registered, or one of the register with the same name and document, or new.
     */
    public void registerLate(UUID id, StagedRow row) {
        boolean holderExists = row.holderId != null && store.holderRegisteredByAnotherRow(id, row.holderId, row.line);
        if (row.holderId != null && !holderExists) {
            UUID registered = registryQueries.matchingHolders(new String[] {row.holderKind.name()}, new String[] {row.holderName},
                    new String[] {row.holderDocument}).get(0);
            if (registered != null) {
                row.holderId = registered;
                holderExists = true;
            }
        }
        RegistryManagement.BulkResult r = registry.registerBulk(id, List.of(row.weapon(!holderExists)).iterator());
        store.addRegistered(id, r.weapons(), r.holders());
    }

    /** The batch's holders already in the register (same kind, name and document): batch id to register id. */
    private java.util.Map<UUID, UUID> registeredHolders(UUID id) {
        java.util.Map<UUID, UUID> found = new java.util.HashMap<>();
        store.forEachHolderToRegister(id, page -> {
            java.util.Map<Integer, UUID> matches = registryQueries.matchingHolders(
                    page.stream().map(BatchStore.NamedHolder::kind).toArray(String[]::new),
                    page.stream().map(BatchStore.NamedHolder::name).toArray(String[]::new),
                    page.stream().map(BatchStore.NamedHolder::document).toArray(String[]::new));
            matches.forEach((i, registered) -> found.put(page.get(i).id(), registered));
        });
        return found;
    }

    /**
     * The rows were checked against the register when the file was read; a batch may wait days for its confirmation, and
     * weapons registered meanwhile (by hand, or by another batch: a corrected copy of the same file) are checked now. Rows
     * matching one are flagged for a person to decide, like those found when reading, and stay out of this confirmation
     * (rows identical to ones an earlier confirmed batch registered are marked already imported). Returns the rows flagged.
     * The caller holds the ledger head, so no registration commits between this check and the batch's registration.
     */
    private int flagRegisteredSinceRead(UUID id) {
        Long since = store.registerSeq(id);
        if (since == null) {
            return 0; // read before the ledger record was kept with the batch
        }
        // committed on its own: the accepted rows are read on another connection, which must not see the flagged ones (and the
        // flags are true whether or not this confirmation commits); only the batch's rows are written, not its locked row
        int flagged = separately.execute(status -> {
            int[] rows = {0};
            registryQueries.forEachRegisteredAfter(since, page -> rows[0] += duplicates.flagSameAsRegistered(id, page));
            if (rows[0] > 0) {
                duplicates.markAlreadyImported(id);
            }
            return rows[0];
        });
        if (flagged > 0) {
            store.refreshCounts(id);
            log.info("Import batch {}: {} rows flagged at confirmation, the same as weapons registered since it was read", id, flagged);
        }
        return flagged;
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
