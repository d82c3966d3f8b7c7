package org.opensalw.identification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opensalw.identification.Alert;
import org.opensalw.identification.WatchEntry;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imported lost/stolen lists and the alerts (this module's own tables). */
@Repository
public class WatchListStore {

    private final JdbcClient jdbc;

    WatchListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry with its number, in the order entries become visible (see {@link #lockForImport}). */
    public record Numbered(long seq, WatchEntry entry) {
    }

    /**
     * Holds imports one after the other until this transaction commits, so that entries become visible in the order of
     * their numbers: an instance that has read entry n has every entry before it, and may follow from n. Alerts and
     * reads are not held (this mode lets row locks and plain reads through).
     */
    public void lockForImport() {
        jdbc.sql("LOCK TABLE ident_watch_entry IN SHARE ROW EXCLUSIVE MODE").update();
    }

    /** Adds the entry unless the list already has its reference; true when added. */
    public boolean insert(WatchEntry e, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO ident_watch_entry (id, source, reference, serial, maker, model, calibre, weapon_type, reported_by,
                  report_kind, reported_on, imported_by, imported_at)
                VALUES (:id, :source, :reference, :serial, :maker, :model, :calibre, :type, :reportedBy, :kind, :on, :by, :at)
                ON CONFLICT (source, reference) DO NOTHING
                """).param("id", e.id()).param("source", e.source()).param("reference", e.reference()).param("serial", e.serial())
                .param("maker", nz(e.maker())).param("model", nz(e.model())).param("calibre", nz(e.calibre()))
                .param("type", e.type() == null ? null : e.type().name()).param("reportedBy", nz(e.reportedBy()))
                .param("kind", e.reportKind().name()).param("on", e.reportedOn()).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public List<WatchEntry> entries() {
        return jdbc.sql("SELECT * FROM ident_watch_entry ORDER BY imported_at, reference").query(WatchListStore::entry).list();
    }

    /** The entries numbered after {@code seq}, in order, at most {@code limit}. */
    public List<Numbered> entriesAfter(long seq, int limit) {
        return jdbc.sql("SELECT * FROM ident_watch_entry WHERE seq > :seq ORDER BY seq LIMIT :limit").param("seq", seq).param("limit", limit)
                .query((rs, i) -> new Numbered(rs.getLong("seq"), entry(rs, i))).list();
    }

    /** Stores the alert unless one with its id is stored already (the same check run again); true when stored. */
    public boolean insert(Alert a) {
        return jdbc.sql("""
                INSERT INTO ident_alert (id, weapon_id, recovered_serial, origin, matched_weapon_id, matched_entry_id, matched_serial,
                  score, evidence, raised_at)
                VALUES (:id, :weapon, :serial, :origin, :matchedWeapon, :matchedEntry, :matchedSerial, :score, :evidence, :at)
                ON CONFLICT (id) DO NOTHING
                """).param("id", a.id()).param("weapon", a.weaponId().value()).param("serial", a.recoveredSerial())
                .param("origin", a.origin()).param("matchedWeapon", a.matchedWeaponId() == null ? null : a.matchedWeaponId().value())
                .param("matchedEntry", a.matchedEntryId()).param("matchedSerial", a.matchedSerial()).param("score", a.score())
                .param("evidence", a.evidence()).param("at", Timestamp.from(a.raisedAt())).update() == 1;
    }

    /** Delivers an alert to each recipient (once: delivering again changes nothing). */
    public void deliver(UUID alertId, List<String> usernames, Instant at) {
        for (String username : usernames) {
            jdbc.sql("""
                    INSERT INTO ident_alert_recipient (alert_id, username, delivered_at) VALUES (:alert, :user, :at)
                    ON CONFLICT DO NOTHING""").param("alert", alertId).param("user", username).param("at", Timestamp.from(at)).update();
        }
    }

    public int unreadCount(String username) {
        return jdbc.sql("SELECT count(*) FROM ident_alert_recipient WHERE username = :user AND read_at IS NULL")
                .param("user", username).query(Integer.class).single();
    }

    /**
     * Marks read the alerts delivered to this user and not opened yet, and returns them: in one statement, so that an
     * alert delivered meanwhile is either returned or left unread, never marked read unseen.
     */
    public List<UUID> markRead(String username, java.util.Collection<UUID> alerts, Instant at) {
        return jdbc.sql("""
                UPDATE ident_alert_recipient SET read_at = :at WHERE username = :user AND read_at IS NULL AND alert_id = ANY(:ids)
                RETURNING alert_id""")
                .param("at", Timestamp.from(at)).param("user", username).param("ids", alerts.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    public List<UUID> markRead(String username, Instant at) {
        return jdbc.sql("UPDATE ident_alert_recipient SET read_at = :at WHERE username = :user AND read_at IS NULL RETURNING alert_id")
                .param("at", Timestamp.from(at)).param("user", username).query(UUID.class).list();
    }

    public org.opensalw.shared.Page<Alert> alerts(boolean openOnly, org.opensalw.shared.PageRequest page) {
        return org.opensalw.shared.Page.of(jdbc.sql("""
                        SELECT * FROM ident_alert WHERE (:all OR acknowledged_at IS NULL) ORDER BY raised_at DESC, id
                        LIMIT :limit OFFSET :offset""")
                .param("all", !openOnly).param("limit", page.size() + 1).param("offset", page.offset())
                .query(WatchListStore::alert).list(), page);
    }

    public java.util.Optional<Alert> findAlert(UUID id) {
        return jdbc.sql("SELECT * FROM ident_alert WHERE id = :id").param("id", id).query(WatchListStore::alert).optional();
    }

    public boolean acknowledge(UUID id, String by, Instant at) {
        return jdbc.sql("UPDATE ident_alert SET acknowledged_by = :by, acknowledged_at = :at WHERE id = :id AND acknowledged_at IS NULL")
                .param("by", by).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    private static WatchEntry entry(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("weapon_type");
        return new WatchEntry(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("reference"), rs.getString("serial"),
                rs.getString("maker"), rs.getString("model"), rs.getString("calibre"), type == null ? null : WeaponType.valueOf(type),
                rs.getString("reported_by"), WeaponStatus.valueOf(rs.getString("report_kind")),
                rs.getObject("reported_on", java.time.LocalDate.class));
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        UUID matched = rs.getObject("matched_weapon_id", UUID.class);
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        return new Alert(rs.getObject("id", UUID.class), new WeaponId(rs.getObject("weapon_id", UUID.class)), rs.getString("recovered_serial"),
                rs.getString("origin"), matched == null ? null : new WeaponId(matched), rs.getObject("matched_entry_id", UUID.class),
                rs.getString("matched_serial"), rs.getInt("score"), rs.getString("evidence"), rs.getTimestamp("raised_at").toInstant(),
                rs.getString("acknowledged_by"), ack == null ? null : ack.toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
