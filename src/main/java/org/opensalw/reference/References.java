package org.opensalw.reference;

import org.opensalw.shared.TextKey;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Reads and (for administrators) edits the reference data: countries, makers and models. */
@Service
@Validated
public class References {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    References(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Country> countries() {
        return jdbc.sql("SELECT * FROM country ORDER BY name").query(References::country).list();
    }

    /** The countries in the alphabetical order of the reader's language, for lists that show their names in it. */
    public List<Country> countries(java.util.Locale locale) {
        return countries().stream().sorted(Country.byName(locale)).toList();
    }

    public Optional<Country> country(String alpha2) {
        if (alpha2 == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM country WHERE alpha2 = :c").param("c", alpha2.toUpperCase(Locale.ROOT))
                .query(References::country).optional();
    }

    /** The ISO alpha-2 codes of the countries (for checking many rows without a query each). */
    public java.util.Set<String> countryCodes() {
        return java.util.Set.copyOf(jdbc.sql("SELECT alpha2 FROM country").query(String.class).list());
    }

    /** The codes of the makers (for checking many rows without a query each). */
    public java.util.Set<String> makerCodes() {
        return java.util.Set.copyOf(jdbc.sql("SELECT code FROM maker").query(String.class).list());
    }

    public List<Maker> makers() {
        return jdbc.sql("SELECT * FROM maker ORDER BY name").query(References::maker).list();
    }

    public Optional<Maker> maker(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM maker WHERE code = :c").param("c", code.trim().toUpperCase(Locale.ROOT))
                .query(References::maker).optional();
    }

    /**
     * Finds a maker by code, name, alias, former name or factory code, ignoring case, spaces and punctuation
     * (so "Izhmash", "IZH-MASH" and "Ижмаш" all find Kalashnikov Concern when listed as aliases).
     */
    public Optional<Maker> findMakerByAnyName(String text) {
        String key = TextKey.of(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return makers().stream().filter(m -> m.allNames().stream().anyMatch(n -> TextKey.of(n).equals(key))).findFirst();
    }

    /**
     * A snapshot of the makers for many look-ups (imports): finds a maker by any of its names as
     * {@link #findMakerByAnyName} does, without a query per look-up.
     */
    public java.util.function.Function<String, Optional<Maker>> makerFinder() {
        java.util.Map<String, Maker> byKey = new java.util.HashMap<>();
        for (Maker m : makers()) {
            for (String n : m.allNames()) {
                byKey.putIfAbsent(TextKey.of(n), m);
            }
        }
        return text -> {
            String key = TextKey.of(text);
            return key.isEmpty() ? Optional.empty() : Optional.ofNullable(byKey.get(key));
        };
    }

    public List<Model> models(String makerCode) {
        return jdbc.sql("SELECT * FROM model WHERE maker_code = :m ORDER BY name").param("m", makerCode).query(References::model).list();
    }

    public List<Model> allModels() {
        return jdbc.sql("SELECT * FROM model ORDER BY maker_code, name").query(References::model).list();
    }

    public Optional<Model> model(String makerCode, String name) {
        if (makerCode == null || name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM model WHERE maker_code = :m AND lower(name) = lower(:n)")
                .param("m", makerCode).param("n", name.trim()).query(References::model).optional();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Maker saveMaker(@Valid MakerForm form) {
        if (form.country() != null && !form.country().isBlank() && country(form.country()).isEmpty()) {
            throw UserFacingException.invalid("country", "country.unknown", form.country());
        }
        jdbc.sql("""
                INSERT INTO maker (code, name, country, aliases, former_names, factory_codes, marking_notes, source, edited_by, edited_at)
                VALUES (:code, :name, :country, :aliases, :former, :codes, :notes, :source, :by, :at)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country, aliases = EXCLUDED.aliases,
                  former_names = EXCLUDED.former_names, factory_codes = EXCLUDED.factory_codes,
                  marking_notes = EXCLUDED.marking_notes, source = EXCLUDED.source,
                  edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at
                """)
                .param("code", form.code()).param("name", form.name().trim())
                .param("country", blankToNull(form.country()))
                .param("aliases", join(form.aliases())).param("former", join(form.formerNames()))
                .param("codes", join(form.factoryCodes()))
                .param("notes", nullToEmpty(form.markingNotes())).param("source", nullToEmpty(form.source()))
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant()))
                .update();
        audit.recordWrite("reference.maker.save", "MAKER", form.code(), form.name());
        return maker(form.code()).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Model saveModel(@Valid ModelForm form) {
        // the maker's own code, as stored ("kalashnikov" names KALASHNIKOV)
        String makerCode = maker(form.makerCode()).orElseThrow(() -> UserFacingException.invalid("makerCode", "maker.unknown",
                form.makerCode())).code();
        jdbc.sql("""
                INSERT INTO model (maker_code, name, weapon_type, calibre, serial_format, source, edited_by, edited_at)
                VALUES (:maker, :name, :type, :calibre, :format, :source, :by, :at)
                ON CONFLICT (maker_code, name) DO UPDATE SET weapon_type = EXCLUDED.weapon_type, calibre = EXCLUDED.calibre,
                  serial_format = EXCLUDED.serial_format, source = EXCLUDED.source,
                  edited_by = EXCLUDED.edited_by, edited_at = EXCLUDED.edited_at
                """)
                .param("maker", makerCode).param("name", form.name().trim()).param("type", form.type().name())
                .param("calibre", nullToEmpty(form.calibre())).param("format", nullToEmpty(form.serialFormat()))
                .param("source", nullToEmpty(form.source()))
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant()))
                .update();
        audit.recordWrite("reference.model.save", "MODEL", form.makerCode() + "/" + form.name(), form.type().name());
        return model(form.makerCode(), form.name()).orElseThrow();
    }

    static String join(List<String> values) {
        return values == null ? "" : String.join("|", values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    static List<String> split(String values) {
        return values == null || values.isBlank() ? List.of() : Arrays.stream(values.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    private static Country country(ResultSet rs, int row) throws SQLException {
        return new Country(rs.getString("alpha2"), rs.getString("alpha3"), rs.getString("m49"), rs.getString("name"),
                rs.getString("region"), rs.getString("sub_region"), rs.getString("intermediate_region"));
    }

    private static Maker maker(ResultSet rs, int row) throws SQLException {
        return new Maker(rs.getString("code"), rs.getString("name"), rs.getString("country"), split(rs.getString("aliases")),
                split(rs.getString("former_names")), split(rs.getString("factory_codes")), rs.getString("marking_notes"),
                rs.getString("source"), rs.getString("edited_by"));
    }

    private static Model model(ResultSet rs, int row) throws SQLException {
        return new Model(rs.getLong("id"), rs.getString("maker_code"), rs.getString("name"), WeaponType.valueOf(rs.getString("weapon_type")),
                rs.getString("calibre"), rs.getString("serial_format"), rs.getString("source"), rs.getString("edited_by"));
    }
}
