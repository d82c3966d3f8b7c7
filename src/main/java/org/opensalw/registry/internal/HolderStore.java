package org.opensalw.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.Licence;
import org.opensalw.registry.LicenceForm;
import org.opensalw.registry.LicenceId;
import org.opensalw.registry.LicenceKind;
import org.opensalw.shared.CopyBinary;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Holders (current state; their history is in the ledger) and their licences. */
@Component
public class HolderStore {

    /** A holder row, personal data included: callers decide what the viewer may see. */
    public record Row(UUID id, HolderKind kind, String name, String country, LocalDate birthDate, String idDocument,
            String address, String phone, String registrationNumber, String role, Instant createdAt, String createdBy,
            Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    HolderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bulk registration's COPY into the holder table, one row each from {@link #copy}. */
    public static final String COPY = "COPY holder (id, kind, name, country, birth_date, id_document, address, phone,"
            + " registration_number, role, batch_id, created_at, created_by, updated_at, updated_by) FROM STDIN (FORMAT binary)";

    /** A holder's fields as stored: trimmed, blanks empty, the country upper case (or null). */
    private record Fields(String kind, String name, String country, LocalDate birthDate, String idDocument, String address,
            String phone, String registrationNumber, String role) {

        static Fields of(HolderForm f) {
            return new Fields(f.kind().name(), f.name().trim(),
                    f.country() == null || f.country().isBlank() ? null : f.country().trim().toUpperCase(java.util.Locale.ROOT),
                    f.birthDate(), nz(f.idDocument()), nz(f.address()), nz(f.phone()), nz(f.registrationNumber()), nz(f.role()));
        }
    }

    /** Writes the holder as a binary row of {@link #COPY} (an imported holder, with its batch), stored as {@link #insert} would. */
    public static void copy(CopyBinary rows, UUID id, HolderForm form, UUID batchId, Instant at, String by) {
        Fields f = Fields.of(form);
        rows.row(15).uuid(id).text(f.kind()).text(f.name()).text(f.country()).date(f.birthDate()).text(f.idDocument())
                .text(f.address()).text(f.phone()).text(f.registrationNumber()).text(f.role()).uuid(batchId).timestamptz(at).text(by)
                .timestamptz(at).text(by);
    }

    /** A holder registered on its own (imported holders arrive by {@link #COPY} with their batch id). */
    public void insert(UUID id, HolderForm f, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO holder (id, kind, name, country, birth_date, id_document, address, phone, registration_number,
                  role, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :kind, :name, :country, :birth, :doc, :address, :phone, :reg, :role, :at, :by, :at, :by)
                """).params(params(f)).param("id", id).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /**
     * Replaces the holder's fields, if the row is still as of {@code expected} (its updated_at when the form was opened;
     * null to skip the check). Says whether it did.
     */
    public boolean update(UUID id, HolderForm f, Instant at, String by, Instant expected) {
        return jdbc.sql("""
                UPDATE holder SET kind = :kind, name = :name, country = :country, birth_date = :birth, id_document = :doc,
                  address = :address, phone = :phone, registration_number = :reg, role = :role, updated_at = :at, updated_by = :by
                WHERE id = :id AND (CAST(:expected AS TIMESTAMPTZ) IS NULL OR updated_at = :expected)
                """).params(params(f)).param("id", id).param("at", Timestamp.from(at)).param("by", by)
                .param("expected", expected == null ? null : Timestamp.from(expected)).update() == 1;
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM holder WHERE id = :id").param("id", id).query(HolderStore::map).optional();
    }

    public Map<UUID, Row> findAll(Collection<UUID> ids) {
        Map<UUID, Row> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM holder WHERE id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new))
                    .query(HolderStore::map).list().forEach(r -> rows.put(r.id(), r));
        }
        return rows;
    }

    /**
     * For each probe (kind, name, document), the holder of the register of that kind with the same name (case and accents
     * aside) and the same document (a person's identity document, else the registration number), the earliest if several.
     * A person without a document matches no one: two people may share a name. Returns probe index to holder id.
     */
    public Map<Integer, UUID> matching(String[] kinds, String[] names, String[] documents) {
        Map<Integer, UUID> found = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (p.i) p.i - 1, h.id
                FROM unnest(:kinds::text[], :names::text[], :docs::text[]) WITH ORDINALITY AS p(kind, name, doc, i)
                JOIN holder h ON h.kind = p.kind AND registry_name_key(h.name) = registry_name_key(btrim(p.name))
                  AND upper(btrim(CASE WHEN h.kind = 'PERSON' THEN h.id_document ELSE h.registration_number END)) = upper(btrim(p.doc))
                WHERE btrim(p.doc) <> '' OR p.kind <> 'PERSON'
                ORDER BY p.i, h.created_at, h.id
                """).param("kinds", kinds).param("names", names).param("docs", documents)
                .query((rs, i) -> Map.entry(rs.getInt(1), rs.getObject(2, UUID.class))).list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    public boolean exists(UUID id) {
        return id != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM holder WHERE id = :id)").param("id", id).query(Boolean.class).single();
    }

