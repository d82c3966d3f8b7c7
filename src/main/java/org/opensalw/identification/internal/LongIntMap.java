package org.opensalw.identification.internal;

import java.util.Arrays;

/** An open-addressing map from a 64-bit key to a weapon number: 12 bytes an entry instead of about 80 in a HashMap. */
final class LongIntMap {

    private long[] keys = new long[2048];
    private int[] values = new int[2048];
    private boolean[] used = new boolean[2048];
    private int size;

    void put(long key, int value) {
        if (size * 2 >= keys.length) {
            rehash();
        }
        int i = slot(key, keys.length);
        while (used[i] && keys[i] != key) {
            i = (i + 1) & (keys.length - 1);
        }
        if (!used[i]) {
            size++;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
    }

    /** The value, or -1. */
    int get(long key) {
        int i = slot(key, keys.length);
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & (keys.length - 1);
        }
        return -1;
    }

    long bytes() {
        return keys.length * 13L;
    }

    private static int slot(long key, int capacity) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (capacity - 1);
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldUsed, false);
    }
}
