package org.opensalw.importing.internal;

import org.opensalw.shared.TextKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensalw.importing.ColumnInfo;

/** The documented columns (docs/importing.md), their usual other names, and matching of a file's headers to them. */
public final class Columns {

    public static final String WEAPON_TYPE = "weapon_type";
    public static final String MAKER = "maker";
    public static final String MAKER_AS_MARKED = "maker_as_marked";
    public static final String MODEL = "model";
    public static final String CALIBRE = "calibre";
    public static final String COUNTRY = "country_of_manufacture";
    public static final String YEAR = "year_of_manufacture";
    public static final String SERIAL = "serial";
    public static final String NATIONAL_MARK = "national_mark";
    public static final String IMPORT_MARK = "import_mark";
    public static final String LOCATION = "location";
    public static final String HOLDER_KIND = "holder_kind";
    public static final String HOLDER_NAME = "holder_name";
    public static final String HOLDER_COUNTRY = "holder_country";
    public static final String HOLDER_DOCUMENT = "holder_document";
    public static final String ORIGIN_EVENT = "origin_event";
    public static final String ORIGIN_DATE = "origin_date";
    public static final String ORIGIN_COUNTRY = "origin_country";
    public static final String ORIGIN_PLACE = "origin_place";
    public static final String EVENT = "event";
    public static final String EVENT_DATE = "event_date";
    public static final String EVENT_COUNTRY = "event_country";
    public static final String EVENT_PLACE = "event_place";

    public static final List<ColumnInfo> ALL = List.of(
            new ColumnInfo(WEAPON_TYPE, true, "Weapon type code (ITI para 4), e.g. ASSAULT_RIFLE, SELF_LOADING_PISTOL, RIFLE", "ASSAULT_RIFLE"),
            new ColumnInfo(MAKER, false, "Maker: name, alias, former name, factory code or code of the reference list", "Izhmash"),
            new ColumnInfo(MAKER_AS_MARKED, false, "Maker exactly as marked (defaults to the maker column)", "IZHMASH"),
            new ColumnInfo(MODEL, false, "Model", "AKM"),
            new ColumnInfo(CALIBRE, false, "Calibre", "7.62x39mm"),
            new ColumnInfo(COUNTRY, false, "Country of manufacture, ISO 3166 alpha-2", "RU"),
            new ColumnInfo(YEAR, false, "Year of manufacture", "1978"),
            new ColumnInfo(SERIAL, false, "Serial number exactly as marked (required unless national_mark is given)", "AK-470012"),
            new ColumnInfo(NATIONAL_MARK, false, "Unique national mark (ITI para 8 e), for weapons without an adequate serial", ""),
            new ColumnInfo(IMPORT_MARK, false, "Import marking text (ITI para 8 b)", ""),
            new ColumnInfo(LOCATION, false, "Where the weapon is kept", "Central depot"),
            new ColumnInfo(HOLDER_KIND, false, "PERSON, COMPANY or STATE_BODY (required with holder_name)", "STATE_BODY"),
            new ColumnInfo(HOLDER_NAME, false, "Holder's name; rows with the same kind, name and document share one holder", "National Police"),
            new ColumnInfo(HOLDER_COUNTRY, false, "Holder's country, ISO alpha-2", ""),
            new ColumnInfo(HOLDER_DOCUMENT, false, "Identity document (persons) or registration number (companies, state bodies)", ""),
            new ColumnInfo(ORIGIN_EVENT, false, "How the weapon came to be known: MANUFACTURED, IMPORTED, FOUND, SEIZED or SURRENDERED", "IMPORTED"),
            new ColumnInfo(ORIGIN_DATE, false, "Date of the origin event, in the date format stated at upload", "12/03/1992"),
            new ColumnInfo(ORIGIN_COUNTRY, false, "Country the weapon came from (required for IMPORTED)", "RU"),
            new ColumnInfo(ORIGIN_PLACE, false, "Place of the origin event", "Port of entry"),
            new ColumnInfo(EVENT, false, "A later lifecycle event, e.g. REPORTED_STOLEN, EXPORTED, DESTROYED, TRANSFERRED (to the holder)", ""),
            new ColumnInfo(EVENT_DATE, false, "Date of the later event", ""),
            new ColumnInfo(EVENT_COUNTRY, false, "Country of the later event (required for EXPORTED, IMPORTED)", ""),
            new ColumnInfo(EVENT_PLACE, false, "Place of the later event", ""));

