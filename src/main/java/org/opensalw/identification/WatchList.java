package org.opensalw.identification;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.identification.internal.WatchListChecker;
import org.opensalw.identification.internal.WatchListStore;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
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

    WatchList(WatchListStore store, WatchListChecker checker, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.store = store;
        this.checker = checker;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports a list; every line is checked first and none is kept if one is wrong. Returns the number of new entries. */
    @Transactional
    public int importList(String source, Reader csv) {
        if (source == null || source.isBlank()) {
            throw UserFacingException.invalid("source", "watch.source.required");
        }
        List<WatchEntry> entries = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        try {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(csv)) {
                try {
                    entries.add(entry(source.trim(), r));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    errors.add(Violation.of("line " + (r.getRecordNumber() + 1), "watch.line.invalid", r.getRecordNumber() + 1, e.getMessage()));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw UserFacingException.invalid("file", "watch.file.invalid", e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, errors);
        }
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

    /** Alerts, newest first, a page at a time. */
    public org.opensalw.shared.Page<Alert> alerts(boolean openOnly, org.opensalw.shared.PageRequest page) {
        return store.alerts(openOnly, page);
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
            throw UserFacingException.notFound("alert", alertId);
        }
        audit.recordWrite("watch.acknowledge", "ALERT", alertId, "");
    }

    private static WatchEntry entry(String source, CSVRecord r) {
        String reference = required(r, "reference");
        String serial = required(r, "serial");
        String type = optional(r, "type");
        String kind = required(r, "report_kind").toUpperCase(Locale.ROOT);
        if (!kind.equals("LOST") && !kind.equals("STOLEN")) {
            throw new IllegalArgumentException("report_kind must be LOST or STOLEN, not " + kind);
        }
        String on = optional(r, "reported_on");
        return new WatchEntry(UUID.randomUUID(), source, reference, serial, optional(r, "maker"), optional(r, "model"),
                optional(r, "calibre"), type.isEmpty() ? null : WeaponType.valueOf(type.toUpperCase(Locale.ROOT)),
                optional(r, "reported_by"), WeaponStatus.valueOf(kind), on.isEmpty() ? null : LocalDate.parse(on));
    }

    private static String required(CSVRecord r, String column) {
        String v = optional(r, column);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return v;
    }

    private static String optional(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }
}
