package org.opensalw.identification;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opensalw.identification.internal.AlertEvidence;
import org.opensalw.identification.internal.WatchListChecker;
import org.opensalw.identification.internal.WatchListFile;
import org.opensalw.identification.internal.WatchListStore;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watch list: lists of weapons reported lost or stolen elsewhere (imported as CSV in the shape of an iARMS
 * export: reference, serial, maker, model, calibre, type, reported_by, report_kind, reported_on) and the alerts raised
 * when a recovered weapon matches a lost or stolen one.
 */
@Service
@PreAuthorize("hasAnyRole('INVESTIGATOR','REGISTRAR')")
public class WatchList {

    private final WatchListStore store;
    private final WatchListChecker checker;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final MessageSource messages;

    WatchList(WatchListStore store, WatchListChecker checker, CurrentUser currentUser, AuditTrail audit, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.checker = checker;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Imports a list sent as a file: its bytes are text in {@code encoding} (UTF-8 when not given), else it is refused at
     * the first line that is not; then as {@link #importList(String, Reader)}.
     */
    @Transactional
    public int importList(String source, byte[] content, String encoding) {
        if (source == null || source.isBlank()) {
            throw UserFacingException.invalid("source", "watch.source.required");
        }
        return importList(source, new java.io.StringReader(WatchListFile.decode(content, encoding)));
    }

    /** Imports a list; every line is checked first and none is kept if one is wrong. Returns the number of new entries. */
    @Transactional
    public int importList(String source, Reader csv) {
        if (source == null || source.isBlank()) {
            throw UserFacingException.invalid("source", "watch.source.required");
        }
        List<WatchEntry> entries = WatchListFile.read(source.trim(), csv, LocalDate.now(clock));
        int added = 0;
        store.lockForImport(); // other instances follow the entries by their numbers: see WatchListStore.lockForImport
        for (WatchEntry e : entries) {
            if (store.insert(e, currentUser.username(), clock.instant())) {
                checker.index(e);
                added++;
            }
        }
        audit.recordWrite("watch.import", "WATCH_LIST", source.trim(), added + " entries");
        return added;
    }

    public List<WatchEntry> entries() {
        return store.entries();
    }

    /** The newest 500 alerts (open ones only, or all). */
    public List<Alert> alerts(boolean openOnly) {
        return alerts(openOnly, new org.opensalw.shared.PageRequest(0, 500)).items();
    }

    /** Alerts, newest first, a page at a time, their evidence said in the reader's language (however it was raised). */
    public org.opensalw.shared.Page<Alert> alerts(boolean openOnly, org.opensalw.shared.PageRequest page) {
        Locale locale = LocaleContextHolder.getLocale();
        return store.alerts(openOnly, page).map(a -> AlertEvidence.localised(a, messages, locale));
    }

    /** How many alerts were delivered to the signed-in user and not opened yet. */
    public int unreadCount() {
        return store.unreadCount(currentUser.username());
    }

    /** The signed-in user's alerts not opened yet; opening them marks them read (not acknowledged). */
    @Transactional
    public List<UUID> openMine() {
        return store.markRead(currentUser.username(), clock.instant());
    }

    /** Of these alerts (a page the signed-in user is shown), those not opened yet; they are marked read, the others stay. */
    @Transactional
    public List<UUID> openMine(java.util.Collection<UUID> shown) {
        return store.markRead(currentUser.username(), shown, clock.instant());
    }

    @Transactional
    public void acknowledge(UUID alertId) {
        if (!store.acknowledge(alertId, currentUser.username(), clock.instant())) {
            Alert alert = store.findAlert(alertId).filter(a -> a.acknowledgedAt() != null)
                    .orElseThrow(() -> UserFacingException.notFound("alert", alertId));
            // acknowledged already (by someone else a moment ago, or twice from an old page): say by whom and when
            throw new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(org.opensalw.shared.Violation.of("alert",
                    "watch.alert.acknowledged", alert.acknowledgedBy(), alert.acknowledgedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))));
        }
        audit.recordWrite("watch.acknowledge", "ALERT", alertId, "");
    }
}
