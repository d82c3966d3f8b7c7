package org.opensalw.identification.internal;

import org.opensalw.shared.TextKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.opensalw.identification.Candidate;
import org.opensalw.identification.Identified;
import org.opensalw.identification.Reading;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.registry.WeaponStatus;

/**
 * The in-memory serial index and the matching engine (plain Java, no Spring): candidates come from hashed keys
 * ({@link SerialKeys}), are aligned with the reading ({@link SerialAlignment}) and scored with the attributes
 * ({@link Matching}). Many readers, one writer.
 */
public final class IdentificationIndex {

    /** Above this many candidates, those of another maker than the one read are not aligned at all (vague readings). */
    private static final int MAKER_FILTER_ABOVE = 2_000;
    /**
     * A confident top candidate must lead the next one by this many points: in a dense serial space (short serials,
     * many weapons of one maker) several records come close and none may be presented as the weapon.
     */
    static final int CONFIDENT_LEAD = 12;

    /** Postings per weapon, about: 1 exact, ~8 deletion, ~7 trigram, prefix, suffix and digit keys. */
    private static final int POSTINGS_PER_WEAPON = 20;

    private final WeaponTable table;
    private final PostingTable postings;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Function<String, String> makerCodes;

    /** {@code makerCodes} gives the reference code of a maker named by any name, alias or factory code (or null). */
    public IdentificationIndex(Function<String, String> makerCodes) {
        this(makerCodes, 0);
    }

    /** With room for {@code expectedWeapons} from the start (large registers: no copy while growing). */
    public IdentificationIndex(Function<String, String> makerCodes, int expectedWeapons) {
        this.makerCodes = makerCodes;
        this.table = new WeaponTable(expectedWeapons);
        this.postings = new PostingTable((int) Math.min(Integer.MAX_VALUE - 8, (long) expectedWeapons * POSTINGS_PER_WEAPON));
    }

    public void add(WeaponIdentity weapon) {
        String clean = SerialForms.clean(weapon.serialAsMarked() != null ? weapon.serialAsMarked() : weapon.serialNormalised());
        lock.writeLock().lock();
        try {
            if (table.number(weapon.id()) >= 0) {
                return;
            }
            int n = table.add(weapon, clean);
            for (int key : SerialKeys.indexKeys(clean)) {
                postings.add(key, n);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Ends the bulk load: postings are sorted into their compact form; later additions go to a small map. */
    public void freeze() {
        lock.writeLock().lock();
        try {
            postings.freeze();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void status(WeaponId id, WeaponStatus status) {
        lock.writeLock().lock();
        try {
            int n = table.number(id);
            if (n >= 0) {
                table.status(n, status);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The reference code of a maker read under any of its names, or null. */
    public String makerCode(String anyName) {
        return anyName == null || anyName.isBlank() ? null : makerCodes.apply(anyName);
    }

    public boolean contains(WeaponId id) {
        lock.readLock().lock();
        try {
            return table.number(id) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        return table.size();
    }

    /** Approximate heap held by the index, in bytes. */
    public long bytes() {
        return table.bytes() + postings.bytes();
    }

    public Identified identify(Reading reading, int limit) {
        String clean = SerialForms.clean(reading.serial());
        String makerCode = reading.maker() == null || reading.maker().isBlank() ? null : makerCodes.apply(reading.maker());
        Matching.Wanted want = new Matching.Wanted(makerCode != null ? makerCode : nullIfEmpty(TextKey.of(reading.maker())),
                nullIfEmpty(TextKey.of(reading.model())), nullIfEmpty(Matching.calibreKey(reading.calibre())), reading.type(),
                reading.country(), reading.year());
        lock.readLock().lock();
        try {
            List<Candidate> ranked = new ArrayList<>();
            Map<Candidate, Double> points = new HashMap<>();
            Set<Integer> found = candidates(clean);
            int makerFilter = found.size() > MAKER_FILTER_ABOVE && makerCode != null ? table.makers.find(makerCode) : -1;
            for (int n : found) {
                if (makerFilter >= 0 && table.maker(n) != makerFilter) {
                    continue;
                }
                String serial = table.serial(n);
                SerialAlignment.Result a = SerialAlignment.align(clean, serial);
                if (a.cost() > Matching.MAX_COST) {
                    continue;
                }
                Matching.Scored s = Matching.score(a.cost(), want, table.makers.value(table.maker(n)), table.models.key(table.model(n)),
                        table.calibres.key(table.calibre(n)), table.type(n), table.country(n), table.year(n));
                Candidate c = new Candidate(table.id(n), s.score(), false, serial, a.marks(),
                        nullIfEmpty(table.makers.value(table.maker(n))), nullIfEmpty(table.models.value(table.model(n))),
                        nullIfEmpty(table.calibres.value(table.calibre(n))), table.type(n), nullIfEmpty(table.country(n)),
                        table.year(n), table.status(n), s.differs());
                ranked.add(c);
                points.put(c, s.points());
            }
            ranked.sort(Comparator.comparingDouble((Candidate c) -> points.get(c)).reversed());
            List<Candidate> top = new ArrayList<>(ranked.subList(0, Math.min(limit, ranked.size())));
            if (!top.isEmpty() && top.get(0).score() >= Candidate.CONFIDENT
                    && (top.size() == 1 || top.get(1).score() <= top.get(0).score() - CONFIDENT_LEAD)) {
                top.set(0, confident(top.get(0)));
            }
            return new Identified(clean, makerCode, List.copyOf(top));
        } finally {
            lock.readLock().unlock();
        }
    }

    private Set<Integer> candidates(String clean) {
        Set<Integer> found = new HashSet<>();
        if (clean.isEmpty()) {
            return found;
        }
        if (!SerialForms.hasWildcards(clean)) {
            for (int key : SerialKeys.exactAndOneEdit(clean)) {
                postings.forEach(key, found::add);
            }
            return found;
        }
        long unknowns = clean.chars().filter(c -> c == SerialForms.UNKNOWN).count();
        boolean unreadable = clean.indexOf(SerialForms.UNREADABLE) >= 0;
        if (unknowns == 1 && !unreadable) {
            SerialKeys.oneUnknown(clean).forEach(key -> postings.forEach(key, found::add));
        }
        if (unknowns == 2 && !unreadable) {
            SerialKeys.twoUnknowns(clean).forEach(key -> postings.forEach(key, found::add));
        }
        Integer end = unreadable ? SerialKeys.readableEnd(clean) : null;
        if (end != null) {
            postings.forEach(end, found::add);
        } else if (unknowns > 2 || unreadable || found.isEmpty()) {
            for (int n : byGrams(SerialKeys.readableGrams(clean))) {
                found.add(n);
            }
        }
        return found;
    }

    /** Weapons holding the three rarest trigrams of the readable parts (all of them when fewer). */
    private int[] byGrams(List<Integer> grams) {
        if (grams.isEmpty()) {
            return new int[0];
        }
        Integer[] byRarity = grams.stream().distinct().sorted(Comparator.comparingInt(postings::count)).toArray(Integer[]::new);
        int[] result = postings.ids(byRarity[0]);
        for (int k = 1; k < Math.min(3, byRarity.length); k++) {
            result = intersect(result, postings.ids(byRarity[k]));
        }
        return result;
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static Candidate confident(Candidate c) {
        return new Candidate(c.weaponId(), c.score(), true, c.serial(), c.serialMarks(), c.makerCode(), c.model(), c.calibre(), c.type(),
                c.country(), c.year(), c.status(), c.differs());
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
