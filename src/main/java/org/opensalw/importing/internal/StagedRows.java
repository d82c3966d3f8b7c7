package org.opensalw.importing.internal;

import org.opensalw.shared.CopyBinary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderKind;

/** import_row in and out: COPY text for staging, and a row read back for confirmation. */
public final class StagedRows {

    public static final String COPY = "COPY import_row (batch_id, line, status, weapon_id, row_key, weapon_type, maker_code,"
            + " maker_as_marked, model, calibre, country, year, serial, serial_norm, national_mark, import_mark, location, holder_id,"
            + " holder_kind, holder_name, holder_country, holder_document, origin_kind, origin_date, origin_country, origin_place,"
            + " event_kind, event_date, event_country, event_place, flag_reason, matched_weapon) FROM STDIN (FORMAT binary)";
    public static final String COPY_ERROR = "COPY import_error (batch_id, line, column_name, reason, value) FROM STDIN (FORMAT binary)";

    private StagedRows() {
    }

    public static void write(CopyBinary out, StagedRow r, String flagReason, UUID matched) {
        out.row(32).uuid(r.batchId).int8(r.line).text(r.status).uuid(r.weaponId).text(r.rowKey).text(r.type.name()).text(r.makerCode)
                .text(r.makerAsMarked).text(r.model).text(r.calibre).text(r.country).int4(r.year).text(r.serial).text(r.serialNorm)
                .text(r.nationalMark).text(r.importMark).text(r.location).uuid(r.holderId).text(r.holderKind == null ? null : r.holderKind.name())
                .text(r.holderName).text(r.holderCountry).text(r.holderDocument).text(r.originKind == null ? null : r.originKind.name())
                .date(r.originDate).text(r.originCountry).text(r.originPlace).text(r.eventKind == null ? null : r.eventKind.name())
                .date(r.eventDate).text(r.eventCountry).text(r.eventPlace).text(flagReason == null ? "" : flagReason).uuid(matched);
    }

    /** One problem of a rejected row, for the error report. */
    public static void writeError(CopyBinary out, UUID batchId, long line, String column, String reason, String value) {
        out.row(5).uuid(batchId).int8(line).text(column).text(reason).text(value);
    }

    public static final String SELECT = "SELECT batch_id, line, status, weapon_id, row_key, weapon_type, maker_code, maker_as_marked,"
            + " model, calibre, country, year, serial, serial_norm, national_mark, import_mark, location, holder_id, holder_kind,"
            + " holder_name, holder_country, holder_document, origin_kind, origin_date, origin_country, origin_place, event_kind,"
            + " event_date, event_country, event_place FROM import_row";

    public static StagedRow map(ResultSet rs) throws SQLException {
        StagedRow r = new StagedRow();
        r.batchId = rs.getObject("batch_id", UUID.class);
        r.line = rs.getLong("line");
        r.status = rs.getString("status");
        r.weaponId = rs.getObject("weapon_id", UUID.class);
        r.rowKey = rs.getString("row_key");
        r.type = WeaponType.valueOf(rs.getString("weapon_type"));
        r.makerCode = rs.getString("maker_code");
        r.makerAsMarked = rs.getString("maker_as_marked");
        r.model = rs.getString("model");
        r.calibre = rs.getString("calibre");
        r.country = rs.getString("country");
        int year = rs.getInt("year");
        r.year = rs.wasNull() ? null : year;
        r.serial = rs.getString("serial");
        r.serialNorm = rs.getString("serial_norm");
        r.nationalMark = rs.getString("national_mark");
        r.importMark = rs.getString("import_mark");
        r.location = rs.getString("location");
        r.holderId = rs.getObject("holder_id", UUID.class);
        String hk = rs.getString("holder_kind");
        r.holderKind = hk == null ? null : HolderKind.valueOf(hk);
        r.holderName = rs.getString("holder_name");
        r.holderCountry = rs.getString("holder_country");
        r.holderDocument = rs.getString("holder_document");
        String ok = rs.getString("origin_kind");
        r.originKind = ok == null ? null : EventKind.valueOf(ok);
        r.originDate = rs.getObject("origin_date", LocalDate.class);
        r.originCountry = rs.getString("origin_country");
        r.originPlace = rs.getString("origin_place");
        String ek = rs.getString("event_kind");
        r.eventKind = ek == null ? null : EventKind.valueOf(ek);
        r.eventDate = rs.getObject("event_date", LocalDate.class);
        r.eventCountry = rs.getString("event_country");
        r.eventPlace = rs.getString("event_place");
        return r;
    }

    /**
     * Reads a batch's accepted rows (and those a person judged distinct) in line order, as weapons for the bulk
     * registration, from a cursor on a connection of their own (the rows are not held in memory). A holder of the batch
     * found in {@code registeredHolders} is in the register already (batch id to register id): the weapons name that
     * holder, and it is not registered again.
     */
    public static <T> T readAccepted(javax.sql.DataSource dataSource, UUID batchId, java.util.Map<UUID, UUID> registeredHolders,
            java.util.function.Function<java.util.Iterator<org.opensalw.registry.BulkWeapon>, T> use) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (java.sql.PreparedStatement ps = c.prepareStatement(SELECT
                    + " WHERE batch_id = ? AND status IN ('ACCEPTED', 'DISTINCT') ORDER BY line")) {
                ps.setObject(1, batchId);
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    return use.apply(new Cursor(rs, registeredHolders));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Cursor implements java.util.Iterator<org.opensalw.registry.BulkWeapon> {
        private final ResultSet rs;
        private final java.util.Map<UUID, UUID> registeredHolders;
        private Boolean has;

        Cursor(ResultSet rs, java.util.Map<UUID, UUID> registeredHolders) {
            this.rs = rs;
            this.registeredHolders = registeredHolders;
        }

        @Override
        public boolean hasNext() {
            if (has == null) {
                try {
                    has = rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return has;
        }

        @Override
        public org.opensalw.registry.BulkWeapon next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            has = null;
            try {
                StagedRow row = map(rs);
                UUID registered = row.holderId == null ? null : registeredHolders.get(row.holderId);
                if (registered != null) {
                    row.holderId = registered;
                    return row.weapon(false); // named, not registered again
                }
                return row.weapon(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
