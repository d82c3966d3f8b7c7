package org.opensalw.importing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opensalw.importing.ImportBatch;
import org.opensalw.registry.RegistryQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspected duplicates among a batch's staged rows, flagged for a person and never merged: rows repeating an earlier row
 * of the file, rows matching weapons registered since the file was read, and rows identical to ones an earlier confirmed
 * batch registered (already imported). Set-based SQL over {@code import_row}. The reasons are written here, by key
 * ({@link ImportBatch#keyed}), to be read in the reader's language.
 */
@Component
public class DuplicateFlags {

    private final JdbcClient jdbc;

    DuplicateFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The reason of a row found the same as weapon {@code weapon} of the register, by how it matched (see
     * {@code RegistryQueries.findSameIdentity}: SERIAL, SERIAL_NO_MAKER or NATIONAL_MARK).
     */
    public static String sameInRegister(String how, Object weapon) {
        return ImportBatch.keyed(switch (how) {
            case "SERIAL" -> "import.flag.sameInRegister";
            case "SERIAL_NO_MAKER" -> "import.flag.sameNoMakerInRegister";
            default -> "import.flag.sameMarkInRegister";
        }, weapon);
    }

    /** Each group with its first row's serial as written in the file (one look-up by key per group of duplicates). */
    private static final String FIRST_ROWS = "SELECT g.*, f.serial AS first_serial FROM groups g JOIN import_row f ON f.batch_id = :id AND f.line = g.first_line";
    /**
     * The reason: the template with the first row's line and its serial, so a reviewer sees both ways of writing it (the
     * serial cannot end the keyed arguments early: their separator is replaced, as {@code ImportBatch.keyed} does).
     */
    private static final String WITH_FIRST_ROW = "replace(replace(:t, '{line}', g.first_line::text), '{serial}', replace(g.first_serial, chr(31), ' '))";

    /**
     * Later rows with the same maker and serial (or, both without a known maker, the same type and serial), or the same
     * national mark, as an earlier row of the file are flagged.
     */
    @Transactional
    public void flagDuplicatesInFile(UUID id) {
        // the groups of a large file do not fit the default 4 MB (1,000,000 rows need about 100 MB): without this they
        // would spill to disk; PostgreSQL may use twice this per hash (hash_mem_multiplier)
        jdbc.sql("SET LOCAL work_mem = '128MB'").update();
        // only the groups with more than one row are joined back; byte order ("C") is enough to find equal values
        jdbc.sql("""
                WITH groups AS (
                  SELECT maker_code COLLATE "C" AS maker, serial_norm COLLATE "C" AS serial, min(line) AS first_line
                  FROM import_row WHERE batch_id = :id AND maker_code IS NOT NULL AND serial_norm <> ''
                  GROUP BY 1, 2 HAVING count(*) > 1),
                firsts AS (%s)
                UPDATE import_row r SET status = 'FLAGGED', flag_reason = %s
                FROM firsts g WHERE r.batch_id = :id AND r.maker_code COLLATE "C" = g.maker AND r.serial_norm COLLATE "C" = g.serial
                  AND r.line <> g.first_line AND r.status = 'ACCEPTED'
                """.formatted(FIRST_ROWS, WITH_FIRST_ROW)).param("id", id).param("t", ImportBatch.keyed("import.flag.sameSerialInFile", "{line}", "{serial}")).update();
        jdbc.sql("""
                WITH groups AS (
                  SELECT weapon_type AS type, serial_norm COLLATE "C" AS serial, min(line) AS first_line
                  FROM import_row WHERE batch_id = :id AND maker_code IS NULL AND serial_norm <> ''
                  GROUP BY 1, 2 HAVING count(*) > 1),
                firsts AS (%s)
                UPDATE import_row r SET status = 'FLAGGED', flag_reason = %s
                FROM firsts g WHERE r.batch_id = :id AND r.maker_code IS NULL AND r.weapon_type = g.type
                  AND r.serial_norm COLLATE "C" = g.serial AND r.line <> g.first_line AND r.status = 'ACCEPTED'
                """.formatted(FIRST_ROWS, WITH_FIRST_ROW)).param("id", id)
                .param("t", ImportBatch.keyed("import.flag.sameSerialNoMakerInFile", "{line}", "{serial}")).update();
        jdbc.sql("""
                WITH groups AS (
                  SELECT upper(national_mark) COLLATE "C" AS mark, min(line) AS first_line
                  FROM import_row WHERE batch_id = :id AND national_mark <> ''
                  GROUP BY 1 HAVING count(*) > 1)
                UPDATE import_row r SET status = 'FLAGGED', flag_reason = replace(:t, '{line}', g.first_line::text)
                FROM groups g WHERE r.batch_id = :id AND upper(r.national_mark) COLLATE "C" = g.mark AND r.line <> g.first_line AND r.status = 'ACCEPTED'
                """).param("id", id).param("t", ImportBatch.keyed("import.flag.sameMarkInFile", "{line}")).update();
    }

    /**
     * A row found the same as a weapon registered since: flagged again with that weapon, and a person's earlier decision that
     * it is another weapon than the one it was flagged for is no longer the last word (it was taken without this weapon).
     */
    private static final String FLAG_AS_REGISTERED = "status = 'FLAGGED', matched_weapon = n.id, flag_reason = replace(:t, '{weapon}', n.id::text),"
            + " reviewed_by = NULL, reviewed_at = NULL";

    /**
     * Flags the rows to be registered (accepted, or decided to be other weapons) with the same maker and serial, or the
     * same national mark, as one of these weapons (registered since the rows were checked); {@code {weapon}} in the reasons
     * is replaced by the weapon's id. Returns the rows flagged.
     */
    public int flagSameAsRegistered(UUID id, List<RegistryQueries.RegisteredIdentity> weapons) {
        if (weapons.isEmpty()) {
            return 0;
        }
        List<String> ids = new ArrayList<>();
        List<String> makers = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> markIds = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (RegistryQueries.RegisteredIdentity w : weapons) {
            ids.add(w.weaponId().value().toString());
            makers.add(w.makerCode());
            serials.add(w.serialNormalised());
            types.add(w.weaponType());
            for (String mark : w.nationalMarks()) {
                markIds.add(w.weaponId().value().toString());
                marks.add(mark);
            }
        }
        int flagged = jdbc.sql("""
                UPDATE import_row r SET %s
                FROM unnest(:ids::uuid[], :makers::text[], :serials::text[]) AS n(id, maker, serial)
                WHERE r.batch_id = :id AND r.status IN ('ACCEPTED', 'DISTINCT') AND r.maker_code = n.maker AND r.serial_norm = n.serial
                  AND n.serial <> ''
                """.formatted(FLAG_AS_REGISTERED)).param("id", id).param("t", sameInRegister("SERIAL", "{weapon}")).param("ids", ids.toArray(String[]::new))
                .param("makers", makers.toArray(String[]::new)).param("serials", serials.toArray(String[]::new)).update();
        flagged += !makers.contains(null) ? 0 : jdbc.sql("""
                UPDATE import_row r SET %s
                FROM unnest(:ids::uuid[], :makers::text[], :types::text[], :serials::text[]) AS n(id, maker, type, serial)
                WHERE r.batch_id = :id AND r.status IN ('ACCEPTED', 'DISTINCT') AND r.maker_code IS NULL AND n.maker IS NULL
                  AND r.weapon_type = n.type AND r.serial_norm = n.serial AND n.serial <> ''
                """.formatted(FLAG_AS_REGISTERED)).param("id", id).param("t", sameInRegister("SERIAL_NO_MAKER", "{weapon}")).param("ids", ids.toArray(String[]::new))
                .param("makers", makers.toArray(String[]::new)).param("types", types.toArray(String[]::new))
                .param("serials", serials.toArray(String[]::new)).update();
        if (!marks.isEmpty()) {
            flagged += jdbc.sql("""
                    UPDATE import_row r SET %s
                    FROM unnest(:ids::uuid[], :marks::text[]) AS n(id, mark)
                    WHERE r.batch_id = :id AND r.status IN ('ACCEPTED', 'DISTINCT') AND upper(r.national_mark) = upper(n.mark) AND n.mark <> ''
                    """.formatted(FLAG_AS_REGISTERED)).param("id", id).param("t", sameInRegister("NATIONAL_MARK", "{weapon}")).param("ids", markIds.toArray(String[]::new))
                    .param("marks", marks.toArray(String[]::new)).update();
        }
        return flagged;
    }

    /** Rows matching a weapon that an earlier confirmed import registered from an identical row: nothing new to create. */
    public void markAlreadyImported(UUID id) {
        jdbc.sql("""
                UPDATE import_row r SET status = 'ALREADY', flag_reason = :reason
                FROM import_row e JOIN import_batch b ON b.id = e.batch_id AND b.status = 'CONFIRMED'
                WHERE r.batch_id = :id AND r.status = 'FLAGGED' AND r.matched_weapon IS NOT NULL
                  AND e.weapon_id = r.matched_weapon AND e.row_key = r.row_key
                """).param("id", id).param("reason", ImportBatch.keyed("import.flag.already")).update();
    }
}
