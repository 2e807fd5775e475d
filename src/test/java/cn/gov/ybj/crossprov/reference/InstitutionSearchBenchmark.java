package cn.gov.ybj.crossprov.reference;

import cn.gov.ybj.crossprov.reference.internal.DemoInstitutions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: loads a national-scale generated set (650,000 institutions by
 * default) and prints p50/p95 of 1,000 random name/filter queries at the service layer and
 * through HTTP. Run: {@code ./mvnw test -Dtest=InstitutionSearchBenchmark -Dbenchmark=true
 * [-Dbenchmark.institutions=650000]}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InstitutionSearchBenchmark {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InstitutionImport importer;
    @Autowired
    DesignatedInstitutions institutions;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Divisions divisions;

    @Test
    void nameAndFilterQueries() throws Exception {
        int size = Integer.getInteger("benchmark.institutions", 650_000);
        long t0 = System.nanoTime();
        InstitutionImport.Report report = importer.importCsv(new ByteArrayInputStream(DemoInstitutions.csv(divisions.counties(), size, 7)), true);
        jdbc.sql("ANALYZE app.designated_institution").update();
        System.out.printf("%nLoaded %,d institutions in %.1f s (%,d inserted)%n", size, (System.nanoTime() - t0) / 1e9, report.inserted());
        assertThat(jdbc.sql("SELECT count(*) FROM app.designated_institution").query(Long.class).single()).isGreaterThanOrEqualTo(size);

        Random random = new Random(42);
        List<String> provinces = jdbc.sql("SELECT code FROM app.division WHERE level = 1").query(String.class).list();
        List<String> words = List.of("人民", "中心", "康复", "协和", "口腔医", "妇幼保健", "朝阳区", "厦门", "第一", "肿瘤", "海淀区人民");
        List<InstitutionFilter> queries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String word = words.get(random.nextInt(words.size()));
            queries.add(switch (i % 4) {
                case 0 -> new InstitutionFilter(null, word, null, null);
                case 1 -> new InstitutionFilter(provinces.get(random.nextInt(provinces.size())), word, null, null);
                case 2 -> new InstitutionFilter(provinces.get(random.nextInt(provinces.size())), null,
                        Institution.GRADES.get(random.nextInt(Institution.GRADES.size())), null);
                default -> new InstitutionFilter(null, word, null,
                        Institution.CATEGORIES.get(random.nextInt(Institution.CATEGORIES.size())));
            });
        }
        long[] service = measure("service", queries, q -> institutions.search(q, 0, 20));
        measure("HTTP", queries, q -> http.getForObject(UriComponentsBuilder.fromPath("/api/public/institutions")
                .queryParam("division", q.divisionCode()).queryParam("name", q.name()).queryParam("grade", q.grade())
                .queryParam("category", q.category()).queryParam("size", 20).build().encode().toUri(), String.class));
        slowest(queries, service);
    }

    /** Per shape, the five slowest queries of the service pass, run again: page and count apart. */
    private void slowest(List<InstitutionFilter> queries, long[] ns) {
        System.out.println("Slowest service queries per shape (measured total; then page and count run again, apart):");
        for (int shape = 0; shape < SHAPES.size(); shape++) {
            int first = shape;
            System.out.printf("  %s%n", SHAPES.get(shape));
            java.util.stream.IntStream.range(0, ns.length).filter(i -> i % 4 == first).boxed()
                    .sorted((a, b) -> Long.compare(ns[b], ns[a])).limit(5).forEach(i -> {
                        InstitutionFilter q = queries.get(i);
                        long t0 = System.nanoTime();
                        int rows = institutions.list(q, 0, 20).size();
                        long t1 = System.nanoTime();
                        long count = institutions.count(q);
                        long t2 = System.nanoTime();
                        System.out.printf("    %6.1f ms  page %5.1f ms (%d rows)  count %5.1f ms (%d%s)  %s%n", ns[i] / 1e6,
                                (t1 - t0) / 1e6, rows, (t2 - t1) / 1e6, Math.min(count, DesignatedInstitutions.COUNT_CAP),
                                count > DesignatedInstitutions.COUNT_CAP ? "+" : "", q);
                    });
        }
    }

    private static final List<String> SHAPES = List.of("name", "province + name", "province + grade", "name + category");

    private static long[] measure(String label, List<InstitutionFilter> queries, Consumer<InstitutionFilter> call) {
        queries.subList(0, 50).forEach(call); // warm-up
        long[] ns = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            call.accept(queries.get(i));
            ns[i] = System.nanoTime() - start;
        }
        System.out.printf("%-8s 1,000 queries (page of 20 + total count): %s%n", label, percentiles(ns));
        // the queries cycle through four shapes: which one makes the tail
        for (int shape = 0; shape < SHAPES.size(); shape++) {
            int first = shape;
            long[] ofShape = java.util.stream.IntStream.range(0, ns.length).filter(i -> i % 4 == first).mapToLong(i -> ns[i]).toArray();
            System.out.printf("%-8s   %-16s %s%n", "", SHAPES.get(shape), percentiles(ofShape));
        }
        return ns;
    }

    private static String percentiles(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