    /**
     * Holders whose name starts with the text, case and accents aside ("jose" finds "José": both folded by V81's
     * registry_name_key); persons only for callers who may see them.
     */
    public List<Row> search(String name, HolderKind kind, boolean includePersons, PageRequest page) {
        return jdbc.sql("""
                SELECT * FROM holder
                WHERE (:name = '' OR registry_name_key(name) LIKE registry_name_key(:prefix)) AND (:kind = '' OR kind = :kind)
                  AND (:persons OR kind <> 'PERSON')
                ORDER BY name, id LIMIT :limit OFFSET :offset
                """)
                .param("name", name == null ? "" : name.trim())
                .param("prefix", likePrefix(name == null ? "" : name.trim()))
                .param("kind", kind == null ? "" : kind.name()).param("persons", includePersons)
                .param("limit", page.size() + 1).param("offset", page.offset())
                .query(HolderStore::map).list();
    }

    /** The text as a LIKE prefix: its own % and _ are letters, not wildcards (a search for "50%" finds "50% Ltd" only). */
    static String likePrefix(String text) {
        return Texts.likeEscaped(text) + "%";
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM holder").query(Long.class).single();
    }

    public void insertLicence(UUID id, UUID holderId, LicenceForm f, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO licence (id, holder_id, number, kind, valid_from, valid_until, issuing_authority, created_at, created_by)
                VALUES (:id, :holder, :number, :kind, :from, :until, :authority, :at, :by)
                """).param("id", id).param("holder", holderId).param("number", f.number().trim()).param("kind", f.kind().name())
                .param("from", f.validFrom()).param("until", f.validUntil()).param("authority", f.issuingAuthority().trim())
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    public boolean licenceNumberTaken(String authority, String number) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM licence WHERE issuing_authority = :a AND number = :n)")
                .param("a", authority.trim()).param("n", number.trim()).query(Boolean.class).single();
    }

    /** Revokes the licence unless it is revoked already (by someone else a moment ago); says whether it did. */
    public boolean revokeLicence(UUID id, LocalDate on, String reason) {
        return jdbc.sql("UPDATE licence SET revoked_on = :on, revoked_reason = :reason WHERE id = :id AND revoked_on IS NULL")
                .param("on", on).param("reason", reason).param("id", id).update() == 1;
    }

    public Optional<Licence> licence(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM licence WHERE id = :id").param("id", id).query(HolderStore::licence).optional();
    }

    public List<Licence> licences(UUID holderId) {
        return jdbc.sql("SELECT * FROM licence WHERE holder_id = :h ORDER BY valid_from DESC").param("h", holderId)
                .query(HolderStore::licence).list();
    }

    private static Map<String, Object> params(HolderForm form) {
        Fields f = Fields.of(form);
        Map<String, Object> p = new HashMap<>();
        p.put("kind", f.kind());
        p.put("name", f.name());
        p.put("country", f.country());
        p.put("birth", f.birthDate());
        p.put("doc", f.idDocument());
        p.put("address", f.address());
        p.put("phone", f.phone());
        p.put("reg", f.registrationNumber());
        p.put("role", f.role());
        return p;
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    static Row map(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), HolderKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("country"), rs.getObject("birth_date", LocalDate.class), rs.getString("id_document"),
                rs.getString("address"), rs.getString("phone"), rs.getString("registration_number"), rs.getString("role"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant());
    }

    static Licence licence(ResultSet rs, int i) throws SQLException {
        return new Licence(new LicenceId(rs.getObject("id", UUID.class)), new HolderId(rs.getObject("holder_id", UUID.class)),
                rs.getString("number"), LicenceKind.valueOf(rs.getString("kind")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("issuing_authority"),
                rs.getObject("revoked_on", LocalDate.class), rs.getString("revoked_reason"));
    }
}
