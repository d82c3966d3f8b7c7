package org.opensalw.identification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.opensalw.identification.internal.SerialForms;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.registry.WeaponStatus;

/**
 * A realistic register for recall tests and the benchmark: makers with their own serial formats (A = letter,
 * 9 = digit, Cyrillic letters on Soviet-pattern weapons), some serials repeated under another maker, and readings
 * corrupted the ways investigators misread markings.
 */
public final class RegisterGenerator {

    /** A maker: code, names it may be read as, format, type, model, calibre, country. */
    public record GenMaker(String code, List<String> names, String format, WeaponType type, String model, String calibre, String country) {
    }

    public record Query(String kind, Reading reading, WeaponId expected) {
    }

    public static final List<GenMaker> MAKERS = List.of(
            new GenMaker("IZHMASH", List.of("Izhmash", "Kalashnikov Concern", "Ижмаш", "IZH"), "ЛБ9999", WeaponType.ASSAULT_RIFLE, "AKM", "7.62x39mm", "RU"),
            new GenMaker("NORINCO", List.of("Norinco", "China North Industries", "66", "386"), "99999999", WeaponType.ASSAULT_RIFLE, "Type 56", "7.62x39mm", "CN"),
            new GenMaker("FN", List.of("FN Herstal", "Fabrique Nationale", "FN"), "999AA99999", WeaponType.RIFLE, "FAL", "7.62x51mm", "BE"),
            new GenMaker("HK", List.of("Heckler & Koch", "H&K", "HK"), "99-999999", WeaponType.RIFLE, "G3", "7.62x51mm", "DE"),
            new GenMaker("COLT", List.of("Colt", "Colt's Manufacturing"), "AA9999999", WeaponType.CARBINE, "M4", "5.56x45mm", "US"),
            new GenMaker("BERETTA", List.of("Beretta", "Pietro Beretta"), "AA99999A", WeaponType.SELF_LOADING_PISTOL, "92FS", "9x19mm", "IT"),
            new GenMaker("GLOCK", List.of("Glock", "Glock GmbH"), "AAA999", WeaponType.SELF_LOADING_PISTOL, "17", "9x19mm", "AT"),
            new GenMaker("ZASTAVA", List.of("Zastava", "Crvena Zastava"), "9999999", WeaponType.ASSAULT_RIFLE, "M70", "7.62x39mm", "RS"),
            new GenMaker("CZ", List.of("Ceska zbrojovka", "CZ"), "A999999", WeaponType.SELF_LOADING_PISTOL, "75", "9x19mm", "CZ"),
            new GenMaker("TAURUS", List.of("Taurus", "Forjas Taurus"), "AAA99999", WeaponType.REVOLVER, "85", ".38 Special", "BR"),
            new GenMaker("SW", List.of("Smith & Wesson", "S&W"), "AAA9999", WeaponType.REVOLVER, "Model 10", ".38 Special", "US"),
            new GenMaker("TULA", List.of("Tula Arms Plant", "TOZ", "Тульский"), "ВП9999", WeaponType.SELF_LOADING_PISTOL, "TT-33", "7.62x25mm", "RU"));

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String CYRILLIC = "АБВГДЕЖИКЛМНПРСТУФХ";
    public static final List<String> KINDS = List.of("exact", "look_alike", "cyrillic_latin", "separators_case", "leading_zeros",
            "letters_between_digits", "unknown_positions", "unreadable_start", "unreadable_end", "missing", "extra", "swapped",
            "maker_alias");

    private final Random random;
    private final long[] issued = new long[MAKERS.size()];
    private final List<WeaponIdentity> weapons = new ArrayList<>();

