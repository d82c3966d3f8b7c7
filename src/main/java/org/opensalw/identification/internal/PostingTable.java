package org.opensalw.identification.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Posting lists from a 32-bit key hash to weapon numbers, compact: after {@link #freeze} each posting is one long
 * (hash in the high half, weapon number in the low half) in one sorted array, so a list is a run found by binary
 * search, sorted by weapon number. Postings added later (new registrations) go to a small map. Hash collisions only
 * add candidates, which the alignment then rejects. Not thread-safe: the caller locks.
 */
final class PostingTable {

    private long[] sorted = new long[0];
    private int sortedSize;
    private long[] pending;
    private int pendingSize;
    private boolean frozen;
    private final Map<Integer, int[]> late = new HashMap<>();

    /** {@code expected} postings are allocated at once: at 10M weapons a doubling copy would not fit the heap. */
    PostingTable(int expected) {
        pending = new long[Math.max(1024, expected)];
    }

    void add(int hash, int id) {
        if (!frozen) {
            if (pendingSize == pending.length) {
                pending = Arrays.copyOf(pending, (int) Math.min(Integer.MAX_VALUE - 8, pending.length * 3L / 2));
            }
            pending[pendingSize++] = ((long) hash << 32) | (id & 0xffffffffL);
            return;
        }
        late.merge(hash, new int[] {id}, PostingTable::append);
    }

    /** Sorts in place (no second array: the postings are most of the index's memory). */
    void freeze() {
        Arrays.sort(pending, 0, pendingSize);
        sortedSize = dedupe(pending, pendingSize);
        sorted = pending;
        pending = new long[0];
        pendingSize = 0;
        frozen = true;
    }

    /** Calls the consumer with each weapon number under the hash, in increasing order. */
    void forEach(int hash, java.util.function.IntConsumer consumer) {
        int from = lowerBound((long) hash << 32);
        long key = hash;
        for (int i = from; i < sortedSize && (sorted[i] >> 32) == key; i++) {
            consumer.accept((int) sorted[i]);
        }
        int[] extra = late.get(hash);
        if (extra != null) {
            for (int id : extra) {
                consumer.accept(id);
            }
        }
    }

    int count(int hash) {
        int from = lowerBound((long) hash << 32);
        int to = hash == Integer.MAX_VALUE ? sortedSize : lowerBound((long) (hash + 1) << 32);
        int[] extra = late.get(hash);
        return to - from + (extra == null ? 0 : extra.length);
    }

    /** Weapon numbers under the hash, increasing. */
    int[] ids(int hash) {
        int from = lowerBound((long) hash << 32);
        int to = hash == Integer.MAX_VALUE ? sortedSize : lowerBound((long) (hash + 1) << 32);
        int[] extra = late.getOrDefault(hash, new int[0]);
        int[] out = new int[to - from + extra.length];
        for (int i = from; i < to; i++) {
            out[i - from] = (int) sorted[i];
        }
        System.arraycopy(extra, 0, out, to - from, extra.length);
        return out;
    }

    long postings() {
        return sortedSize + pendingSize + late.values().stream().mapToLong(a -> a.length).sum();
    }

    long bytes() {
        return 8L * (sorted.length + pending.length) + late.values().stream().mapToLong(a -> 4L * a.length + 48).sum();
    }

    private int lowerBound(long value) {
        int lo = 0;
        int hi = sortedSize;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int dedupe(long[] all, int size) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[n++] = all[i];
            }
        }
        return n;
    }

    private static int[] append(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A 32-bit hash of a key of the given kind (murmur-style mixing: keys are short and similar). */
    static int hash(char kind, CharSequence s) {
        int h = 0x9747b28c ^ kind;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x5bd1e995;
            h ^= h >>> 15;
        }
        h ^= s.length();
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