    private static final Map<String, List<String>> OTHER_NAMES = Map.ofEntries(
            Map.entry(WEAPON_TYPE, List.of("type", "weapontype", "category", "typedarme", "tipo", "tipodearma")),
            Map.entry(MAKER, List.of("manufacturer", "make", "fabricant", "fabricante", "marque")),
            Map.entry(MODEL, List.of("modele", "modelo")),
            Map.entry(CALIBRE, List.of("caliber", "calibre", "calibro")),
            Map.entry(COUNTRY, List.of("country", "pays", "pais", "countryofmanufacture", "paysdefabrication")),
            Map.entry(YEAR, List.of("year", "annee", "ano", "yearofmanufacture")),
            Map.entry(SERIAL, List.of("serialnumber", "serialno", "sn", "numerodeserie", "numero", "ndeserie", "nserie", "numerodeserie")),
            Map.entry(NATIONAL_MARK, List.of("nationalmark", "marquenationale", "marcanacional")),
            Map.entry(HOLDER_NAME, List.of("holder", "owner", "detenteur", "titular", "proprietaire", "propietario")),
            Map.entry(LOCATION, List.of("lieu", "ubicacion", "depot")));


    private Columns() {
    }

    public static List<String> names() {
        return ALL.stream().map(ColumnInfo::name).toList();
    }

    /** The documented column each header matches by name, column to header. */
    public static Map<String, String> suggest(List<String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ColumnInfo c : ALL) {
            for (String h : headers) {
                String k = TextKey.of(h);
                if (k.equals(TextKey.of(c.name())) || OTHER_NAMES.getOrDefault(c.name(), List.of()).contains(k)) {
                    out.putIfAbsent(c.name(), h);
                }
            }
        }
        return out;
    }

    /**
     * The position in the file of each documented column, from the stated mapping (column to header) completed by
     * name matching; unknown columns in the mapping and headers mapped twice are refused by the caller.
     */
    public static Map<String, Integer> positions(List<String> headers, Map<String, String> mapping) {
        Map<String, String> chosen = new LinkedHashMap<>(suggest(headers));
        mapping.forEach((column, header) -> {
            if (header == null || header.isBlank()) {
                chosen.remove(column);
            } else {
                chosen.put(column, header);
            }
        });
        Map<String, Integer> positions = new LinkedHashMap<>();
        chosen.forEach((column, header) -> {
            int i = headers.indexOf(header);
            if (i >= 0) {
                positions.put(column, i);
            }
        });
        return positions;
    }

    /** The required columns a mapping leaves out, each as a refusal naming its field of the mapping form. */
    public static List<org.opensalw.shared.Violation> missingMappings(Map<String, ?> chosen) {
        List<org.opensalw.shared.Violation> missing = new ArrayList<>(missingRequired(chosen).stream()
                .map(m -> org.opensalw.shared.Violation.of("mapping." + m, "import.mapping.missing", m)).toList());
        // a column that is needed with another: without it every row would be refused, or its partner's values lost
        neededWith(chosen, missing, HOLDER_KIND, HOLDER_NAME);
        neededWith(chosen, missing, ORIGIN_EVENT, ORIGIN_DATE, ORIGIN_COUNTRY, ORIGIN_PLACE);
        neededWith(chosen, missing, EVENT, EVENT_DATE, EVENT_COUNTRY, EVENT_PLACE);
        return missing;
    }

    private static void neededWith(Map<String, ?> chosen, List<org.opensalw.shared.Violation> missing, String needed, String... partners) {
        if (chosen.containsKey(needed)) {
            return;
        }
        for (String partner : partners) {
            if (chosen.containsKey(partner)) {
                missing.add(org.opensalw.shared.Violation.of("mapping." + needed, "import.mapping.neededWith", needed, partner));
                return;
            }
        }
    }

    public static List<String> missingRequired(Map<String, ?> chosen) {
        List<String> missing = new ArrayList<>();
        ALL.stream().filter(ColumnInfo::required).filter(c -> !chosen.containsKey(c.name())).forEach(c -> missing.add(c.name()));
        if (!chosen.containsKey(SERIAL) && !chosen.containsKey(NATIONAL_MARK)) {
            missing.add(SERIAL);
        }
        return missing;
    }

    /** The template file: the header line and one example row. */
    public static String template() {
        return String.join(",", names()) + "\n" + String.join(",", ALL.stream().map(ColumnInfo::example).toList()) + "\n";
    }
}