    public RegisterGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} weapons; about 3% repeat the serial of an earlier weapon under another maker. */
    public List<WeaponIdentity> register(int n) {
        for (int i = 0; i < n; i++) {
            GenMaker m = MAKERS.get(random.nextInt(MAKERS.size()));
            String serial = serial(m);
            if (i > 100 && random.nextInt(100) < 3) {
                WeaponIdentity other = weapons.get(random.nextInt(weapons.size()));
                serial = other.serialAsMarked();
            }
            weapons.add(weapon(m, serial));
        }
        return weapons;
    }

    /**
     * {@code n} weapons handed to the consumer without keeping them (for registers too large for the heap); a random
     * sample of {@code keep} of them is kept for the queries, and repeated serials are drawn from that sample.
     */
    public void stream(int n, int keep, java.util.function.Consumer<WeaponIdentity> consumer) {
        // repeated serials come from a pool of their own: drawn from the query sample, they would repeat its serials often
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenMaker m = MAKERS.get(random.nextInt(MAKERS.size()));
            String serial = serial(m);
            if (i > 100 && random.nextInt(100) < 3) {
                serial = pool.get(random.nextInt(pool.size()));
            }
            WeaponIdentity w = weapon(m, serial);
            consumer.accept(w);
            if (pool.size() < keep) {
                pool.add(serial);
            } else if (random.nextInt(100) == 0) {
                pool.set(random.nextInt(keep), serial);
            }
            if (weapons.size() < keep) {
                weapons.add(w);
            } else if (random.nextInt(i + 1) < keep) {
                weapons.set(random.nextInt(keep), w);
            }
        }
    }

    /** Readings of weapons not in the register, as {@link #unregistered(int)}, where the register is not kept. */
    public List<Query> unregistered(int n, java.util.function.BiPredicate<String, String> registered) {
        List<Query> out = new ArrayList<>();
        while (out.size() < n) {
            GenMaker m = MAKERS.get(random.nextInt(MAKERS.size()));
            String s = unusedSerial(m);
            if (!registered.test(m.code(), s)) {
                out.add(new Query("unregistered", new Reading(s, m.names().get(0), m.model(), null, null, null, null), null));
            }
        }
        return out;
    }

    public WeaponIdentity weapon(GenMaker m, String serial) {
        return new WeaponIdentity(new WeaponId(new UUID(random.nextLong(), random.nextLong())), m.type(), m.code(), m.names().get(0),
                m.model(), m.calibre(), m.country(), 1960 + random.nextInt(60), serial, SerialNumbers.normalise(serial), WeaponStatus.LEGALLY_HELD);
    }

    /** The maker's next serial: a permutation of its format space, so a maker never stamps one serial twice. */
    public String serial(GenMaker m) {
        int i = MAKERS.indexOf(m);
        return serial(m, issued[i]++);
    }

    /** A serial of the maker that none of its weapons generated so far has (drawn beyond the ones issued). */
    String unusedSerial(GenMaker m) {
        int i = MAKERS.indexOf(m);
        return serial(m, issued[i] + 1 + random.nextInt(1_000_000));
    }

    private static String serial(GenMaker m, long k) {
        long space = 1;
        for (char f : m.format().toCharArray()) {
            space *= radix(f);
        }
        long v = Math.floorMod(k * 1_000_003L + 7_919L, space);
        char[] out = m.format().toCharArray();
        for (int p = out.length - 1; p >= 0; p--) {
            int r = radix(out[p]);
            if (r > 1) {
                int d = (int) (v % r);
                v /= r;
                out[p] = out[p] == '9' ? (char) ('0' + d) : out[p] == 'A' ? LETTERS.charAt(d) : CYRILLIC.charAt(d);
            }
        }
        return new String(out);
    }

    private static int radix(char f) {
        return switch (f) {
            case '9' -> 10;
            case 'A' -> LETTERS.length();
            case 'Л', 'Б', 'В', 'П' -> CYRILLIC.length();
            default -> 1;
        };
    }

    public GenMaker maker(String code) {
        return MAKERS.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    /** One query per kind and weapon drawn at random; the reading names the maker by one of its names. */
    public List<Query> queries(int perKind) {
        List<Query> out = new ArrayList<>();
        for (String kind : KINDS) {
            for (int i = 0; i < perKind; i++) {
                WeaponIdentity w = weapons.get(random.nextInt(weapons.size()));
                for (int t = 0; t < 100 && kind.equals("letters_between_digits") && !w.serialAsMarked().matches(".*\\d[A-Z]+\\d.*"); t++) {
                    w = weapons.get(random.nextInt(weapons.size()));
                }
                GenMaker m = maker(w.makerCode());
                String makerName = kind.equals("maker_alias") ? m.names().get(1 + random.nextInt(m.names().size() - 1)) : m.names().get(0);
                Reading r = new Reading(corrupt(kind, w.serialAsMarked()), makerName, random.nextBoolean() ? m.model() : null,
                        random.nextBoolean() ? m.calibre() : null, null, null, null);
                out.add(new Query(kind, r, w.id()));
            }
        }
        return out;
    }

    /** Readings of weapons not in the register (fresh serials in a maker's format, read cleanly). */
    public List<Query> unregistered(int n) {
        java.util.Set<String> known = new java.util.HashSet<>();
        weapons.forEach(w -> known.add(w.makerCode() + "/" + SerialForms.clean(w.serialAsMarked())));
        List<Query> out = new ArrayList<>();
        while (out.size() < n) {
            GenMaker m = MAKERS.get(random.nextInt(MAKERS.size()));
            String s = unusedSerial(m);
            if (!known.contains(m.code() + "/" + SerialForms.clean(s))) {
                out.add(new Query("unregistered", new Reading(s, m.names().get(0), m.model(), null, null, null, null), null));
            }
        }
        return out;
    }

    public String corrupt(String kind, String serial) {
        String s = SerialForms.clean(serial); // what an investigator reads off the weapon, zeros included
        int p = random.nextInt(s.length());
        return switch (kind) {
            case "look_alike" -> lookAlike(s);
            case "cyrillic_latin" -> serial.chars().anyMatch(c -> c > 127) ? s : s.replace('A', 'А').replace('K', 'К').replace('0', 'О').replace('3', 'З');
            case "separators_case" -> (s.substring(0, s.length() / 2) + "-" + s.substring(s.length() / 2)).toLowerCase();
            case "leading_zeros" -> "00" + s;
            case "letters_between_digits" -> s.replaceAll("(?<=\\d)[A-Z]+(?=\\d)", "");
            case "unknown_positions" -> unknowns(s);
            case "unreadable_start" -> "*" + s.substring(ground(s));
            case "unreadable_end" -> s.substring(0, s.length() - ground(s)) + "*";
            case "missing" -> s.substring(0, p) + s.substring(p + 1);
            case "extra" -> s.substring(0, p) + (char) ('0' + random.nextInt(10)) + s.substring(p);
            case "swapped" -> swap(s);
            default -> serial;
        };
    }

    /** A ground-off end: a quarter of the serial, 1 to 3 characters. */
    private static int ground(String s) {
        return Math.max(1, Math.min(3, s.length() / 4));
    }

    private String lookAlike(String s) {
        String from = "0O1I5S8B2Z6GUV";
        String to = "O0I15S8B2Z6GVU";
        char[] c = s.toCharArray();
        for (int tries = 0; tries < 20; tries++) {
            int p = random.nextInt(c.length);
            int k = from.indexOf(c[p]);
            if (k >= 0) {
                c[p] = to.charAt(k);
                return new String(c);
            }
        }
        return s;
    }

    private String unknowns(String s) {
        char[] c = s.toCharArray();
        int count = 1 + random.nextInt(2);
        for (int k = 0; k < count; k++) {
            c[random.nextInt(c.length)] = '?';
        }
        return new String(c);
    }

    private String swap(String s) {
        for (int tries = 0; tries < 10; tries++) {
            int p = random.nextInt(s.length() - 1);
            if (s.charAt(p) != s.charAt(p + 1)) {
                return s.substring(0, p) + s.charAt(p + 1) + s.charAt(p) + s.substring(p + 2);
            }
        }
        return s;
    }
}
