package org.opensalw.identification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identification.internal.IdentificationIndex;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.support.BenchmarkReport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4: recall, false positives, latency, build time and memory of OpenSALW's matching against exact match,
 * pg_trgm and Lucene FuzzyQuery, on one generated register and one set of corrupted readings.
 * {@code ./mvnw -B -o -Pbenchmark verify -Dtest=IdentificationBenchmark [-Didentification.records=1000000]}
 */
@TestDatabase
class IdentificationBenchmark {

    private static final int PER_KIND = Integer.getInteger("identification.perKind", 200);
    private static final int UNREGISTERED = Integer.getInteger("identification.unregistered", 1000);

    @Autowired
    DataSource dataSource;

    /** One engine's figures, measured the same way for all. */
    private interface Search {
        List<WeaponId> top(Reading reading) throws Exception;

        boolean confident(Reading reading) throws Exception;
    }

    @Test
    void compareEngines() throws Exception {
        int records = Integer.getInteger("identification.records", 1_000_000);
        org.junit.jupiter.api.Assumptions.assumeTrue(records > 0, "set -Didentification.records=N (N > 0) to run");
        RegisterGenerator gen = new RegisterGenerator(7);
        List<WeaponIdentity> register = gen.register(records);
        List<RegisterGenerator.Query> queries = gen.queries(PER_KIND);
        List<RegisterGenerator.Query> unregistered = gen.unregistered(UNREGISTERED);
        Map<String, String> names = new HashMap<>();
        RegisterGenerator.MAKERS.forEach(m -> m.names().forEach(n -> names.put(n.toLowerCase(), m.code())));

        Map<String, Object> engines = new LinkedHashMap<>();
        long before = usedHeap();
        long t0 = System.nanoTime();
        IdentificationIndex index = new IdentificationIndex(n -> names.get(n.toLowerCase()), records);
        register.forEach(index::add);
        index.freeze();
        double build = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeap() - before;
        engines.put("opensalw", measure(queries, unregistered, build, heap, new Search() {
            public List<WeaponId> top(Reading r) {
                return index.identify(r, 10).candidates().stream().map(Candidate::weaponId).toList();
            }

            public boolean confident(Reading r) {
                return index.identify(r, 10).confident();
            }
        }));
        long estimate = index.bytes();

        try (var exact = new BaselineEngines.Exact()) {
            engines.put("exact", baseline(exact, register, queries, unregistered, true));
        }
        try (var trgm = new BaselineEngines.Trigram(dataSource)) {
            engines.put("pg_trgm", baseline(trgm, register, queries, unregistered, false));
        }
        try (var lucene = new BaselineEngines.LuceneFuzzy()) {
            engines.put("lucene_fuzzy", baseline(lucene, register, queries, unregistered, false));
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("queries", queries.size() + unregistered.size());
        figures.put("confident_threshold", Candidate.CONFIDENT);
        figures.put("opensalw_index_estimate_mb", round(estimate / 1048576.0));
        figures.put("opensalw_memory_10m_mb_extrapolated", round(heap / 1048576.0 * 10_000_000 / records));
        figures.put("engines", engines);
        BenchmarkReport.writeJson("identification", figures);
        BenchmarkReport.writeSection("Identification (issue 4)", table(figures, engines));
        System.out.println(table(figures, engines));
    }

    /**
     * OpenSALW's engine alone on a register too large to keep beside it (10M by default), streamed into the index:
     * {@code -Didentification.large=10000000}. The baselines are not run at this size.
     */
    @Test
    void opensalwOnALargeRegister() throws Exception {
        int records = Integer.getInteger("identification.large", 0);
        org.junit.jupiter.api.Assumptions.assumeTrue(records > 0, "set -Didentification.large=N to run");
        RegisterGenerator gen = new RegisterGenerator(11);
        Map<String, String> names = new HashMap<>();
        RegisterGenerator.MAKERS.forEach(m -> m.names().forEach(n -> names.put(n.toLowerCase(), m.code())));
        long before = usedHeap();
        long t0 = System.nanoTime();
        IdentificationIndex index = new IdentificationIndex(n -> names.get(n.toLowerCase()), records);
        gen.stream(records, 20_000, index::add);
        index.freeze();
        double build = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeap() - before;
        List<RegisterGenerator.Query> queries = gen.queries(PER_KIND);
        List<RegisterGenerator.Query> unregistered = gen.unregistered(UNREGISTERED, (maker, serial) -> index
                .identify(new Reading(serial, maker, null, null, null, null, null), 10).candidates().stream()
                .anyMatch(c -> maker.equals(c.makerCode()) && c.serial().equals(org.opensalw.identification.internal.SerialForms.clean(serial))));
        Map<String, Object> engine = measure(queries, unregistered, build, heap, new Search() {
            public List<WeaponId> top(Reading r) {
                return index.identify(r, 10).candidates().stream().map(Candidate::weaponId).toList();
            }

            public boolean confident(Reading r) {
                return index.identify(r, 10).confident();
            }
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("queries", queries.size() + unregistered.size());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576);
        figures.put("engines", Map.of("opensalw", engine));
        BenchmarkReport.writeJson("identification-large", figures);
        String md = String.format("OpenSALW's engine alone, %,d generated weapons streamed into the index (JVM heap limit %d MB); "
                + "%,d readings as in the 1M run. Baselines not run at this size.%n%n", records, Runtime.getRuntime().maxMemory() / 1048576,
                queries.size() + unregistered.size())
                + "| recall@1 | recall@10 | false positives | p50 ms | p99 ms | build s | heap MB |\n|---|---|---|---|---|---|---|\n"
                + String.format("| %s | %s | %s | %s | %s | %s | %s |%n", engine.get("recall_at_1"), engine.get("recall_at_10"),
                        engine.get("false_positive_rate"), engine.get("p50_ms"), engine.get("p99_ms"), engine.get("build_seconds"),
                        engine.get("memory_mb"))
                + "\nRecall@10 by kind: " + engine.get("recall_at_10_by_kind") + "\n";
        BenchmarkReport.writeSection("Identification on a large register (issue 4)", md);
        System.out.println(md);
    }

    private Map<String, Object> baseline(BaselineEngines.Engine engine, List<WeaponIdentity> register, List<RegisterGenerator.Query> queries,
            List<RegisterGenerator.Query> unregistered, boolean measureHeap) throws Exception {
        long before = usedHeap();
        long t0 = System.nanoTime();
        engine.build(register);
        double build = (System.nanoTime() - t0) / 1e9;
        long bytes = measureHeap ? usedHeap() - before : engine.bytes();
        return measure(queries, unregistered, build, bytes, new Search() {
            public List<WeaponId> top(Reading r) throws Exception {
                return Arrays.stream(engine.search(r).ids()).mapToObj(n -> register.get(n).id()).toList();
            }

            public boolean confident(Reading r) throws Exception {
                return engine.search(r).confident();
            }
        });
    }

    private static Map<String, Object> measure(List<RegisterGenerator.Query> queries, List<RegisterGenerator.Query> unregistered,
            double build, long bytes, Search search) throws Exception {
        for (int i = 0; i < Math.min(300, queries.size()); i++) {
            search.top(queries.get(i).reading()); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        Map<String, int[]> byKind = new LinkedHashMap<>();
        int at1 = 0;
        int at10 = 0;
        for (RegisterGenerator.Query q : queries) {
            long t = System.nanoTime();
            List<WeaponId> top = search.top(q.reading());
            millis.add((System.nanoTime() - t) / 1e6);
            int rank = top.indexOf(q.expected());
            at1 += rank == 0 ? 1 : 0;
            at10 += rank >= 0 ? 1 : 0;
            int[] k = byKind.computeIfAbsent(q.kind(), x -> new int[3]);
            k[0] += rank >= 0 ? 1 : 0;
            k[1]++;
            k[2] += rank == 0 ? 1 : 0;
        }
        int falsePositives = 0;
        for (RegisterGenerator.Query q : unregistered) {
            long t = System.nanoTime();
            falsePositives += search.confident(q.reading()) ? 1 : 0;
            millis.add((System.nanoTime() - t) / 1e6);
        }
        millis.sort(Double::compare);
        Map<String, Object> kinds = new LinkedHashMap<>();
        Map<String, Object> kindsAt1 = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k, round(v[0] / (double) v[1])));
        byKind.forEach((k, v) -> kindsAt1.put(k, round(v[2] / (double) v[1])));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recall_at_1", round(at1 / (double) queries.size()));
        out.put("recall_at_10", round(at10 / (double) queries.size()));
        out.put("recall_at_10_by_kind", kinds);
        out.put("recall_at_1_by_kind", kindsAt1);
        out.put("false_positive_rate", round(falsePositives / (double) unregistered.size()));
        out.put("p50_ms", round(millis.get(millis.size() / 2)));
        out.put("p99_ms", round(millis.get((int) (millis.size() * 0.99))));
        out.put("build_seconds", round(build));
        out.put("memory_mb", round(bytes / 1048576.0));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> figures, Map<String, Object> engines) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%,d generated weapons (12 makers with their own serial formats, 3%% of serials repeated under another maker); "
                + "%,d readings: %d per corruption kind and %d of weapons not in the register. Confident = score >= %d. "
                + "Memory: OpenSALW and exact = heap growth while building; pg_trgm = table + GIN index on disk; Lucene = index files in RAM. "
                + "OpenSALW at 10M extrapolated linearly: %s MB.%n%n", figures.get("records"), figures.get("queries"), PER_KIND, UNREGISTERED,
                Candidate.CONFIDENT, figures.get("opensalw_memory_10m_mb_extrapolated")));
        md.append("| engine | recall@1 | recall@10 | worst kind (recall@10) | false positives | p50 ms | p99 ms | build s | memory MB |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        engines.forEach((name, v) -> {
            Map<String, Object> e = (Map<String, Object>) v;
            Map<String, Object> kinds = (Map<String, Object>) e.get("recall_at_10_by_kind");
            var worst = kinds.entrySet().stream().min((a, b) -> Double.compare((Double) a.getValue(), (Double) b.getValue())).orElseThrow();
            md.append(String.format("| %s | %s | %s | %s %s | %s | %s | %s | %s | %s |%n", name, e.get("recall_at_1"), e.get("recall_at_10"),
                    worst.getKey(), worst.getValue(), e.get("false_positive_rate"), e.get("p50_ms"), e.get("p99_ms"), e.get("build_seconds"),
                    e.get("memory_mb")));
        });
        md.append("\nRecall@10 by corruption kind:\n\n| kind |");
        engines.keySet().forEach(n -> md.append(' ').append(n).append(" |"));
        md.append("\n|---|").append("---|".repeat(engines.size())).append('\n');
        for (String kind : RegisterGenerator.KINDS) {
            md.append("| ").append(kind).append(" |");
            engines.values().forEach(v -> md.append(' ').append(((Map<String, Object>) ((Map<String, Object>) v).get("recall_at_10_by_kind")).get(kind)).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
