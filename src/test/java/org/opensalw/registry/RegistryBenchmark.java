package org.opensalw.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.internal.Ledger;
import org.opensalw.registry.internal.LedgerHash;
import org.opensalw.support.BenchmarkReport;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 2's targets on a register of 1,000,000 weapons: appending events through the service layer (>= 5,000/s),
 * verifying the whole chain (< 10 s for 1,000,000 records), serving the weapon page (< 100 ms). The register is
 * bulk-loaded with PostgreSQL COPY and a real hash chain (the production hash function), then measured.
 * Run: ./mvnw -Pbenchmark verify -Dtest=RegistryBenchmark  (-Dbench.weapons=N for another size)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "opensalw.data-dir=target/bench-registry/${random.uuid}", "opensalw.embedded-db.fsync=false", "opensalw.admin.password=bench-admin-password",
        "opensalw.embedded-db.pool-size=12"})
class RegistryBenchmark {

    private static final int WEAPONS = Integer.getInteger("bench.weapons", 1_000_000);
    private static final String[][] MODELS = {{"KALASHNIKOV", "AKM", "ASSAULT_RIFLE", "7.62x39mm", "RU"},
            {"GLOCK", "17", "SELF_LOADING_PISTOL", "9x19mm", "AT"}, {"FN_HERSTAL", "FAL", "RIFLE", "7.62x51mm NATO", "BE"},
            {"ZASTAVA", "M70", "ASSAULT_RIFLE", "7.62x39mm", "RS"}, {"BERETTA", "92FS", "SELF_LOADING_PISTOL", "9x19mm", "IT"}};

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegistryManagement registry;

    @Autowired
    RegistryQueries queries;

    @Autowired
    UserAccounts accounts;

    private HttpClient webClient;
    private String webSession;

