package org.opensalw.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.opensalw.registry.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.Marking;
import org.opensalw.registry.MarkingInput;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.PhotoInfo;
import org.opensalw.registry.WeaponFilter;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.registry.WeaponSummary;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.shared.CopyBinary;
import org.opensalw.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The weapon table (the current state of each weapon), its markings and photos. */
@Component
public class WeaponStore {

    /** A weapon row as stored. */
    public record Row(UUID id, WeaponType type, String makerCode, String makerAsMarked, String model, String calibre,
            String countryOfManufacture, Integer yearOfManufacture, String serialAsMarked, String serialNormalised,
            WeaponStatus status, UUID holderId, String location, UUID batchId, Instant registeredAt, String registeredBy,
            Instant lastEventAt, EventKind lastEventKind, LocalDate lastEventOn) {

        public Lifecycle.State state() {
            return new Lifecycle.State(status, lastEventKind == EventKind.REGISTERED, lastEventOn, lastEventKind);
        }
    }

    private final JdbcClient jdbc;

    WeaponStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bulk registration's COPY into the weapon table: the columns of {@link #insert}, one row each from {@link #copy}. */
    public static final String COPY = "COPY weapon (id, weapon_type, salw_class, maker_code, maker_as_marked, model, calibre,"
            + " country_of_manufacture, year_of_manufacture, serial_as_marked, serial_normalised, status, holder_id, location,"
            + " batch_id, registered_at, registered_by, last_event_at, last_event_kind, last_event_on) FROM STDIN (FORMAT binary)";
    /** Bulk registration's COPY into the marking table: the columns of {@link #addMarking}, one row each from {@link #copyMarking}. */
    public static final String COPY_MARKING = "COPY weapon_marking (weapon_id, kind, text, country, year, ledger_seq, recorded_at,"
            + " recorded_by) FROM STDIN (FORMAT binary)";

    /** Writes the weapon as a binary row of {@link #COPY}, with what {@link #insert} stores. */
    public static void copy(CopyBinary rows, Row w) {
        rows.row(20).uuid(w.id()).text(w.type().name()).text(w.type().salwClass().name()).text(w.makerCode()).text(w.makerAsMarked())
                .text(w.model()).text(w.calibre()).text(w.countryOfManufacture()).int4(w.yearOfManufacture()).text(w.serialAsMarked())
                .text(w.serialNormalised()).text(w.status().name()).uuid(w.holderId()).text(w.location()).uuid(w.batchId())
                .timestamptz(w.registeredAt()).text(w.registeredBy()).timestamptz(w.lastEventAt()).text(w.lastEventKind().name())
                .date(w.lastEventOn());
    }

    public void insert(Row w) {
        jdbc.sql("""
                INSERT INTO weapon (id, weapon_type, salw_class, maker_code, maker_as_marked, model, calibre,
                  country_of_manufacture, year_of_manufacture, serial_as_marked, serial_normalised, status, holder_id,
                  location, batch_id, registered_at, registered_by, last_event_at, last_event_kind, last_event_on)
                VALUES (:id, :type, :class, :maker, :makerAsMarked, :model, :calibre, :country, :year, :serial, :norm,
                  :status, :holder, :location, :batch, :at, :by, :lastAt, :lastKind, :lastOn)
                """)
                .param("id", w.id()).param("type", w.type().name()).param("class", w.type().salwClass().name())
                .param("maker", w.makerCode()).param("makerAsMarked", w.makerAsMarked()).param("model", w.model())
                .param("calibre", w.calibre()).param("country", w.countryOfManufacture()).param("year", w.yearOfManufacture())
                .param("serial", w.serialAsMarked()).param("norm", w.serialNormalised()).param("status", w.status().name())
                .param("holder", w.holderId()).param("location", w.location()).param("batch", w.batchId())
                .param("at", Timestamp.from(w.registeredAt())).param("by", w.registeredBy()).param("lastAt", Timestamp.from(w.lastEventAt()))
                .param("lastKind", w.lastEventKind().name()).param("lastOn", w.lastEventOn())
                .update();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM weapon WHERE id = :id").param("id", id).query(WeaponStore::map).optional();
    }

