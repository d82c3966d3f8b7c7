package org.opensalw.assistance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.assistance.internal.SelectionBruteForce;
import org.opensalw.assistance.internal.Selector;
import org.opensalw.reference.Country;
import org.opensalw.reference.References;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 6 benchmark: 200 states, 5,000 requests, 2,000 offers, a call of 500 proposals. Measures ranking one request's
 * offers through the service (database included), the selection's gap to brute force on small calls, and the
 * selection time on 500 proposals. Run: ./mvnw -Pbenchmark verify -Dtest=AssistanceBenchmark
 */
@TestDatabase
@WithMockUser(username = "benchmark", roles = {"ADMIN"})
class AssistanceBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired References references;
    @Autowired Matching matching;

    private final Random random = new Random(2026);

    @Test
    void measure() throws IOException {
        List<Country> states = references.countries().stream().filter(c -> c.region() != null && !c.region().isBlank()).limit(200).toList();
        List<String> subRegions = states.stream().map(Country::subRegion).distinct().toList();
        Area[] areas = Area.values();
        List<UUID> providers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            providers.add(id);
            jdbc.sql("INSERT INTO asst_actor (id, kind, name, country, status, created_by, created_at) VALUES (:id, 'DONOR', :n, NULL, 'ACTIVE', 'bench', :at)")
                    .param("id", id).param("n", "Donor " + i).param("at", Timestamp.from(Instant.now())).update();
        }
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            UUID id = UUID.randomUUID();
            requests.add(id);
            LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
            jdbc.sql("""
                    INSERT INTO asst_request (id, origin, country, area, description, beneficiary, estimated_cost, start_date, end_date,
                      languages, status, created_by, created_at)
                    VALUES (:id, 'DIRECT', :c, :a, 'Generated need', :b, :cost, :s, :e, :l, 'OPEN', 'bench', :at)
                    """).param("id", id).param("c", states.get(random.nextInt(states.size())).alpha2()).param("a", areas[random.nextInt(areas.length)].name())
                    .param("b", "Body " + random.nextInt(40)).param("cost", BigDecimal.valueOf(10_000 + random.nextInt(490_000)))
                    .param("s", start).param("e", start.plusMonths(6 + random.nextInt(24))).param("l", random.nextBoolean() ? "fr" : "en|es")
                    .param("at", Timestamp.from(Instant.now())).update();
        }
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(900));
            String regions = random.nextInt(3) == 0 ? "" : subRegions.get(random.nextInt(subRegions.size()));
            String offerAreas = random.nextInt(4) == 0 ? "" : areas[random.nextInt(areas.length)] + "|" + areas[random.nextInt(areas.length)];
            jdbc.sql("""
                    INSERT INTO asst_offer (id, provider_id, kind, description, areas, regions, amount, available_from, available_to, languages,
                      status, created_by, created_at)
                    VALUES (:id, :p, 'FUNDING', 'Generated offer', :areas, :regions, :amount, :f, :t, :l, 'OPEN', 'bench', :at)
                    """).param("id", UUID.randomUUID()).param("p", providers.get(random.nextInt(providers.size())))
                    .param("areas", offerAreas).param("regions", regions).param("amount", BigDecimal.valueOf(20_000 + random.nextInt(980_000)))
                    .param("f", from).param("t", from.plusYears(2)).param("l", random.nextBoolean() ? "en|fr" : "es")
                    .param("at", Timestamp.from(Instant.now())).update();
        }

        for (int i = 0; i < 30; i++) { // warm-up
            matching.rankOffers(new RequestId(requests.get(random.nextInt(requests.size()))), 20);
        }
        double[] times = new double[300];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            matching.rankOffers(new RequestId(requests.get(random.nextInt(requests.size()))), 20);
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        double p50 = times[times.length / 2];
        double p99 = times[(int) Math.ceil(times.length * 0.99) - 1];

        String[] regions = {"Africa", "Americas", "Asia", "Europe", "Oceania"};
        double worstGap = 0;
        int instances = 300;
        for (int run = 0; run < instances; run++) {
            int n = 8 + random.nextInt(13); // up to 20 proposals
            List<Selector.Item> items = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                items.add(new Selector.Item(UUID.randomUUID(), 20_000 + random.nextInt(180_001), 30 + random.nextInt(7_001) / 100.0,
                        regions[random.nextInt(regions.length)]));
            }
            long total = items.stream().mapToLong(Selector.Item::cost).sum();
            Selector.Constraints c = new Selector.Constraints(total * (25 + random.nextInt(40)) / 100, 0.3 + random.nextInt(8) / 10.0,
                    random.nextBoolean() ? Set.of("Africa") : Set.of());
            double optimum = SelectionBruteForce.optimum(items, c);
            double got = Selector.select(items, c).value();
            if (optimum > 0) {
                worstGap = Math.max(worstGap, (optimum - got) / optimum);
            }
        }

        List<Selector.Item> call = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            call.add(new Selector.Item(UUID.randomUUID(), 20_000 + random.nextInt(180_001), 30 + random.nextInt(7_001) / 100.0,
                    regions[random.nextInt(regions.length)]));
        }
        long t0 = System.nanoTime();
        Selector.Result big = Selector.select(call, new Selector.Constraints(20_000_000, 0.35, Set.of("Africa", "Oceania")));
        double seconds = (System.nanoTime() - t0) / 1e9;

        String json = String.format(Locale.ROOT, """
                {"ranking_p50_ms": %.2f, "ranking_p99_ms": %.2f, "selection_gap_to_optimum_max": %.5f, "selection_seconds_500": %.3f,
                 "small_instances": %d, "states": %d, "requests": 5000, "offers": 2000, "proposals": 500,
                 "selected_500": %d, "selection_500_exact": %s}
                """, p50, p99, worstGap, seconds, instances, states.size(), big.selected().size(), big.exact());
        System.out.println("ASSISTANCE BENCHMARK " + json);
        Path docs = org.opensalw.support.BenchmarkReport.docs();
        Files.createDirectories(docs.resolve("benchmarks"));
        Files.writeString(docs.resolve("benchmarks/assistance.json"), json);
        String line = String.format(Locale.ROOT, "- %s: ranking one request's offers (2,000 offers, 5,000 requests, 200 states) p50 %.1f ms, p99 %.1f ms;"
                + " selection worst gap to brute force %.3f%% over %d calls of 8-20 proposals; selection of 500 proposals %.2f s.",
                LocalDate.now(), p50, p99, worstGap * 100, instances, seconds);
        org.opensalw.support.BenchmarkReport.writeSection("Assistance", line);
    }
}
