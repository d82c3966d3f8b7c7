package org.opensalw.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SelectorTests {

    private static final String[] REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania"};

    @Test
    void shouldFindTheExactOptimumWhenCostsShareAUnit() {
        Random random = new Random(42);
        for (int run = 0; run < 60; run++) {
            List<Selector.Item> items = items(random, 6 + random.nextInt(11), 1_000);
            Selector.Constraints c = new Selector.Constraints(budget(items, random), 0.5, Set.of());
            Selector.Result r = Selector.select(items, c);
            assertThat(r.exact()).isTrue();
            assertThat(r.value()).isCloseTo(SelectionBruteForce.optimum(items, c), org.assertj.core.data.Offset.offset(1e-6));
            assertFeasible(items, r, c);
        }
    }

    @Test
    void shouldStayWithinOnePercentOfTheOptimumWithArbitraryCosts() {
        Random random = new Random(7);
        for (int run = 0; run < 40; run++) {
            List<Selector.Item> items = items(random, 8 + random.nextInt(9), 1);
            Selector.Constraints c = new Selector.Constraints(budget(items, random), 0.4, Set.of("Africa"));
            Selector.Result r = Selector.select(items, c);
            double optimum = SelectionBruteForce.optimum(items, c);
            assertThat(r.value()).isGreaterThanOrEqualTo(optimum * 0.99);
            assertFeasible(items, r, c);
        }
    }

    @Test
    void shouldServeAPriorityRegionEvenAtSomeCostInValue() {
        UUID rich = UUID.randomUUID();
        UUID poor = UUID.randomUUID();
        List<Selector.Item> items = List.of(new Selector.Item(rich, 100_000, 90, "Europe"),
                new Selector.Item(UUID.randomUUID(), 100_000, 80, "Europe"),
                new Selector.Item(poor, 100_000, 10, "Africa"));
        Selector.Result free = Selector.select(items, new Selector.Constraints(200_000, 1, Set.of()));
        Selector.Result balanced = Selector.select(items, new Selector.Constraints(200_000, 1, Set.of("Africa")));
        assertThat(free.selected()).doesNotContain(poor);
        assertThat(balanced.selected()).contains(poor, rich);
    }

    @Test
    void shouldKeepEachRegionUnderItsShareOfTheBudget() {
        List<Selector.Item> items = List.of(new Selector.Item(UUID.randomUUID(), 60_000, 50, "Asia"),
                new Selector.Item(UUID.randomUUID(), 60_000, 50, "Asia"),
                new Selector.Item(UUID.randomUUID(), 60_000, 5, "Europe"));
        Selector.Result r = Selector.select(items, new Selector.Constraints(200_000, 0.5, Set.of()));
        assertThat(r.value()).isEqualTo(55);
        assertThat(r.unmetRequiredRegions()).isEmpty();
    }

    @Test
    void shouldReportAPriorityRegionWithoutEligibleProposals() {
        List<Selector.Item> items = List.of(new Selector.Item(UUID.randomUUID(), 60_000, 50, "Asia"));
        Selector.Result r = Selector.select(items, new Selector.Constraints(200_000, 1, Set.of("Oceania")));
        assertThat(r.unmetRequiredRegions()).containsExactly("Oceania");
        assertThat(r.selected()).hasSize(1);
    }

    static List<Selector.Item> items(Random random, int n, long granularity) {
        List<Selector.Item> items = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long cost = (20_000 + random.nextInt(180_001)) / granularity * granularity;
            items.add(new Selector.Item(UUID.randomUUID(), cost, 40 + random.nextInt(6_001) / 100.0, REGIONS[random.nextInt(REGIONS.length)]));
        }
        return items;
    }

    static long budget(List<Selector.Item> items, Random random) {
        long total = items.stream().mapToLong(Selector.Item::cost).sum();
        return total * (25 + random.nextInt(40)) / 100;
    }

    private static void assertFeasible(List<Selector.Item> items, Selector.Result r, Selector.Constraints c) {
        Map<String, Long> byRegion = new HashMap<>();
        long cost = 0;
        for (Selector.Item i : items) {
            if (r.selected().contains(i.id())) {
                cost += i.cost();
                byRegion.merge(i.region(), i.cost(), Long::sum);
            }
        }
        assertThat(cost).isLessThanOrEqualTo(c.budget());
        assertThat(byRegion.values()).allMatch(v -> v <= c.regionCap());
    }
}
