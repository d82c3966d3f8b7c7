package org.opensalw.importing.internal;

import org.opensalw.shared.TextKey;
import static org.opensalw.importing.internal.Columns.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HistoryCheck;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.shared.Violation;

/**
 * Checks one row: required values, known weapon type, maker (through its aliases), countries, numbers and dates in
 * the stated format, then the weapon's registration and history with the registry's own rules ({@link HistoryCheck}).
 * Gives either the row to stage or every problem found, each with its column.
 */
public final class RowChecker {

    /** A problem: the column (documented name) and the reason (a message code and arguments), with the value read. */
    public record Problem(String column, Violation violation, String value) {
    }

    /** The outcome: a staged row, or the problems. */
    public record Outcome(StagedRow row, List<Problem> problems) {
    }

    private final Map<String, Integer> positions;
    private final int width;
    private final DateTimeFormatter dates;
    private final String datePattern;
    private final Function<String, Optional<String>> makerByAnyName;
    private final Map<String, Optional<String>> makerCache = new HashMap<>();
    private static final int MAKER_CACHE = 10_000;
    private final Set<String> makerCodes;
    private final Set<String> countries;
    private final LocalDate today;
    private final UUID batchId;
    private final MessageDigest sha;
    private final IdSource ids;

    public RowChecker(Map<String, Integer> positions, int width, String datePattern, Function<String, Optional<String>> makerByAnyName,
            Set<String> makerCodes, Set<String> countries, LocalDate today, UUID batchId, IdSource ids) {
        this.positions = positions;
        this.width = width;
        // the stated order, strictly (31/02 is no date), with or without leading zeros: 1/2/1990 as written by many spreadsheets
        this.dates = DateTimeFormatter.ofPattern(datePattern.replace("yyyy", "uuuu").replace("dd", "d").replace("MM", "M"), Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
        this.datePattern = datePattern;
        this.makerByAnyName = makerByAnyName;
        this.makerCodes = makerCodes;
        this.countries = countries;
        this.today = today;
        this.batchId = batchId;
        this.ids = ids;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Outcome check(RowSource.Row raw) {
        List<Problem> problems = new ArrayList<>(2);
        if (raw.incomplete()) {
            problems.add(new Problem("", Violation.of(null, "import.row.cut"), ""));
            return new Outcome(null, problems);
        }
        List<String> v = raw.values();
        if (v.size() < width) {
            problems.add(new Problem("", Violation.of(null, "import.row.tooFew", v.size(), width), String.join("|", v)));
            return new Outcome(null, problems);
        }
        if (v.size() > width && v.subList(width, v.size()).stream().anyMatch(s -> s != null && !s.isBlank())) {
            problems.add(new Problem("", Violation.of(null, "import.row.tooMany", v.size(), width), String.join("|", v)));
            return new Outcome(null, problems);
        }
        for (Map.Entry<String, Integer> column : positions.entrySet()) {
            String cell = column.getValue() < v.size() ? v.get(column.getValue()) : null;
            if (cell != null && !cell.isEmpty() && cell.charAt(0) == RowSource.LOST_DIGITS_CELL) {
                String shown = cell.substring(1);
                problems.add(new Problem(column.getKey(), Violation.of(column.getKey(), "import.cell.lostDigits", shown), shown));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        StagedRow r = new StagedRow();
        r.line = raw.line();
        String type = get(v, WEAPON_TYPE);
        if (type.isEmpty()) {
            problems.add(new Problem(WEAPON_TYPE, Violation.of(WEAPON_TYPE, "import.required"), ""));
        } else {
            try {
                r.type = WeaponType.valueOf(type.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(WEAPON_TYPE, Violation.of(WEAPON_TYPE, "import.weaponType.unknown", type), type));
            }
        }
        String maker = get(v, MAKER);
        r.makerAsMarked = get(v, MAKER_AS_MARKED).isEmpty() ? maker : get(v, MAKER_AS_MARKED);
        if (!maker.isEmpty()) {
            Optional<String> found = makerCache.get(maker);
            if (found == null) {
                found = maker(maker);
                if (makerCache.size() < MAKER_CACHE) { // a file names few makers; unknown ones may all differ
                    makerCache.put(maker, found);
                }
            }
            r.makerCode = found.orElse(null);
            if (r.makerCode == null) {
                problems.add(new Problem(MAKER, Violation.of(MAKER, "import.maker.unknown", maker), maker));
            }
        }
        r.model = get(v, MODEL);
        r.calibre = get(v, CALIBRE);
        r.country = country(v, COUNTRY, problems);
        String year = get(v, YEAR);
        if (!year.isEmpty()) {
            try {
                r.year = Integer.parseInt(year);
                if (r.year < 1800 || r.year > 2200) {
                    problems.add(new Problem(YEAR, Violation.of(YEAR, "import.year.range", year), year));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem(YEAR, Violation.of(YEAR, "import.year.invalid", year), year));
            }
        }
        r.serial = get(v, SERIAL);
        r.serialNorm = SerialNumbers.normalise(r.serial);
        r.nationalMark = get(v, NATIONAL_MARK);
        r.importMark = get(v, IMPORT_MARK);
        r.location = get(v, LOCATION);
        length(problems, SERIAL, r.serial, 100);
        length(problems, MODEL, r.model, 200);
        length(problems, CALIBRE, r.calibre, 100);
        length(problems, MAKER_AS_MARKED, r.makerAsMarked, 200);
        length(problems, NATIONAL_MARK, r.nationalMark, 200);
        length(problems, IMPORT_MARK, r.importMark, 200);
        length(problems, LOCATION, r.location, 300);
        r.holderName = get(v, HOLDER_NAME);
        r.holderDocument = get(v, HOLDER_DOCUMENT);
        r.holderCountry = country(v, HOLDER_COUNTRY, problems);
        String holderKind = get(v, HOLDER_KIND);
        if (!r.holderName.isEmpty() || !holderKind.isEmpty()) {
            if (r.holderName.isEmpty()) {
                problems.add(new Problem(HOLDER_NAME, Violation.of(HOLDER_NAME, "import.holder.nameRequired"), ""));
            }
            try {
                r.holderKind = HolderKind.valueOf(holderKind.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(HOLDER_KIND, Violation.of(HOLDER_KIND, "import.holder.kind", holderKind), holderKind));
            }
            length(problems, HOLDER_NAME, r.holderName, 300);
            length(problems, HOLDER_DOCUMENT, r.holderDocument, 100);
        }
        r.originKind = kind(v, ORIGIN_EVENT, problems);
        r.originDate = date(v, ORIGIN_DATE, problems);
        r.originCountry = country(v, ORIGIN_COUNTRY, problems);
        r.originPlace = get(v, ORIGIN_PLACE);
        length(problems, ORIGIN_PLACE, r.originPlace, 300);
        if (r.originKind != null && r.originDate == null && get(v, ORIGIN_DATE).isEmpty()) {
            problems.add(new Problem(ORIGIN_DATE, Violation.of(ORIGIN_DATE, "import.date.required"), ""));
        }
        unusedWithoutKind(v, ORIGIN_EVENT, r.originKind, problems, ORIGIN_DATE, ORIGIN_COUNTRY, ORIGIN_PLACE);
        r.eventKind = kind(v, EVENT, problems);
        r.eventDate = date(v, EVENT_DATE, problems);
        r.eventCountry = country(v, EVENT_COUNTRY, problems);
        r.eventPlace = get(v, EVENT_PLACE);
        length(problems, EVENT_PLACE, r.eventPlace, 300);
        if (r.eventKind != null && r.eventDate == null && get(v, EVENT_DATE).isEmpty()) {
            problems.add(new Problem(EVENT_DATE, Violation.of(EVENT_DATE, "import.date.required"), ""));
        }
        unusedWithoutKind(v, EVENT, r.eventKind, problems, EVENT_DATE, EVENT_COUNTRY, EVENT_PLACE);
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        r.batchId = batchId;
        r.weaponId = ids.next();
        if (r.holderKind != null) {
            r.holderId = holderId(batchId, r.holderKind, r.holderName, r.holderDocument);
        }
        org.opensalw.registry.Registration registration = r.registration();
        HistoryCheck.Result checked = HistoryCheck.check(registration, r.history(), today,
                HistoryCheck.Lookups.arriving(registration, makerCodes::contains, countries::contains));
        for (Violation violation : checked.violations()) {
            String column = column(violation.field());
            problems.add(new Problem(column, violation, column.isEmpty() ? "" : get(v, column)));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        r.rowKey = rowKey(r);
        return new Outcome(r, List.of());
    }

    /**
     * The id an imported holder gets: the same for the rows of one file with the same kind, name and document. It depends
     * on the batch (a random id), so no one can compute from a person's name and document whether they hold a weapon;
     * holders already in the register are matched at confirmation instead ({@code Confirmations}).
     */
    static UUID holderId(UUID batchId, HolderKind kind, String name, String document) {
        return UUID.nameUUIDFromBytes((batchId + "|" + kind + "|" + TextKey.of(name) + "|" + document.trim().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> maker(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (makerCodes.contains(upper)) {
            return Optional.of(upper);
        }
        return makerByAnyName.apply(text);
    }

    /** The column of a violation reported by the registry's rules. */
    static String column(String field) {
        if (field == null) {
            return "";
        }
        String f = field.startsWith("origin.") ? field.substring(7) : field.startsWith("events[") ? field.substring(field.indexOf('.') + 1) : field;
        boolean origin = field.startsWith("origin.");
        boolean event = field.startsWith("events[");
        return switch (f) {
            case "serial" -> SERIAL;
            case "yearOfManufacture" -> YEAR;
            case "makerCode" -> MAKER;
            case "countryOfManufacture" -> COUNTRY;
            case "holderId" -> HOLDER_NAME;
            case "occurredOn" -> origin ? ORIGIN_DATE : event ? EVENT_DATE : "";
            case "country" -> origin ? ORIGIN_COUNTRY : event ? EVENT_COUNTRY : "";
            case "kind", "licenceId", "marking" -> origin ? ORIGIN_EVENT : event ? EVENT : "";
            default -> origin ? ORIGIN_EVENT : event ? EVENT : "";
        };
    }

    /**
     * A date, country or place given for an event whose kind is empty would be dropped without a word (there is no event
     * to carry it): the row is refused, naming the kind column. An unknown kind is already refused by its own check.
     */
    private void unusedWithoutKind(List<String> v, String kindColumn, EventKind kind, List<Problem> problems, String... details) {
        if (kind != null || !get(v, kindColumn).isEmpty()) {
            return;
        }
        for (String detail : details) {
            String value = get(v, detail);
            if (!value.isEmpty()) {
                problems.add(new Problem(kindColumn, Violation.of(kindColumn, "import.event.kindMissing", detail, kindColumn), value));
                return;
            }
        }
    }

    private String get(List<String> v, String column) {
        Integer i = positions.get(column);
        if (i == null || i >= v.size() || v.get(i) == null) {
            return "";
        }
        String s = v.get(i).trim();
        return s;
    }

    private String country(List<String> v, String column, List<Problem> problems) {
        String c = get(v, column).toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return null;
        }
        if (!countries.contains(c)) {
            problems.add(new Problem(column, Violation.of(column, "country.unknown", c), c));
            return null;
        }
        return c;
    }

    private EventKind kind(List<String> v, String column, List<Problem> problems) {
        String k = get(v, column);
        if (k.isEmpty()) {
            return null;
        }
        try {
            return EventKind.valueOf(k.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(column, Violation.of(column, "import.event.unknown", k), k));
            return null;
        }
    }

    private LocalDate date(List<String> v, String column, List<Problem> problems) {
        String d = get(v, column);
        if (d.isEmpty()) {
            return null;
        }
        if (d.charAt(0) == RowSource.DATE_CELL) {
            return LocalDate.parse(d.substring(1)); // a workbook date cell: a date, not text
        }
        try {
            return LocalDate.parse(d, dates);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(column, Violation.of(column, "import.date.format", d, datePattern), d));
            return null;
        }
    }

    private static void length(List<Problem> problems, String column, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(column, Violation.of(column, "import.tooLong", max), value.substring(0, 40) + "…"));
        }
    }

    private String rowKey(StagedRow r) {
        return rowKey(sha, r);
    }

    /** SHA-256 of the row's normalised content: equal for the same weapon, holder and history however the file wrote them. */
    static String rowKey(MessageDigest sha, StagedRow r) {
        String text = String.join("|", String.valueOf(r.type), nz(r.makerCode), r.serialNorm, r.nationalMark, r.model, r.calibre,
                nz(r.country), String.valueOf(r.year), String.valueOf(r.originKind), String.valueOf(r.originDate),
                String.valueOf(r.eventKind), String.valueOf(r.eventDate), TextKey.of(r.holderName), r.holderDocument);
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Weapon ids in time order (UUID version 7 layout), so the register's indexes grow at their right edge. */
    public static final class IdSource {
        private final java.util.SplittableRandom random = new java.util.SplittableRandom(new java.security.SecureRandom().nextLong());
        private long lastMillis;
        private long counter;

        public UUID next() {
            long millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                counter++;
            } else {
                lastMillis = millis;
                counter = 0;
            }
            long msb = (lastMillis << 16) | 0x7000L | (counter & 0x0FFFL);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }
}
