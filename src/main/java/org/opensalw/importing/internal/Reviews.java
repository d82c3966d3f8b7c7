package org.opensalw.importing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.importing.BatchStatus;
import org.opensalw.importing.FlagSource;
import org.opensalw.importing.ImportBatch;
import org.opensalw.shared.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * A person's decisions on suspected duplicates: {@code DUPLICATE} (the same weapon: the row is not registered) or
 * {@code DISTINCT} (another weapon: the row is registered, at once if the batch is already confirmed). One row at a
 * time, or every open row whose duplicate was found in one place (the file, or the register) before confirmation. Each
 * decision names who took it, in the row and in the audit trail. Call in a transaction.
 */
@Component
public class Reviews {

    private final BatchStore store;
    private final Confirmations confirmations;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    Reviews(BatchStore store, Confirmations confirmations, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.store = store;
        this.confirmations = confirmations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public void review(UUID id, long line, String decision) {
        ImportBatch b = store.lock(id).orElseThrow(() -> UserFacingException.notFound("import", id));
        if (b.status() != BatchStatus.LOADED && b.status() != BatchStatus.CONFIRMED) {
            throw UserFacingException.invalid("status", "import.review.status", b.status());
        }
        requireDecision(decision);
        StagedRow row = store.row(id, line).orElseThrow(() -> UserFacingException.notFound("row", line));
        if (!"FLAGGED".equals(row.status)) {
            throw UserFacingException.invalid("line", "import.review.notFlagged", line);
        }
        Instant now = clock.instant();
        store.review(id, line, decision, now, currentUser.username());
        if ("DISTINCT".equals(decision) && b.status() == BatchStatus.CONFIRMED) {
            confirmations.registerLate(id, row);
        }
        store.refreshCounts(id);
        audit.recordWrite("import.review", "IMPORT_BATCH", id, "line " + line + ": " + decision);
    }

    /**
     * The same decision on every row still flagged with a duplicate found in {@code source}, while the batch waits for
     * confirmation (after it, rows are decided one by one, since each DISTINCT one is registered as it is decided).
     */
    public int reviewAll(UUID id, FlagSource source, String decision) {
        ImportBatch b = store.lock(id).orElseThrow(() -> UserFacingException.notFound("import", id));
        if (b.status() != BatchStatus.LOADED) {
            throw UserFacingException.invalid("status", "import.reviewAll.status", b.status());
        }
        requireDecision(decision);
        Objects.requireNonNull(source, "source");
        int decided = store.reviewAll(id, source, decision, clock.instant(), currentUser.username());
        if (decided == 0) {
            return 0; // nothing left to decide (someone else did): nothing written
        }
        store.refreshCounts(id);
        audit.recordWrite("import.reviewAll", "IMPORT_BATCH", id, decided + " rows flagged in the " + source.name().toLowerCase(Locale.ROOT)
                + ": " + decision);
        return decided;
    }

    private static void requireDecision(String decision) {
        if (!"DUPLICATE".equals(decision) && !"DISTINCT".equals(decision)) {
            throw UserFacingException.invalid("decision", "import.review.decision", decision);
        }
    }
}