    public List<Row> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM weapon WHERE id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new)).query(WeaponStore::map).list();
    }

    /** Locks the weapons for the rest of the transaction, so two events on one weapon are checked one after the other. */
    public Map<UUID, Row> lock(Collection<UUID> ids) {
        Map<UUID, Row> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM weapon WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids.toArray(UUID[]::new))
                .query(WeaponStore::map).list().forEach(r -> rows.put(r.id(), r));
        return rows;
    }

    /** The new current state of a weapon after an event or a correction. */
    public record StateUpdate(UUID id, Lifecycle.State state, UUID holderId, String location) {
    }

    /** Writes the new states in one statement, however many weapons a batch touched. */
    public void updateStates(List<StateUpdate> updates, Instant at) {
        int n = updates.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        UUID[] holders = new UUID[n];
        String[] locations = new String[n];
        String[] kinds = new String[n];
        String[] dates = new String[n];
        for (int i = 0; i < n; i++) {
            StateUpdate u = updates.get(i);
            ids[i] = u.id();
            statuses[i] = u.state().status().name();
            holders[i] = u.holderId();
            locations[i] = u.location() == null ? "" : u.location();
            kinds[i] = u.state().lastKind().name();
            dates[i] = u.state().since() == null ? null : u.state().since().toString();
        }
        jdbc.sql("""
                UPDATE weapon w SET status = u.status, holder_id = u.holder, location = u.location, last_event_at = :at,
                  last_event_kind = u.kind, last_event_on = u.since::date
                FROM unnest(:ids::uuid[], :statuses::text[], :holders::uuid[], :locations::text[], :kinds::text[], :dates::text[])
                  AS u(id, status, holder, location, kind, since)
                WHERE w.id = u.id
                """).param("at", Timestamp.from(at)).param("ids", ids).param("statuses", statuses).param("holders", holders)
                .param("locations", locations).param("kinds", kinds).param("dates", dates).update();
    }

    /** Records a marking read on the weapon, by the ledger record that brought it (text trimmed, country upper case). */
    public void addMarking(UUID weaponId, MarkingInput m, long seq, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO weapon_marking (weapon_id, kind, text, country, year, ledger_seq, recorded_at, recorded_by)
                VALUES (:w, :kind, :text, :country, :year, :seq, :at, :by)
                """).param("w", weaponId).param("kind", m.kind().name()).param("text", m.text().trim()).param("country", country(m))
                .param("year", m.year()).param("seq", seq).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** Writes the marking as a binary row of {@link #COPY_MARKING}, with what {@link #addMarking} stores. */
    public static void copyMarking(CopyBinary rows, UUID weaponId, MarkingInput m, long seq, Instant at, String by) {
        rows.row(8).uuid(weaponId).text(m.kind().name()).text(m.text().trim()).text(country(m)).int4(m.year()).int8(seq)
                .timestamptz(at).text(by);
    }

    private static String country(MarkingInput m) {
        return m.country() == null || m.country().isBlank() ? null : m.country().trim().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A national marking {@code m} that carries the mark {@code p.mark} (case and surrounding spaces aside; the V80 index),
     * unless it was voided: a mark recorded in error and voided is free. The one rule for forms, events and imports.
     */
    private static final String CARRIES_MARK = "m.kind = 'NATIONAL' AND upper(m.text) = upper(btrim(p.mark))"
            + " AND NOT EXISTS (SELECT 1 FROM ledger_entry v WHERE v.voids_seq = m.ledger_seq)";

    /**
     * The weapon that carries each of these national marks, if any, by the mark as given: case and surrounding spaces do
     * not make another mark (V80 indexes {@code upper(text)} of national marks for this lookup).
     */
    public Map<String, UUID> nationalMarkHolders(Collection<String> marks) {
        Map<String, UUID> holders = new HashMap<>();
        if (!marks.isEmpty()) {
            jdbc.sql("""
                    SELECT DISTINCT ON (p.mark) p.mark, m.weapon_id
                    FROM unnest(:marks::text[]) AS p(mark)
                    JOIN weapon_marking m ON %s
                    ORDER BY p.mark, m.id
                    """.formatted(CARRIES_MARK)).param("marks", marks.toArray(String[]::new))
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list()
                    .forEach(e -> holders.put(e.getKey(), e.getValue()));
        }
        return holders;
    }

    /**
     * A registered weapon of the same maker with the same normalised serial: the same maker code or, for a weapon with
     * none, the same maker name as marked (case and surrounding spaces aside). Empty when the serial is empty.
     */
    public Optional<Row> sameMakerAndSerial(String makerCode, String makerAsMarked, String serialNormalised) {
        if (serialNormalised == null || serialNormalised.isEmpty()) {
            return Optional.empty();
        }
        if (makerCode != null) {
            return jdbc.sql("SELECT * FROM weapon WHERE maker_code = :maker AND serial_normalised = :serial ORDER BY registered_at LIMIT 1")
                    .param("maker", makerCode).param("serial", serialNormalised).query(WeaponStore::map).optional();
        }
        if (makerAsMarked == null || makerAsMarked.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT * FROM weapon WHERE serial_normalised = :serial AND maker_code IS NULL
                  AND upper(btrim(maker_as_marked)) = upper(btrim(:asMarked))
                ORDER BY registered_at LIMIT 1""")
                .param("serial", serialNormalised).param("asMarked", makerAsMarked).query(WeaponStore::map).optional();
    }

    public List<Marking> markings(UUID weaponId) {
        return jdbc.sql("SELECT * FROM weapon_marking WHERE weapon_id = :w ORDER BY id").param("w", weaponId)
                .query((rs, i) -> new Marking(MarkingKind.valueOf(rs.getString("kind")), rs.getString("text"),
                        rs.getString("country"), (Integer) rs.getObject("year"), rs.getLong("ledger_seq"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }

    public void addPhoto(UUID id, UUID weaponId, String caption, String contentType, byte[] content, String sha256, long seq,
            Instant at, String by) {
        jdbc.sql("""
                INSERT INTO marking_photo (id, weapon_id, caption, content_type, content, sha256, ledger_seq, uploaded_at, uploaded_by)
                VALUES (:id, :w, :caption, :type, :content, :sha, :seq, :at, :by)
                """).param("id", id).param("w", weaponId).param("caption", caption).param("type", contentType)
                .param("content", content).param("sha", sha256).param("seq", seq).param("at", Timestamp.from(at))
                .param("by", by).update();
    }

    public List<PhotoInfo> photos(UUID weaponId) {
        return jdbc.sql("SELECT id, caption, content_type, sha256, uploaded_at, uploaded_by FROM marking_photo WHERE weapon_id = :w ORDER BY uploaded_at")
                .param("w", weaponId).query(WeaponStore::photoInfo).list();
    }

    public Optional<PhotoInfo> photoInfo(UUID photoId) {
        return jdbc.sql("SELECT id, caption, content_type, sha256, uploaded_at, uploaded_by FROM marking_photo WHERE id = :id")
                .param("id", photoId).query(WeaponStore::photoInfo).optional();
    }

    public Optional<byte[]> photoContent(UUID photoId) {
        return jdbc.sql("SELECT content FROM marking_photo WHERE id = :id").param("id", photoId).query(byte[].class).optional();
    }

    public List<WeaponSummary> list(WeaponFilter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.serial() != null && !f.serial().isBlank()) {
            where.add("serial_normalised LIKE :serial");
            params.put("serial", SerialNumbers.prefix(f.serial()) + "%");
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            where.add("weapon_type = :type");
            params.put("type", f.type().name());
        }
        if (f.makerCode() != null && !f.makerCode().isBlank()) {
            where.add("maker_code = :maker");
            params.put("maker", f.makerCode());
        }
        if (f.country() != null && !f.country().isBlank()) {
            where.add("country_of_manufacture = :country");
            params.put("country", f.country().toUpperCase(java.util.Locale.ROOT));
        }
        if (f.holderId() != null) {
            where.add("holder_id = :holder");
            params.put("holder", f.holderId());
        }
        String sql = "SELECT * FROM weapon" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY registered_at DESC, id LIMIT :limit OFFSET :offset";
        return jdbc.sql(sql).params(params).param("limit", page.size() + 1).param("offset", page.offset())
                .query(WeaponStore::map).list().stream().map(WeaponStore::summary).toList();
    }

    public List<WeaponSummary> heldBy(UUID holderId) {
        return jdbc.sql("SELECT * FROM weapon WHERE holder_id = :h ORDER BY registered_at DESC LIMIT 500").param("h", holderId)
                .query(WeaponStore::map).list().stream().map(WeaponStore::summary).toList();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM weapon").query(Long.class).single();
    }

    /** The number of weapons of each status and type that has any. */
    public record Count(WeaponStatus status, WeaponType type, long weapons) {
    }

    /** From the counts kept as weapons change (V73), not by counting the register. */
    public List<Count> countByStatusAndType() {
        return jdbc.sql("SELECT status, weapon_type, sum(n) FROM weapon_count_delta GROUP BY status, weapon_type HAVING sum(n) <> 0")
                .query((rs, i) -> new Count(WeaponStatus.valueOf(rs.getString(1)), WeaponType.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** Streams every weapon in registration order with a cursor (call inside a read-only transaction). */
    public void forEachIdentity(java.util.function.Consumer<org.opensalw.registry.WeaponIdentity> consumer) {
        try (var rows = jdbc.sql("SELECT * FROM weapon").withFetchSize(10_000).query(WeaponStore::map).stream()) {
            rows.map(WeaponStore::identity).forEach(consumer);
        }
    }

    /** A weapon found for probe number {@code probe} (index in the arrays), and how: SERIAL or NATIONAL_MARK. */
    public record Match(int probe, UUID id, String how) {
    }

    /**
     * Probe by probe: weapons with the same maker and normalised serial; for a probe without a known maker, weapons
     * without one either, of the same type and serial (SERIAL_NO_MAKER); and weapons with the same national mark.
     */
    public List<Match> findSameIdentity(String[] makers, String[] serials, String[] types, String[] marks) {
        return jdbc.sql("""
                SELECT p.i - 1 AS probe, w.id, 'SERIAL' AS how
                FROM unnest(:makers::text[], :serials::text[]) WITH ORDINALITY AS p(maker, serial, i)
                JOIN weapon w ON w.maker_code = p.maker AND w.serial_normalised = p.serial
                WHERE p.maker IS NOT NULL AND p.serial <> ''
                UNION ALL
                SELECT p.i - 1, w.id, 'SERIAL_NO_MAKER'
                FROM unnest(:makers::text[], :serials::text[], :types::text[]) WITH ORDINALITY AS p(maker, serial, type, i)
                JOIN weapon w ON w.maker_code IS NULL AND w.serial_normalised = p.serial AND w.weapon_type = p.type
                WHERE p.maker IS NULL AND p.serial <> ''
                UNION ALL
                SELECT p.i - 1, m.weapon_id, 'NATIONAL_MARK'
                FROM unnest(:marks::text[]) WITH ORDINALITY AS p(mark, i)
                JOIN weapon_marking m ON %s
                WHERE p.mark IS NOT NULL AND p.mark <> ''
                """.formatted(CARRIES_MARK)).param("makers", makers).param("serials", serials).param("types", types).param("marks", marks)
                .query((rs, i) -> new Match(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    /** Maker, type, normalised serial and national marks of a weapon (the keys of duplicate checks), and its REGISTERED record. */
    public record IdentityKeys(long seq, UUID id, String makerCode, String type, String serialNormalised, List<String> nationalMarks) {
    }

    /** The keys of at most {@code limit} weapons registered by ledger records after {@code seq}, in ledger order. */
    public List<IdentityKeys> registeredAfter(long seq, int limit) {
        return jdbc.sql("""
                SELECT l.seq, w.id, w.maker_code, w.serial_normalised,
                  coalesce(array_agg(m.text) FILTER (WHERE m.kind = 'NATIONAL'), '{}') AS marks, w.weapon_type
                FROM (SELECT seq, subject_id FROM ledger_entry WHERE seq > :seq AND kind = 'REGISTERED' AND subject_type = 'WEAPON'
                      ORDER BY seq LIMIT :limit) l
                JOIN weapon w ON w.id = l.subject_id
                LEFT JOIN weapon_marking m ON m.weapon_id = w.id
                GROUP BY l.seq, w.id, w.maker_code, w.serial_normalised, w.weapon_type
                ORDER BY l.seq
                """).param("seq", seq).param("limit", limit)
                .query((rs, i) -> new IdentityKeys(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(6),
                        rs.getString(4), List.of((String[]) rs.getArray(5).getArray())))
                .list();
    }

    public static org.opensalw.registry.WeaponIdentity identity(Row r) {
        return new org.opensalw.registry.WeaponIdentity(new WeaponId(r.id()), r.type(), r.makerCode(), r.makerAsMarked(), r.model(),
                r.calibre(), r.countryOfManufacture(), r.yearOfManufacture(), r.serialAsMarked(), r.serialNormalised(), r.status());
    }

    static WeaponSummary summary(Row r) {
        return new WeaponSummary(new WeaponId(r.id()), r.type(), r.makerCode(), r.makerAsMarked(), r.model(), r.calibre(),
                r.serialAsMarked(), r.status(), r.location(), r.lastEventAt());
    }

    private static PhotoInfo photoInfo(ResultSet rs, int i) throws SQLException {
        return new PhotoInfo(rs.getObject("id", UUID.class), rs.getString("caption"), rs.getString("content_type"),
                rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }

    static Row map(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), WeaponType.valueOf(rs.getString("weapon_type")), rs.getString("maker_code"),
                rs.getString("maker_as_marked"), rs.getString("model"), rs.getString("calibre"),
                rs.getString("country_of_manufacture"), (Integer) rs.getObject("year_of_manufacture"),
                rs.getString("serial_as_marked"), rs.getString("serial_normalised"), WeaponStatus.valueOf(rs.getString("status")),
                rs.getObject("holder_id", UUID.class), rs.getString("location"), rs.getObject("batch_id", UUID.class),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"),
                rs.getTimestamp("last_event_at").toInstant(), EventKind.valueOf(rs.getString("last_event_kind")),
                rs.getObject("last_event_on", LocalDate.class));
    }
}
