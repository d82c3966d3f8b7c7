package org.opensalw.assistance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Chooses the proposals of a funding call that maximise the total reviewed value within the call's budget, under
 * the balance constraints of para 54 (no region takes more than a share of the budget; each priority region gets
 * at least one project when possible).
 * <p>
 * Exact dynamic programme: a 0/1 knapsack per region up to the region's cap, then a group knapsack over regions.
 * Costs are counted in units of their greatest common divisor, which keeps it exact; only when that would need
 * more than {@value #MAX_UNITS} units are costs rounded up to a coarser unit (still feasible, then topped up
 * greedily with whatever still fits in real dollars).
 */
public final class Selector {

    static final int MAX_UNITS = 20_000;

    public record Item(UUID id, long cost, double value, String region) {
    }

    public record Constraints(long budget, double maxRegionShare, Set<String> requiredRegions) {

        public long regionCap() {
            return (long) Math.floor(maxRegionShare * budget + 1e-9);
        }
    }

    public record Result(Set<UUID> selected, double value, long cost, Set<String> unmetRequiredRegions, boolean exact) {
    }

    private Selector() {
    }

    public static Result select(List<Item> items, Constraints c) {
        long cap = Math.min(c.budget(), c.regionCap());
        List<Item> usable = items.stream().filter(i -> i.value() > 0 && i.cost() > 0 && i.cost() <= cap).toList();
        long unit = usable.stream().mapToLong(Item::cost).reduce(Selector::gcd).orElse(1);
        boolean exact = c.budget() / unit <= MAX_UNITS;
        if (!exact) {
            unit = (c.budget() + MAX_UNITS - 1) / MAX_UNITS;
        }
        int budgetUnits = (int) (c.budget() / unit);
        int capUnits = (int) Math.min(budgetUnits, cap / unit);

        Map<String, List<Item>> byRegion = new TreeMap<>();
        for (Item i : usable) {
            byRegion.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i);
        }
        List<String> regions = new ArrayList<>(byRegion.keySet());
        List<RegionTable> tables = new ArrayList<>();
        for (String r : regions) {
            tables.add(RegionTable.of(byRegion.get(r), capUnits, unit));
        }
        Set<String> required = new HashSet<>(c.requiredRegions());
        Set<String> unmet = new LinkedHashSet<>(c.requiredRegions().stream().filter(r -> !byRegion.containsKey(r)).sorted().toList());
        int[][] choice = combine(tables, regions, required, budgetUnits);
        if (choice == null) { // the priority regions cannot all be served within the budget
            unmet.addAll(required.stream().filter(byRegion::containsKey).sorted().toList());
            choice = combine(tables, regions, Set.of(), budgetUnits);
        }
        Set<UUID> selected = new LinkedHashSet<>();
        int b = budgetUnits;
        for (int g = regions.size() - 1; g >= 0; g--) {
            int spent = choice[g][b];
            selected.addAll(tables.get(g).items(spent));
            b -= spent;
        }
        if (!exact) {
            topUp(usable, selected, c);
        }
        double value = usable.stream().filter(i -> selected.contains(i.id())).mapToDouble(Item::value).sum();
        long cost = usable.stream().filter(i -> selected.contains(i.id())).mapToLong(Item::cost).sum();
        return new Result(selected, value, cost, unmet, exact);
    }

    /** choice[g][b]: units given to region g when regions 0..g share b units; null when infeasible. */
    private static int[][] combine(List<RegionTable> tables, List<String> regions, Set<String> required, int budgetUnits) {
        double[] best = new double[budgetUnits + 1];
        int[][] choice = new int[tables.size()][budgetUnits + 1];
        for (int g = 0; g < tables.size(); g++) {
            RegionTable t = tables.get(g);
            boolean mustServe = required.contains(regions.get(g));
            int[] steps = t.breakpoints(mustServe);
            double[] next = new double[budgetUnits + 1];
            for (int b = 0; b <= budgetUnits; b++) {
                double top = Double.NEGATIVE_INFINITY;
                int arg = -1;
                for (int s : steps) {
                    if (s > b) {
                        break;
                    }
                    double v = best[b - s] + t.best[s];
                    if (v > top) {
                        top = v;
                        arg = s;
                    }
                }
                next[b] = top;
                choice[g][b] = arg;
            }
            best = next;
        }
        return best[budgetUnits] > Double.NEGATIVE_INFINITY ? choice : null;
    }

    /** After rounding costs up, spends what is really left on the best value per dollar that still fits. */
    private static void topUp(List<Item> usable, Set<UUID> selected, Constraints c) {
        Map<String, Long> spentByRegion = new HashMap<>();
        long spent = 0;
        for (Item i : usable) {
            if (selected.contains(i.id())) {
                spent += i.cost();
                spentByRegion.merge(i.region(), i.cost(), Long::sum);
            }
        }
        List<Item> rest = usable.stream().filter(i -> !selected.contains(i.id()))
                .sorted(Comparator.comparingDouble((Item i) -> i.value() / i.cost()).reversed()).toList();
        for (Item i : rest) {
            long region = spentByRegion.getOrDefault(i.region(), 0L);
            if (spent + i.cost() <= c.budget() && region + i.cost() <= c.regionCap()) {
                selected.add(i.id());
                spent += i.cost();
                spentByRegion.put(i.region(), region + i.cost());
            }
        }
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Best value of one region's proposals for every spend up to the cap, with what to take. */
    private static final class RegionTable {
        private final List<Item> items;
        private final double[] best;
        private final boolean[][] take;
        private final int[] weight;

        private RegionTable(List<Item> items, double[] best, boolean[][] take, int[] weight) {
            this.items = items;
            this.best = best;
            this.take = take;
            this.weight = weight;
        }

        static RegionTable of(List<Item> items, int capUnits, long unit) {
            double[] best = new double[capUnits + 1];
            boolean[][] take = new boolean[items.size()][];
            int[] weight = new int[items.size()];
            for (int k = 0; k < items.size(); k++) {
                Item item = items.get(k);
                int w = (int) ((item.cost() + unit - 1) / unit);
                weight[k] = w;
                take[k] = new boolean[capUnits + 1];
                for (int s = capUnits; s >= w; s--) {
                    double v = best[s - w] + item.value();
                    if (v > best[s]) {
                        best[s] = v;
                        take[k][s] = true;
                    }
                }
            }
            return new RegionTable(items, best, take, weight);
        }

        /** Spends worth considering: where the best value rises (a larger spend at equal value never helps). */
        int[] breakpoints(boolean mustServe) {
            List<Integer> out = new ArrayList<>();
            if (!mustServe) {
                out.add(0);
            }
            for (int s = 1; s < best.length; s++) {
                if (best[s] > best[s - 1]) {
                    out.add(s);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        List<UUID> items(int spend) {
            List<UUID> out = new ArrayList<>();
            int s = spend;
            for (int k = items.size() - 1; k >= 0 && s > 0; k--) {
                if (take[k][s]) {
                    out.add(items.get(k).id());
                    s -= weight[k];
                }
            }
            return out;
        }
    }
}
