package org.opensalw.identification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a candidate: mostly the serial (70 points, less the alignment cost), then the attributes read (30 points:
 * maker 15, model 5, calibre 4, type 3, country 2, year 1). An attribute not read counts half; one that contradicts
 * counts nothing, and a contradicting maker takes 10 points more, since serials repeat across makers.
 */
final class Matching {

    static final int SERIAL_POINTS = 70;
    /** Alignment cost beyond which a registered serial is not a candidate at all. */
    static final double MAX_COST = 2.6;

    private Matching() {
    }

    /** The attributes of a reading in the forms the table keeps (maker code or name key, model and calibre keys). */
    record Wanted(String maker, String model, String calibre, org.opensalw.reference.WeaponType type, String country, Integer year) {
    }

    /** {@code points} unrounded, to rank candidates whose rounded scores tie. */
    record Scored(int score, double points, List<String> differs) {
    }

    static Scored score(double serialCost, Wanted want, String maker, String model, String calibre,
            org.opensalw.reference.WeaponType type, String country, Integer year) {
        double points = SERIAL_POINTS * Math.max(0, 1 - serialCost / 4);
        List<String> differs = new ArrayList<>();
        points += attribute(want.maker(), maker, want.maker() != null && want.maker().equals(maker), 15, "maker", differs);
        if (want.maker() != null && !want.maker().isEmpty() && !maker.isEmpty() && !want.maker().equals(maker)) {
            points -= 10;
        }
        points += attribute(want.model(), model, sameModel(want.model(), model), 5, "model", differs);
        points += attribute(want.calibre(), calibre, want.calibre() != null && want.calibre().equals(calibre), 4, "calibre", differs);
        points += attribute(want.type() == null ? null : want.type().name(), type == null ? "" : type.name(), want.type() == type, 3, "type", differs);
        points += attribute(want.country(), country, want.country() != null && want.country().equalsIgnoreCase(country), 2, "country", differs);
        boolean closeYear = want.year() != null && year != null && Math.abs(want.year() - year) <= 1;
        points += attribute(want.year() == null ? null : want.year().toString(), year == null ? "" : year.toString(), closeYear, 1, "year", differs);
        return new Scored((int) Math.round(Math.max(0, Math.min(100, points))), points, differs);
    }

    private static double attribute(String wanted, String have, boolean same, int weight, String name, List<String> differs) {
        if (wanted == null || wanted.isEmpty() || have == null || have.isEmpty()) {
            return weight / 2.0;
        }
        if (same) {
            return weight;
        }
        differs.add(name);
        return 0;
    }

    /** "AKM" is the same model as "AKMS" read off a folding-stock variant only loosely: prefix either way. */
    private static boolean sameModel(String wanted, String have) {
        return wanted != null && have != null && (wanted.equals(have) || have.startsWith(wanted) || wanted.startsWith(have));
    }

    /** "7,62 x 39 mm", "7.62×39" and "7.62X39MM" are one calibre. */
    static String calibreKey(String calibre) {
        if (calibre == null) {
            return "";
        }
        String c = calibre.toLowerCase(Locale.ROOT).replace(',', '.').replace('×', 'x').replace("mm", "").replace("cal", "");
        return c.replaceAll("[^0-9a-z.x]", "").replaceAll("^\\.", "0.");
    }
}
