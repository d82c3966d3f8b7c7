package org.opensalw.assistance.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The optimum by trying every subset (2^n), to check the selector on small calls. */
public final class SelectionBruteForce {

    private SelectionBruteForce() {
    }

    public static double optimum(List<Selector.Item> items, Selector.Constraints c) {
        int n = items.size();
        double best = 0;
        boolean anyServesAllRequired = false;
        double bestIgnoringRequired = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            long cost = 0;
            double value = 0;
            Map<String, Long> byRegion = new HashMap<>();
            for (int k = 0; k < n; k++) {
                if ((mask & (1 << k)) != 0) {
                    Selector.Item i = items.get(k);
                    cost += i.cost();
                    value += i.value();
                    byRegion.merge(i.region(), i.cost(), Long::sum);
                }
            }
            if (cost > c.budget() || byRegion.values().stream().anyMatch(v -> v > c.regionCap())) {
                continue;
            }
            bestIgnoringRequired = Math.max(bestIgnoringRequired, value);
            if (byRegion.keySet().containsAll(c.requiredRegions())) {
                anyServesAllRequired = true;
                best = Math.max(best, value);
            }
        }
        return anyServesAllRequired ? best : bestIgnoringRequired;
    }
}
