package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.CpuMeter;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: K threads submit self-service filings (type 其他临时外出就医, no
 * materials, so the DMN decides AUTO and the case opens at once) through
 * {@link FilingManagement#submit} for D seconds on the embedded PostgreSQL, with the real
 * engine, history level full, and the reporter case sending every opening to the national
 * registry in batches. Prints filings/s, p50/p95/p99/max latency of one submit, errors, and
 * how far the asynchronous registry reports kept up.
 *
 * <p>Applicants are the demo registry's persons with 正常参保 status in self-service areas
 * (~2,400), acting as insured accounts {@code bench-<n>} (linked before the run); each person
 * files consecutive one-week periods, so the one-active-filing-per-period rule never refuses
 * one. Run:
 * {@code ./mvnw test -Dtest=FilingThroughputBenchmark -Dbenchmark=true -Dbench.duration=300 -Dbench.warmup=120
 * [-Dbench.threads=6] [-Dbench.actor=insured|clerk] [-Dbench.drain=60]}: a shorter warm-up measures the JIT still
 * compiling the filing path (its CPU is printed; docs/benchmarks.md).
 * {@code bench.actor=clerk} files at the counter (channel 地方平台) as a clerk of the person's
 * area instead; {@code bench.max} stops after that many filings.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingThroughputBenchmark {

    /**
     * The national registry is another authority's system, not part of what is measured: by
     * default a minimal HTTP server on this machine answers for it (the application's side of
     * each report, HTTP and JSON included, is measured). {@code -Dbench.registry=simulator}
     * uses the application's own simulator endpoint instead, which adds Spring MVC and the
     * security filter chain of a server that is not ours to every report.
     */
    private static final HttpServer REGISTRY = "simulator".equals(System.getProperty("bench.registry")) ? null : registry();

    @DynamicPropertySource
    static void registryUrl(DynamicPropertyRegistry properties) {
        if (REGISTRY != null) {
            properties.add("app.national-registry.url", () -> "http://localhost:" + REGISTRY.getAddress().getPort());
        }
    }

    private static HttpServer registry() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
            Pattern eventId = Pattern.compile("\"eventId\"\\s*:\\s*(\\d+)");
            server.createContext("/filing-events", exchange -> {
                Matcher m = eventId.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                StringJoiner receipts = new StringJoiner(",", "{\"receipts\":[", "]}");
                while (m.find()) {
                    receipts.add("\"NR" + m.group(1) + "\"");
                }
                byte[] answer = receipts.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final LocalDate FIRST_WEEK = LocalDate.of(2026, 1, 5);
    private static final List<String> DESTINATIONS = List.of("110000", "310000", "120000", "500000");

    @Autowired
    FilingManagement filings;
    @Autowired
    InsuredAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    record Applicant(AppUser user, String idNumber, String area, InsuranceType type, String destination) {
    }

    @Test
    void selfServiceSubmissions() throws Exception {
        int threads = Integer.getInteger("bench.threads", 6);
        int duration = Integer.getInteger("bench.duration", 30);
        int warmup = Integer.getInteger("bench.warmup", Math.min(20, Math.max(5, duration / 6)));
        int drain = Integer.getInteger("bench.drain", 30);
        long max = Long.getLong("bench.max", Long.MAX_VALUE);
        boolean asClerk = "clerk".equalsIgnoreCase(System.getProperty("bench.actor", "insured"));

        List<Applicant> applicants = applicants(asClerk);
        System.out.printf("%nFilingThroughputBenchmark: %d applicants in self-service areas, %d threads, warm-up %d s, "
                + "measured %d s, actor %s, registry %s, %d CPUs%n", applicants.size(), threads, warmup, duration,
                asClerk ? "counter clerk (LOCAL)" : "insured (NATIONAL_APP_SELF_SERVICE)",
                REGISTRY == null ? "the application's simulator" : "minimal HTTP server",
                Runtime.getRuntime().availableProcessors());
        assertThat(applicants).hasSizeGreaterThan(threads);
        long openedBefore = openedEvents();
        long reportsBefore = reports();

        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + duration * 1_000_000_000L;
        AtomicLong submitted = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] reportsAtMeasureStart = {-1};
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(() -> {
                // each thread owns every threads-th applicant and files week after week for them
                List<Applicant> mine = new ArrayList<>();
                for (int i = me; i < applicants.size(); i += threads) {
                    mine.add(applicants.get(i));
                }
                long[] ns = new long[1 << 16];
                int n = 0;
                long seq = 0;
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= measureTo || submitted.get() >= max) {
                            break;
                        }
                        Applicant a = mine.get((int) (seq % mine.size()));
                        LocalDate from = FIRST_WEEK.plusWeeks(seq / mine.size());
                        seq++;
                        FilingApplication application = new FilingApplication(a.idNumber(), a.area(), a.destination(),
                                a.type(), FilingType.OTHER_TEMPORARY, from, from.plusDays(6), "联系人", "13800138000",
                                "示例省示例市示例路 1 号", null, false, false, false, true, true, List.of());
                        long t0 = System.nanoTime();
                        try {
                            Filing f = filings.submit(a.user(), application, UUID.randomUUID().toString());
                            if (f.status() != FilingStatus.OPENED) {
                                errors.computeIfAbsent("not opened: " + f.status(), k -> new AtomicLong()).incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            String key = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                            errors.computeIfAbsent(key.length() > 160 ? key.substring(0, 160) : key, k -> new AtomicLong()).incrementAndGet();
                        }
                        long t1 = System.nanoTime();
                        submitted.incrementAndGet();
                        if (t0 >= measureFrom && t1 <= measureTo) {
                            if (n == ns.length) {
                                ns = Arrays.copyOf(ns, n * 2);
                            }
                            ns[n++] = t1 - t0;
                        }
                    }
                } finally {
                    latencies[me] = ns;
                    counts[me] = n;
                    done.countDown();
                }
            }, "bench-submit-" + t);
            worker.start();
        }
        // registry reports done when the measured window opens, to rate the job executor over it
        while (System.nanoTime() < measureFrom && done.getCount() > 0) {
            Thread.sleep(50);
        }
        reportsAtMeasureStart[0] = reports();
        CpuMeter cpu = new CpuMeter(jdbc);
        long[] cpuFrom = cpu.now();
        long filingsFrom = filingCount();
        while (System.nanoTime() < measureTo && done.getCount() > 0) {
            Thread.sleep(20);
        }
        long[] cpuTo = cpu.now();
        long filingsInWindow = filingCount() - filingsFrom;
        done.await();
        long reportsAtEnd = reports();
        long openedAtEnd = openedEvents();

        long[] all = new long[Arrays.stream(counts).sum()];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        double seconds = duration;
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();

        System.out.println();
        System.out.println("| metric | value |");
        System.out.println("|---|---|");
        System.out.printf("| submits measured (after %d s warm-up) | %,d in %d s |%n", warmup, all.length, duration);
        System.out.printf("| throughput | %.1f filings/s |%n", all.length / seconds);
        System.out.printf("| latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.printf("| errors (whole run) | %,d of %,d |%n", errorCount, submitted.get());
        System.out.printf("| registry reports done during the measured window | %,d (%.1f/s) |%n",
                reportsAtEnd - reportsAtMeasureStart[0], (reportsAtEnd - reportsAtMeasureStart[0]) / seconds);
        System.out.printf("| registry backlog at the end (OPENED events without receipt) | %,d of %,d |%n",
                (openedAtEnd - openedBefore) - (reportsAtEnd - reportsBefore), openedAtEnd - openedBefore);
        // includes the asynchronous registry reports of the window
        System.out.print(CpuMeter.row("filing", cpuFrom, cpuTo, filingsInWindow));
        errors.forEach((message, count) -> System.out.printf("  error x%d: %s%n", count.get(), message));

        long drainStart = System.nanoTime();
        long backlog = (openedAtEnd - openedBefore) - (reports() - reportsBefore);
        while (backlog > 0 && System.nanoTime() - drainStart < drain * 1_000_000_000L) {
            Thread.sleep(500);
            backlog = (openedAtEnd - openedBefore) - (reports() - reportsBefore);
        }
        System.out.printf("Registry backlog after %.1f s more: %,d%n%n", (System.nanoTime() - drainStart) / 1e9, backlog);
    }

    /** Eligible persons of self-service areas, as linked insured accounts or as their area's counter clerk. */
    private List<Applicant> applicants(boolean asClerk) {
        List<Applicant> list = new ArrayList<>();
        jdbc.sql("""
                        SELECT r.id_number, r.pooling_area_code, r.insurance_type
                        FROM app.insurance_record r JOIN app.pooling_area p ON p.code = r.pooling_area_code
                        WHERE r.status = 'NORMAL' AND p.filing_mode = 'SELF_SERVICE' AND p.cross_province_open
                        ORDER BY r.id_number""")
                .query((rs, i) -> {
                    String id = rs.getString(1);
                    String area = rs.getString(2);
                    String destination = DESTINATIONS.stream().filter(d -> !d.regionMatches(0, area, 0, 2)).findFirst().orElseThrow();
                    AppUser user = asClerk
                            ? new AppUser(Realm.CLERKS, "bench-counter-" + area, "bench", Set.of("CLERK", "COUNTER"),
                            List.of("area-" + area), area)
                            : cn.gov.ybj.crossprov.TestUsers.insured("bench-" + i, id);
                    return new Applicant(user, id, area, InsuranceType.valueOf(rs.getString(3)), destination);
                })
                .list()
                .forEach(list::add);
        if (!asClerk) {
            // bound as a counter would (实名认证 is not what is measured); persons a demo account holds are skipped
            cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
            list.removeIf(a -> accounts.boundRecord(a.user()).isEmpty());
        }
        return list;
    }

    private long filingCount() {
        return jdbc.sql("SELECT count(*) FROM app.filing").query(Long.class).single();
    }

    private long openedEvents() {
        return jdbc.sql("SELECT count(*) FROM app.filing_event WHERE status = 'OPENED'").query(Long.class).single();
    }

    private long reports() {
        return jdbc.sql("SELECT count(*) FROM app.registry_report").query(Long.class).single();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
