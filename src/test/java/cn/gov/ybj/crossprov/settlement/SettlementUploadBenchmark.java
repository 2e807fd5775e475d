package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.CpuMeter;
import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceRegistryImport;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.localrun.LocalKeycloak;
import cn.gov.ybj.crossprov.settlement.internal.PolicyFile;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: hospital uploads through the real endpoint {@code POST /api/hospital/settlements}
 * (HTTP on the random port, Spring Security with a bearer token, MVC, Jackson, the rules, the
 * calculation and the embedded PostgreSQL with {@code synchronous_commit = on}) from
 * {@code bench.threads} client threads for {@code bench.duration} s after {@code bench.warmup} s.
 * Prints uploads/s, p50/p95/p99/max, errors by status and code, and the CPU per upload of the JVM
 * (the HTTP client of this benchmark included) and of PostgreSQL.
 *
 * <p>Fixtures, before anything is measured: {@code bench.areas} (400) pooling areas outside 北京
 * with self-service filing (the divisions give 343; the rest are county-level areas added as the
 * demo adds 110105), each with the five (险种, 人员类别) policies from 2025-01-01 — 2,000 versions
 * saved through {@link SettlementPolicies#save}, shaped like the demo policies with the area's own
 * parameters; {@code bench.persons} (20,000) registry persons (正常参保, imported as a bureau's CSV)
 * spread over those areas; and for each of them an <b>opened filing</b> to 北京, submitted at the
 * counter by the area's clerk (type 其他临时外出就医, no materials: the DMN decides AUTO and the case
 * opens inside the submit, as in {@code FilingThroughputBenchmark}); the registry reports of those
 * openings are waited for, so they do not run during the measurement.
 *
 * <p>Token: {@code bench.token=keycloak} (default) starts the real Keycloak and takes a
 * client-credentials token of {@code hospital-system} (institution 1100001006723, the demo's 北京
 * seed hospital), renewed only shortly before it expires — one token for all threads;
 * {@code bench.token=local} signs a token with the same claims with a key served by a minimal
 * JWKS server here (no Keycloak: same validation work in the application). Each upload: a new
 * settlement number, a random person of the 20,000, 3–5 fee categories (median ~11,000 yuan in
 * scope), discharged within the last 30 days; never {@code emergency}, so every upload passes the
 * filing check. {@code bench.profile=true} (default) first sends 300 uploads one by one while the
 * statements the application prepares on request threads are counted (by SQL text).
 *
 * <p>Run: {@code ./mvnw test -Dtest=SettlementUploadBenchmark -Dbenchmark=true [-Dbench.duration=60]
 * [-Dbench.warmup=60] [-Dbench.threads=8] [-Dbench.persons=20000] [-Dbench.areas=400]
 * [-Dbench.token=keycloak|local] [-Dbench.profile=true] [-Dbench.jfr=true] [-Dbench.floor=30]}.
 * Then {@code bench.floor} s of reads of the stored settlements give the floor of a request on this stack.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SettlementUploadBenchmark {

    static final String INSTITUTION = "1100001006723";
    static final boolean KEYCLOAK = !"local".equals(System.getProperty("bench.token", "keycloak"));
    static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));

    static {
        if (KEYCLOAK) {
            // read by LocalKeycloak before the context starts (a dynamic property would come too late)
            System.setProperty("app.local-keycloak.enabled", "true");
        }
    }

    private static final LocalIssuer ISSUER = KEYCLOAK ? null : LocalIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        if (ISSUER != null) {
            properties.add("app.keycloak.url", ISSUER::url);
        }
    }

    @AfterAll
    static void clear() {
        System.clearProperty("app.local-keycloak.enabled");
        if (ISSUER != null) {
            ISSUER.server.stop(0);
        }
    }

    /** Counts what the application prepares on request threads, by SQL text, while {@link #on}. */
    @TestConfiguration
    static class StatementCounting {
        static volatile boolean on;
        static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (PROFILE && bean instanceof DataSource ds && name.equals("dataSource")) {
                        return new DelegatingDataSource(ds) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                return counting(super.getConnection());
                            }
                        };
                    }
                    return bean;
                }
            };
        }

        static Connection counting(Connection c) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (on && Thread.currentThread().getName().startsWith("http-nio")) {
                            switch (method.getName()) {
                                case "prepareStatement", "prepareCall" -> count(String.valueOf(args[0]));
                                case "createStatement" -> count("(plain statement)");
                                case "commit" -> count("COMMIT");
                                case "rollback" -> count("ROLLBACK");
                                default -> {
                                }
                            }
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        static void count(String sql) {
            COUNTS.computeIfAbsent(sql.strip().replaceAll("\\s+", " "), k -> new LongAdder()).increment();
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SettlementPolicies policies;
    @Autowired
    InsuranceRegistryImport registryImport;
    @Autowired
    FilingManagement filings;
    @Autowired
    cn.gov.ybj.crossprov.reference.InstitutionImport institutions;
    @LocalServerPort
    int port;

    record Person(String idNumber, String area, InsuranceType type, PersonType personType) {
    }

    @Test
    void uploads() throws Exception {
        int areaCount = Integer.getInteger("bench.areas", 400);
        int personCount = Integer.getInteger("bench.persons", 20_000);
        int threads = Integer.getInteger("bench.threads", 8);
        int duration = Integer.getInteger("bench.duration", 60);
        int warmup = Integer.getInteger("bench.warmup", 60);
        int fixtureThreads = Integer.getInteger("bench.fixtureThreads", 4);
        LocalDate today = ChinaTime.today();

        long t0 = System.nanoTime();
        // the hospital of the token: the seed list's 北京 institution (the tests import their own institutions)
        if (jdbc.sql("SELECT count(*) FROM app.designated_institution WHERE code = ? AND cross_province").param(INSTITUTION)
                .query(Long.class).single() == 0) {
            try (var seeds = getClass().getClassLoader().getResourceAsStream("reference/institutions-seed.csv")) {
                assertThat(institutions.importCsv(seeds, false).ok()).isTrue();
            }
        }
        List<String> areas = areas(areaCount);
        int versions = savePolicies(areas);
        long t1 = System.nanoTime();
        List<Person> persons = importPersons(areas, personCount);
        long t2 = System.nanoTime();
        openFilings(persons, today, fixtureThreads);
        long t3 = System.nanoTime();
        long backlog = drainRegistryReports(300);
        long t4 = System.nanoTime();
        System.out.printf("%nSettlementUploadBenchmark fixtures: %d areas, %,d policy versions (%.0f s), %,d persons (%.0f s), "
                        + "%,d opened filings (%.0f s), registry backlog %d after %.0f s%n", areas.size(), versions, (t1 - t0) / 1e9,
                persons.size(), (t2 - t1) / 1e9, persons.size(), (t3 - t2) / 1e9, backlog, (t4 - t3) / 1e9);

        Token token = new Token();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> new Thread(r, "bench-http-" + HTTP_THREADS.incrementAndGet()))).build();
        URI endpoint = URI.create("http://localhost:" + port + "/api/hospital/settlements");

        if (PROFILE) {
            profile(http, endpoint, token, persons, today);
        }

        System.out.printf("%nSettlementUploadBenchmark: %d threads, warm-up %d s, measured %d s, token %s, %d CPUs%n", threads,
                warmup, duration, KEYCLOAK ? "Keycloak client credentials" : "local issuer", Runtime.getRuntime().availableProcessors());
        boolean jfrOn = Boolean.getBoolean("bench.jfr");
        if (jfrOn) {
            // JFR's first start retransforms JDK classes, and HotSpot then throws away every compiled method: done
            // here, the warm-up compiles them again (give it 180 s); done at the window, it measured the JIT (4x the
            // JVM's CPU an upload)
            try (jdk.jfr.Recording first = new jdk.jfr.Recording()) {
                first.start();
                first.stop();
            }
        }
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + duration * 1_000_000_000L;
        Load load = new Load("bench-upload-", threads, measureFrom, measureTo, 1000, (me, seq, random) -> {
            String body = body("SB-" + me + "-" + seq, persons.get(random.nextInt(persons.size())), today, random);
            return () -> send(http, endpoint, token, body);
        });
        load.awaitWindow();
        CpuMeter cpu = new CpuMeter(jdbc);
        long[] cpuFrom = cpu.now();
        Map<Long, Long> clientFrom = clientCpuNanos();
        long rowsFrom = settlements();
        long answeredFrom = load.sent.get();
        jdk.jfr.Recording jfr = null;
        if (jfrOn) {
            jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            jfr.start();
        }
        load.awaitWindowEnd();
        long[] cpuTo = cpu.now();
        long clientNanos = clientCpuSince(clientFrom); // read while the threads still live
        long rowsInWindow = settlements() - rowsFrom;
        long answeredInWindow = load.sent.get() - answeredFrom;
        if (jfr != null) {
            jfr.stop();
            java.nio.file.Path file = java.nio.file.Path.of("target", "settlement-upload.jfr");
            jfr.dump(file);
            System.out.println("JFR recording of the measured window: " + file.toAbsolutePath());
        }
        long[] all = load.latencies();
        long errorCount = load.failed();
        System.out.println();
        System.out.println("| metric | value |");
        System.out.println("|---|---|");
        System.out.printf("| uploads measured (after %d s warm-up) | %,d in %d s |%n", warmup, all.length, duration);
        System.out.printf("| **throughput** | **%.1f uploads/s** |%n", all.length / (double) duration);
        System.out.printf("| latency p50 / p95 / p99 / max | %.1f / **%.1f** / %.1f / %.1f ms |%n", pct(all, 0.50), pct(all, 0.95),
                pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.printf("| errors (whole run) | %,d of %,d |%n", errorCount, load.sent.get());
        System.out.printf("| settlements stored / answers during the window | %,d / %,d |%n", rowsInWindow, answeredInWindow);
        System.out.print(CpuMeter.row("upload", cpuFrom, cpuTo, answeredInWindow));
        if (answeredInWindow > 0) {
            double client = clientNanos / 1e6 / answeredInWindow;
            double server = (cpuTo[0] - cpuFrom[0]) / 1e6 / answeredInWindow - client;
            double pg = (cpuTo[1] - cpuFrom[1]) / 1e6 / answeredInWindow;
            System.out.printf("| of the JVM's: this benchmark's HTTP client (its threads) / the application | %.2f / %.2f ms |%n", client, server);
            System.out.printf("| bound without the client (cores x 1000 / (application + PostgreSQL)) | %.0f upload/s |%n",
                    Runtime.getRuntime().availableProcessors() * 1000 / (server + pg));
        }
        load.errors.forEach((message, count) -> System.out.printf("  error x%d: %s%n", count.get(), message));
        System.out.println();
        int floor = Integer.getInteger("bench.floor", 30);
        if (floor > 0) {
            stackFloor(http, token, threads, floor, load.calls);
        }
    }

    /**
     * What the request alone costs here: the same threads and token read back settlements they stored
     * ({@code GET}: the bearer token, Spring Security, MVC, two statements, Jackson), 5 s warm-up and
     * {@code bench.floor} s (30) measured. An upload cannot cost less CPU than this.
     */
    private void stackFloor(HttpClient http, Token token, int threads, int seconds, long[] uploadedPerThread) throws Exception {
        long measureFrom = System.nanoTime() + 5_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        Load load = new Load("bench-floor-", threads, measureFrom, measureTo, 2000, (me, seq, random) -> {
            URI uri = URI.create("http://localhost:" + port + "/api/hospital/settlements/SB-" + me + "-"
                    + random.nextLong(Math.max(1, uploadedPerThread[me] - 1)));
            return () -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token.get()).GET().build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
            };
        });
        load.awaitWindow();
        CpuMeter cpu = new CpuMeter(jdbc);
        long[] cpuFrom = cpu.now();
        Map<Long, Long> clientFrom = clientCpuNanos();
        load.awaitWindowEnd();
        long[] cpuTo = cpu.now();
        long clientNanos = clientCpuSince(clientFrom); // read while the threads still live
        long[] all = load.latencies();
        long n = all.length;
        System.out.printf("%nThe stack's floor: %d threads read back stored settlements (GET, same token), %d s%n", threads, seconds);
        System.out.println("| metric | value |");
        System.out.println("|---|---|");
        System.out.printf("| reads / failed | %,d (%.1f/s) / %,d |%n", n, n / (double) seconds, load.failed());
        System.out.printf("| latency p50 / p95 | %.1f / %.1f ms |%n", pct(all, 0.50), pct(all, 0.95));
        System.out.print(CpuMeter.row("read", cpuFrom, cpuTo, n));
        if (n > 0) {
            double client = clientNanos / 1e6 / n;
            System.out.printf("| of the JVM's: the client / the application | %.2f / %.2f ms |%n", client,
                    (cpuTo[0] - cpuFrom[0]) / 1e6 / n - client);
        }
        System.out.println();
    }

    /**
     * {@code threads} threads making one kind of call until {@code to}, timing the calls that lie within
     * [{@code from}, {@code to}]. A call is prepared first (not timed), then made; it answers null when it
     * went well, else what went wrong.
     */
    private static final class Load {
        interface Call {
            Callable<String> prepare(int thread, long seq, SplittableRandom random) throws Exception;
        }

        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        /** calls made by each thread */
        final long[] calls;
        private final long from;
        private final long to;
        private final long[][] latencies;
        private final int[] counts;
        private final CountDownLatch done;

        Load(String name, int threads, long from, long to, long seed, Call call) {
            this.from = from;
            this.to = to;
            calls = new long[threads];
            latencies = new long[threads][];
            counts = new int[threads];
            done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                int me = t;
                new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(seed + me);
                    long[] ns = new long[1 << 16];
                    int n = 0;
                    long seq = 0;
                    try {
                        while (System.nanoTime() < to) {
                            String problem;
                            long a;
                            long b;
                            try {
                                Callable<String> request = call.prepare(me, seq++, random);
                                a = System.nanoTime();
                                problem = request.call();
                                b = System.nanoTime();
                            } catch (Exception e) {
                                a = b = 0;
                                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                            }
                            sent.incrementAndGet();
                            if (problem != null) {
                                errors.computeIfAbsent(problem, k -> new AtomicLong()).incrementAndGet();
                            } else if (a >= from && b <= to) {
                                if (n == ns.length) {
                                    ns = Arrays.copyOf(ns, n * 2);
                                }
                                ns[n++] = b - a;
                            }
                        }
                    } finally {
                        latencies[me] = ns;
                        counts[me] = n;
                        calls[me] = seq;
                        done.countDown();
                    }
                }, name + t).start();
            }
        }

        void awaitWindow() throws InterruptedException {
            while (System.nanoTime() < from) {
                Thread.sleep(20);
            }
        }

        void awaitWindowEnd() throws InterruptedException {
            while (System.nanoTime() < to) {
                Thread.sleep(20);
            }
        }

        long failed() {
            return errors.values().stream().mapToLong(AtomicLong::get).sum();
        }

        /** the timed calls of the window, sorted, after every thread ended */
        long[] latencies() throws InterruptedException {
            done.await();
            long[] all = new long[Arrays.stream(counts).sum()];
            int k = 0;
            for (int t = 0; t < counts.length; t++) {
                System.arraycopy(latencies[t], 0, all, k, counts[t]);
                k += counts[t];
            }
            Arrays.sort(all);
            return all;
        }
    }

    // ---- fixtures ----

    /** Self-service pooling areas outside 北京; county-level areas are added when the divisions give too few. */
    private List<String> areas(int count) {
        String select = """
                SELECT code FROM app.pooling_area WHERE cross_province_open AND filing_mode = 'SELF_SERVICE'
                  AND province_code <> '110000' ORDER BY code""";
        List<String> areas = jdbc.sql(select).query(String.class).list();
        if (areas.size() < count) {
            // like the demo's district areas 110105/110108: county-level pooling areas, spread over the provinces
            jdbc.sql("""
                    INSERT INTO app.pooling_area (code, province_code, cross_province_open, filing_mode, agency_name)
                    SELECT d.code, d.province_code, TRUE, 'SELF_SERVICE', '基准测试统筹区（县级）' FROM app.division d
                    WHERE d.level = 3 AND d.province_code <> '110000'
                      AND NOT EXISTS (SELECT 1 FROM app.pooling_area p WHERE p.code = d.code)
                    ORDER BY md5(d.code) LIMIT ?""").param(count - areas.size()).update();
            areas = jdbc.sql(select).query(String.class).list();
        }
        return List.copyOf(areas.subList(0, count));
    }

    /**
     * The five keys of every area from 2025-01-01, shaped like the demo policies (employees:
     * cumulative bands on the in-scope amount or per-settlement bands with a yearly deductible;
     * residents: above the deductible, then 大病保险 on the person's share) with the area's own
     * amounts and ratios.
     */
    private int savePolicies(List<String> areas) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> templates = new ArrayList<>();
        try (var in = getClass().getClassLoader().getResourceAsStream(PolicyFile.DEMO_RESOURCE)) {
            for (JsonNode p : json.readTree(in).path("policies")) {
                if (p.path("effectiveFrom").asText().equals("2025-01-01") && Set.of("110105", "350200").contains(p.path("insuredArea").asText())) {
                    templates.add(p);
                }
            }
        }
        AppUser admin = new AppUser(Realm.CLERKS, "bench-policy-admin", "bench-policy-admin", Set.of("CLERK", "PROCESS_ADMIN"),
                List.of("process-admins"), "110105");
        List<PolicyVersion> versions = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++) {
            String area = areas.get(a);
            String shape = a % 2 == 0 ? "110105" : "350200";
            SplittableRandom r = new SplittableRandom(area.hashCode());
            double amounts = 0.8 + r.nextInt(41) / 100.0;    // deductibles and caps 80–120 % of the template's
            int points = r.nextInt(7) - 3;                     // ratios −3 … +3 points
            for (JsonNode t : templates) {
                if (!t.path("insuredArea").asText().equals(shape)) {
                    continue;
                }
                ObjectNode p = t.deepCopy();
                p.put("insuredArea", area);
                p.put("note", "BENCHMARK DATA, generated from the demo policy of " + shape);
                scale((ObjectNode) p.path("deductible").path("amounts"), amounts);
                if (p.path("deductible").has("subsequent")) {
                    scale((ObjectNode) p.path("deductible").path("subsequent"), amounts);
                }
                for (JsonNode fund : p.path("funds")) {
                    ((ObjectNode) fund).put("annualCap", Math.round(fund.path("annualCap").asLong() * amounts / 100) * 100);
                    for (JsonNode bands : fund.path("bands")) {
                        for (JsonNode band : bands) {
                            double percent = band.path("percent").asDouble();
                            if (percent > 0) {
                                ((ObjectNode) band).put("percent", Math.max(1, Math.min(100, percent + points)));
                            }
                        }
                    }
                }
                versions.add(PolicyFile.fromJson(p, "benchmark " + area));
            }
        }
        List<PolicyVersion> missing = versions.stream().filter(v -> policies.versions(v.key()).isEmpty()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (PolicyVersion v : missing) {
                saves.add(pool.submit(() -> policies.save(admin, v)));
            }
            for (Future<?> f : saves) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String area : List.of(areas.get(0), areas.get(areas.size() - 1))) {
            assertThat(policies.inForce(PolicyKey.of(area, InsuranceType.RESIDENT, PersonType.STUDENT_CHILD), ChinaTime.today())).isPresent();
        }
        return versions.size();
    }

    private static void scale(ObjectNode amounts, double factor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = amounts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            e.setValue(amounts.numberNode(Math.round(e.getValue().asDouble() * factor / 10) * 10));
        }
    }

    /** Persons insured in the areas, round robin; imported as a bureau's registry file. */
    private List<Person> importPersons(List<String> areas, int count) throws IOException {
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT id_number FROM app.insurance_record").query(String.class).list());
        StringBuilder csv = new StringBuilder(InsuranceRegistryImport.HEADER).append('\n');
        List<Person> persons = new ArrayList<>();
        for (int i = 0; persons.size() < count; i++) {
            String area = areas.get(i % areas.size());
            int q = i / areas.size();
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((q * 37L) % 20_000);
            String body = area + birth.toString().replace("-", "") + String.format("%03d", (q / 20_000 * 7 + 900) % 1000);
            String id = body + SettlementGenerator.check(body);
            if (existing.contains(id)) {
                continue;
            }
            int kind = Math.floorMod((id.hashCode() * 31) ^ (i * 0x9E3779B9), 100);
            InsuranceType type = kind < 60 ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT;
            PersonType personType = kind < 35 ? PersonType.IN_SERVICE : kind < 55 ? PersonType.RETIRED
                    : kind < 60 ? PersonType.FLEXIBLE_EMPLOYMENT : kind < 95 ? PersonType.RESIDENT : PersonType.STUDENT_CHILD;
            String sex = (body.charAt(16) - '0') % 2 == 1 ? "M" : "F";
            csv.append(id).append(',').append(SettlementGenerator.name(i)).append(',').append(sex).append(',').append(birth)
                    .append(',').append(area).append(',').append(type.name()).append(',').append(personType.name())
                    .append(",NORMAL,").append(type == InsuranceType.EMPLOYEE ? "基准测试用人单位" : "").append(',')
                    .append(area).append(':').append(type.name()).append(":2015-01~,\n");
            persons.add(new Person(id, area, type, personType));
        }
        InsuranceRegistryImport.Report report = registryImport.importCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
        assertThat(report.errors()).as("registry import").isEmpty();
        return List.copyOf(persons);
    }

    /** One opened filing to 北京 per person, from 90 days ago to 90 days ahead, at the area's counter. */
    private void openFilings(List<Person> persons, LocalDate today, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        try {
            List<Future<?>> submits = new ArrayList<>();
            for (Person p : persons) {
                submits.add(pool.submit(() -> {
                    if (!filings.openedOn(p.idNumber(), today).isEmpty()) {
                        return;
                    }
                    AppUser clerk = TestUsers.clerk("bench-counter-" + p.area(), p.area(), "COUNTER");
                    Filing f = filings.submit(clerk, new FilingApplication(p.idNumber(), p.area(), "110000", p.type(),
                            FilingType.OTHER_TEMPORARY, today.minusDays(90), today.plusDays(90), "联系人", "13800138000",
                            "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of()), "settle-bench-" + p.idNumber());
                    if (f.status() != FilingStatus.OPENED) {
                        refused.computeIfAbsent(String.valueOf(f.status()), k -> new AtomicLong()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : submits) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(refused).as("filings not opened").isEmpty();
    }

    /** Waits until every OPENED event has its registry receipt (or the time is up); the backlog left. */
    private long drainRegistryReports(int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long backlog;
        do {
            backlog = jdbc.sql("""
                    SELECT count(*) FROM app.filing_event e WHERE e.status = 'OPENED'
                      AND NOT EXISTS (SELECT 1 FROM app.registry_report r WHERE r.event_id = e.id)""").query(Long.class).single();
            if (backlog > 0) {
                Thread.sleep(500);
            }
        } while (backlog > 0 && System.nanoTime() < until);
        return backlog;
    }

    private static final AtomicLong HTTP_THREADS = new AtomicLong();

    /** CPU time by thread id of this benchmark's client threads (its load threads and the HTTP client's). */
    private static Map<Long, Long> clientCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> byThread = new HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("bench-") || t.getThreadName().startsWith("HttpClient-"))) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) {
                    byThread.put(t.getThreadId(), ns);
                }
            }
        }
        return byThread;
    }

    /**
     * The client threads' CPU since {@code from}, thread by thread: a thread that ended meanwhile takes its time
     * with it (a sum of all threads then went below the first reading), one started meanwhile counts whole.
     */
    private static long clientCpuSince(Map<Long, Long> from) {
        long sum = 0;
        for (var t : clientCpuNanos().entrySet()) {
            sum += t.getValue() - from.getOrDefault(t.getKey(), 0L);
        }
        return sum;
    }

    private long settlements() {
        return jdbc.sql("SELECT count(*) FROM app.settlement_key").query(Long.class).single();
    }

    // ---- uploads ----

    private static final String[] CATEGORIES = {"床位费", "诊察费", "检查费", "化验费", "治疗费", "手术费", "护理费", "卫生材料费",
            "西药费", "中成药费"};
    private static final String[] DIAGNOSES = {"I21.900", "I63.900", "J18.900", "C34.900", "K35.800", "N18.500", "E11.900",
            "S72.000", "M17.900", "I25.100"};

    private static final String[] ADMISSION_WAYS = {"OUTPATIENT", "EMERGENCY_ROOM", "TRANSFER", "OTHER"};
    private static final String[] DEPARTMENTS = {"心血管内科", "神经内科", "呼吸内科", "肿瘤科", "普通外科", "肾内科", "骨科"};

    static String body(String settlementNo, Person person, LocalDate today, SplittableRandom r) {
        LocalDate discharge = today.minusDays(r.nextInt(30));
        LocalDate admission = discharge.minusDays(r.nextInt(15));
        long inScope = Math.max(20_000, Math.min(200_000_000L, (long) (Math.exp(9.3 + 0.8 * r.nextGaussian()) * 100)));
        int lines = 3 + r.nextInt(3);
        StringBuilder b = new StringBuilder(512).append("{\"settlementNo\":\"").append(settlementNo)
                .append("\",\"personIdNumber\":\"").append(person.idNumber())
                .append("\",\"institutionCode\":\"").append(INSTITUTION)
                .append("\",\"admissionDate\":\"").append(admission).append("\",\"dischargeDate\":\"").append(discharge)
                .append("\",\"emergency\":false,\"categories\":[");
        int c0 = r.nextInt(CATEGORIES.length);
        long left = inScope;
        for (int k = 0; k < lines; k++) {
            long part = k == lines - 1 ? left : left * (20 + r.nextInt(50)) / 100;
            left -= part;
            long self = r.nextInt(100) < 60 ? part * r.nextInt(16) / 100 : 0;
            b.append(k == 0 ? "" : ",").append("{\"category\":\"").append(CATEGORIES[(c0 + k * 3) % CATEGORIES.length])
                    .append("\",\"inScope\":").append(yuan(part)).append(",\"selfPaid\":").append(yuan(self)).append('}');
        }
        b.append("],\"diagnosisCodes\":[\"").append(DIAGNOSES[r.nextInt(DIAGNOSES.length)])
                .append("\"],\"inpatientNo\":\"ZY").append(settlementNo).append("\",\"admissionWay\":\"")
                .append(ADMISSION_WAYS[r.nextInt(ADMISSION_WAYS.length)]).append("\",\"dischargeDepartment\":\"")
                .append(DEPARTMENTS[r.nextInt(DEPARTMENTS.length)]).append("\"}");
        return b.toString();
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + (fen % 100 < 10 ? "0" : "") + fen % 100;
    }

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    /** Null when the upload was settled; else what went wrong (status and code). */
    private static String send(HttpClient http, URI endpoint, Token token, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"status\":\"SETTLED\"")) {
                return null;
            }
            Matcher m = CODE.matcher(response.body());
            return "HTTP " + response.statusCode() + " " + (m.find() ? m.group(1) : response.body().lines().findFirst().orElse(""));
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** 300 uploads one after the other, counting the statements of the request threads. */
    private void profile(HttpClient http, URI endpoint, Token token, List<Person> persons, LocalDate today) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) { // warm the path first
            send(http, endpoint, token, body("SP-W" + i, persons.get(random.nextInt(persons.size())), today, random));
        }
        int n = 300;
        StatementCounting.COUNTS.clear();
        StatementCounting.on = true;
        long a = System.nanoTime();
        int errors = 0;
        for (int i = 0; i < n; i++) {
            String error = send(http, endpoint, token, body("SP-" + i, persons.get(random.nextInt(persons.size())), today, random));
            if (error != null) {
                errors++;
                // a refused body measures nothing: stop before the long run
                assertThat(errors).as("profile upload refused: " + error).isLessThan(10);
            }
        }
        long b = System.nanoTime();
        StatementCounting.on = false;
        Map<String, Long> sorted = new TreeMap<>();
        StatementCounting.COUNTS.forEach((sql, c) -> sorted.put(sql, c.sum()));
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%nProfile: %d uploads one by one, %.1f ms each, %d errors; statements prepared on request threads "
                + "(per upload, by SQL text): %.2f%n", n, (b - a) / 1e6 / n, errors, total / (double) n);
        sorted.forEach((sql, c) -> System.out.printf("  %5.2f  %s%n", c / (double) n, sql.length() > 150 ? sql.substring(0, 150) + "…" : sql));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    // ---- tokens ----

    /** The hospital system's bearer token: one for all threads, renewed 60 s before it expires. */
    static final class Token {
        private volatile String value;
        private volatile long renewAt;

        String get() {
            if (value == null || System.currentTimeMillis() > renewAt) {
                synchronized (this) {
                    if (value == null || System.currentTimeMillis() > renewAt) {
                        value = KEYCLOAK ? fromKeycloak() : ISSUER.sign();
                        renewAt = expiry(value) * 1000 - 60_000;
                    }
                }
            }
            return value;
        }

        private static String fromKeycloak() {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(LocalKeycloak.server().url() + "/realms/provincial/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id=hospital-system&client_secret=hospital-system-secret"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                return new ObjectMapper().readTree(r.body()).path("access_token").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static long expiry(String jwt) {
            try {
                JsonNode claims = new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
                return claims.path("exp").asLong();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Without Keycloak: a key of our own, its JWKS served where the application looks for the
     * realm's keys, and a token with the claims Keycloak gives {@code hospital-system}.
     */
    static final class LocalIssuer {
        final HttpServer server;
        final RSAKey key;

        private LocalIssuer(HttpServer server, RSAKey key) {
            this.server = server;
            this.key = key;
        }

        static LocalIssuer start() {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 16);
                server.createContext("/realms/", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                    exchange.close();
                });
                server.start();
                return new LocalIssuer(server, key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        String sign() {
            try {
                Instant now = Instant.now();
                JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url() + "/realms/provincial").audience(List.of("crossprov-api"))
                        .subject(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString()).claim("azp", "hospital-system").claim("typ", "Bearer")
                        .claim("preferred_username", "service-account-hospital-system").claim("roles", List.of("hospital"))
                        .claim("institution_code", INSTITUTION).claim("scope", "profile email").build();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