    @Test
    void measure() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("weapons", WEAPONS);
        long t0 = System.nanoTime();
        List<UUID> ids = bulkLoad(WEAPONS);
        figures.put("bulk_load_seconds", seconds(t0));
        long records = jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Long.class);
        figures.put("ledger_records_before", records);
        asRegistrar();

        Random rnd = new Random(7);
        figures.put("append_single_thread_events_per_second", appendSingle(ids, 0, 3_000));
        figures.put("append_4_threads_events_per_second", appendConcurrent(ids, 3_000, 7_000, 4));
        figures.put("append_32_threads_events_per_second", appendConcurrent(ids, 7_000, 10_000, 32));
        figures.put("append_batched_500_events_per_second", appendBatched(ids, 10_000, Math.min(ids.size(), 110_000), 500));

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-auditor", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
        queries.verifyLedger(); // warm-up of the JIT and the page cache
        LedgerReport report = queries.verifyLedger();
        if (!report.intact()) {
            throw new IllegalStateException("ledger broken: " + report);
        }
        figures.put("verify_records", report.recordsChecked());
        figures.put("verify_seconds", report.millis() / 1000.0);
        figures.put("verify_seconds_per_million", Math.round(report.millis() * 1_000_000.0 / report.recordsChecked()) / 1000.0);

        double[] page = weaponPageLatencies(ids, rnd, 300);
        figures.put("dashboard_ms", pageMillis("/"));
        figures.put("weapon_list_by_status_ms", pageMillis("/weapons?status=LOST"));
        figures.put("weapon_list_by_serial_prefix_ms", pageMillis("/weapons?serial=AB12"));
        figures.put("weapon_page_p50_ms", page[0]);
        figures.put("weapon_page_p99_ms", page[1]);
        figures.put("weapon_page_max_ms", page[2]);
        figures.put("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));

        figures.forEach((k, v) -> System.out.printf("%-42s %s%n", k, v));
        BenchmarkReport.writeJson("registry", figures);
        BenchmarkReport.writeSection("Registry (issue 2)", """
                Run on %s, 2 cores, embedded PostgreSQL 17, %,d weapons bulk-loaded with their REGISTERED and IMPORTED
                ledger records (%,d records) by COPY with the production hash chain; then measured through the service layer and HTTP.

                | measure | target | result |
                |---|---|---|
                | append events, one call each, 1 caller (one commit per event) | ≥ 5,000/s | %s events/s |
                | append events, one call each, 4 concurrent callers (group commit) | ≥ 5,000/s | %s events/s |
                | append events, one call each, 32 concurrent callers (group commit) | ≥ 5,000/s | %s events/s |
                | append events, batches of 500 (`recordEvents`) | ≥ 5,000/s | %s events/s |
                | verify the whole chain | < 10 s per 1,000,000 | %,d records in %s s (%s s per million) |
                | weapon page `/weapons/{id}` (HTML, logged in) | < 100 ms | p50 %s ms, p99 %s ms, max %s ms |
                | dashboard `/` (counts by status and type of all weapons, kept as they change) | — | median of 5: %s ms |
                | weapon list filtered by status / by serial prefix | — | %s ms / %s ms |

                Bulk load: %s s. Figures: `docs/benchmarks/registry.json`. Command: `./mvnw -Pbenchmark verify -Dtest=RegistryBenchmark`.
                """.formatted(LocalDate.now(), WEAPONS, records, figures.get("append_single_thread_events_per_second"),
                figures.get("append_4_threads_events_per_second"), figures.get("append_32_threads_events_per_second"),
                figures.get("append_batched_500_events_per_second"),
                report.recordsChecked(), figures.get("verify_seconds"), figures.get("verify_seconds_per_million"),
                page[0], page[1], page[2], figures.get("dashboard_ms"), figures.get("weapon_list_by_status_ms"),
                figures.get("weapon_list_by_serial_prefix_ms"), figures.get("bulk_load_seconds")));
    }

    private static void asRegistrar() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "bench-registrar", null, AuthorityUtils.createAuthorityList("ROLE_REGISTRAR")));
    }

    private long appendSingle(List<UUID> ids, int from, int to) {
        long t = System.nanoTime();
        for (int i = from; i < to; i++) {
            registry.recordEvent(new WeaponId(ids.get(i)), EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2024, 1, 2)));
        }
        return Math.round((to - from) / seconds(t));
    }

    private long appendConcurrent(List<UUID> ids, int from, int to, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int per = (to - from) / threads;
        long t = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            int start = from + th * per;
            futures.add(pool.submit(() -> {
                asRegistrar();
                for (int i = start; i < start + per; i++) {
                    registry.recordEvent(new WeaponId(ids.get(i)), EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2024, 1, 2)));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return Math.round(per * threads / seconds(t));
    }

    private long appendBatched(List<UUID> ids, int from, int to, int size) {
        long t = System.nanoTime();
        for (int i = from; i < to; i += size) {
            List<BatchEvent> batch = new ArrayList<>(size);
            for (int j = i; j < Math.min(to, i + size); j++) {
                batch.add(new BatchEvent(new WeaponId(ids.get(j)), EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2024, 1, 2))));
            }
            registry.recordEvents(batch, null);
        }
        return Math.round((to - from) / seconds(t));
    }

    private double[] weaponPageLatencies(List<UUID> ids, Random rnd, int n) throws IOException, InterruptedException {
        accounts.createUnchecked(new NewUser("bench-web", "Bench", java.util.Set.of(Role.REGISTRAR), "en", "bench-web-password"));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        m.find();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=bench-web&password=bench-web-password&_csrf=" + m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        webClient = http;
        String session = login.headers().allValues("set-cookie").stream().filter(v -> v.startsWith("SESSION=")).findFirst().orElse(cookie).split(";")[0];
        webSession = session;
        for (int i = 0; i < 50; i++) { // warm-up
            get(http, base + "/weapons/" + ids.get(rnd.nextInt(ids.size())), session);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(http, base + "/weapons/" + ids.get(rnd.nextInt(ids.size())), session);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200 || !r.body().contains("timeline")) {
                throw new IllegalStateException("weapon page answered " + r.statusCode());
            }
        }
        Arrays.sort(ms);
        return new double[] {round(ms[n / 2]), round(ms[(int) (n * 0.99) - 1]), round(ms[n - 1])};
    }

    /** Median time of five GETs of a page with the benchmark's session. */
    private double pageMillis(String path) throws IOException, InterruptedException {
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(webClient, "http://localhost:" + port + path, webSession);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
        }
        Arrays.sort(ms);
        return round(ms[2]);
    }

    private static HttpResponse<String> get(HttpClient http, String url, String session) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** COPY weapons and their two first ledger records, chained with the production hash; returns the weapon ids. */
    private List<UUID> bulkLoad(int n) throws Exception {
        List<UUID> ids = new ArrayList<>(n);
        Random rnd = new Random(1);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LedgerHash hasher = new LedgerHash();
        String prev = LedgerHash.GENESIS;
        long seq = 0;
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 100_000;
            for (int from = 0; from < n; from += chunk) {
                StringBuilder weapons = new StringBuilder(chunk * 200);
                StringBuilder ledger = new StringBuilder(chunk * 2 * 400);
                for (int i = from; i < Math.min(n, from + chunk); i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    String[] model = MODELS[i % MODELS.length];
                    String serial = (char) ('A' + rnd.nextInt(26)) + "" + (char) ('A' + rnd.nextInt(26)) + String.format("%07d", i);
                    int year = 1960 + rnd.nextInt(60);
                    LocalDate imported = LocalDate.of(year + 1, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                    WeaponType type = WeaponType.valueOf(model[2]);
                    row(weapons, id, type.name(), type.salwClass().name(), model[0], "", model[1], model[3], model[4], year, serial, serial,
                            "LEGALLY_HELD", null, "Central depot", null, at, "bench-load", at, "IMPORTED", imported);
                    String details = "type=" + type + "\nmaker=" + model[0] + "\nmodel=" + model[1] + "\ncalibre=" + model[3]
                            + "\ncountryOfManufacture=" + model[4] + "\nyearOfManufacture=" + year + "\nserial=" + serial + "\n";
                    seq++;
                    String h = Ledger.hash(hasher, prev, seq, "WEAPON", id, EventKind.REGISTERED, imported, "", "", "", "", null, null,
                            null, details, null, null, at, "bench-load");
                    row(ledger, seq, "WEAPON", id, "REGISTERED", imported, "", "", "", "", null, null, null, details, null, null, at, "bench-load", prev, h);
                    prev = h;
                    seq++;
                    h = Ledger.hash(hasher, prev, seq, "WEAPON", id, EventKind.IMPORTED, imported, "Central depot", "Customs", "IMP-" + i, "",
                            null, null, model[4], "", null, null, at, "bench-load");
                    row(ledger, seq, "WEAPON", id, "IMPORTED", imported, "Central depot", "Customs", "IMP-" + i, "", null, null, model[4], "",
                            null, null, at, "bench-load", prev, h);
                    prev = h;
                }
                copy.copyIn("COPY weapon (id, weapon_type, salw_class, maker_code, maker_as_marked, model, calibre, country_of_manufacture,"
                        + " year_of_manufacture, serial_as_marked, serial_normalised, status, holder_id, location, batch_id, registered_at,"
                        + " registered_by, last_event_at, last_event_kind, last_event_on) FROM STDIN", reader(weapons));
                copy.copyIn("COPY ledger_entry (seq, subject_type, subject_id, kind, occurred_on, place, actor, reference, notes, holder_id,"
                        + " licence_id, country, details, voids_seq, batch_id, recorded_at, recorded_by, prev_hash, hash) FROM STDIN", reader(ledger));
            }
        }
        jdbc.update("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1", seq, prev);
        jdbc.execute("ANALYZE");
        return ids;
    }

    private static Reader reader(StringBuilder sb) {
        return new StringReader(sb.toString());
    }

    /** One row in PostgreSQL's COPY text format. */
    private static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("\\N");
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\t' -> sb.append("\\t");
                        case '\r' -> sb.append("\\r");
                        default -> sb.append(ch);
                    }
                }
            }
        }
        sb.append('\n');
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
