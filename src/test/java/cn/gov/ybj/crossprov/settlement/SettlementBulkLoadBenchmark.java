package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.CpuMeter;
import cn.gov.ybj.crossprov.settlement.internal.CopyEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: {@link SettlementBulkLoad} of {@code bench.rows} generated settlements
 * ({@link SettlementGenerator}: ~340 insured areas, weighted destinations, a month of discharge
 * dates) into one month's partition of {@code app.settlement} with all its indexes, and their keys.
 * Prints the generator's own rate and the JVM's encoding rate (no database), then per variant: rows/s,
 * MB sent, WAL written, CPU per 1,000 rows (JVM / PostgreSQL), the ANALYZE time and the partition's
 * size (heap, indexes). Each variant loads its own month (2025-10, then 2025-09 …), each into an
 * empty partition. Run:
 * {@code ./mvnw test -Dtest=SettlementBulkLoadBenchmark -Dbenchmark=true [-Dbench.rows=2000000]
 * [-Dbench.variants=binary:2] [-Dbench.chunk=100000] [-Dbench.persons=rows/4] [-Dbench.institutions=5000]}.
 * A variant is {@code format:streams[:nosync][:nokeys]}, several separated by commas, e.g.
 * {@code binary:2,binary:1,text:2,binary:2:nosync,binary:2:nokeys}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest
@ActiveProfiles("test")
class SettlementBulkLoadBenchmark {

    @Autowired
    SettlementBulkLoad bulkLoad;
    @Autowired
    JdbcClient jdbc;

    record Variant(SettlementBulkLoad.Format format, int streams, boolean synchronousCommit, boolean keys) {
        static Variant parse(String s) {
            String[] p = s.strip().split(":");
            List<String> flags = List.of(p).subList(2, p.length);
            return new Variant(SettlementBulkLoad.Format.valueOf(p[0].toUpperCase()), Integer.parseInt(p[1]),
                    !flags.contains("nosync"), !flags.contains("nokeys"));
        }

        @Override
        public String toString() {
            return format.name().toLowerCase() + ", " + streams + " stream" + (streams > 1 ? "s" : "")
                    + (synchronousCommit ? "" : ", synchronous_commit off") + (keys ? "" : ", without keys");
        }
    }

    @Test
    void bulkLoad() {
        long rows = Long.getLong("bench.rows", 2_000_000L);
        int chunk = Integer.getInteger("bench.chunk", 100_000);
        int persons = Integer.getInteger("bench.persons", (int) Math.max(1_000, rows / 4));
        int institutions = Integer.getInteger("bench.institutions", 5_000);
        List<Variant> variants = new ArrayList<>();
        for (String v : System.getProperty("bench.variants", "binary:2").split(",")) {
            variants.add(Variant.parse(v));
        }
        SettlementGenerator generator = new SettlementGenerator(20251001L, persons, institutions);
        System.out.printf("%nSettlementBulkLoadBenchmark: %,d rows per variant, chunk %,d, %,d persons in %d areas, "
                        + "%,d institutions, %d CPUs, variants %s%n", rows, chunk, persons, generator.areas().size(), institutions,
                Runtime.getRuntime().availableProcessors(), variants);

        // the generator alone, and with the loader's checks and binary encoding (no database), one thread
        YearMonth probe = YearMonth.of(2025, 10);
        long sample = Math.min(rows, 300_000);
        drain(generator.rows(probe, rows, 0, sample));
        long g0 = System.nanoTime();
        drain(generator.rows(probe, rows, 0, sample));
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        encode(generator.rows(probe, rows, 0, sample), probe);
        double encodeSeconds = encode(generator.rows(probe, rows, 0, sample), probe);
        System.out.printf("generator alone: %,.0f rows/s (%.1f µs a row); generator + checks + binary encoding: %,.0f rows/s "
                        + "(%.1f µs a row), one thread, no database%n", sample / generateSeconds, generateSeconds * 1e6 / sample,
                sample / encodeSeconds, encodeSeconds * 1e6 / sample);

        System.out.println();
        System.out.println("| variant | rows/s | wall | COPY MB (bytes/row) | WAL MB (bytes/row) | CPU per 1,000 rows JVM / PG "
                + "| ANALYZE | heap / indexes MB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        YearMonth month = probe;
        for (Variant v : variants) {
            jdbc.sql("CHECKPOINT").update();
            long walBefore = wal();
            CpuMeter cpu = new CpuMeter(jdbc);
            long[] cpuFrom = cpu.now();
            SettlementBulkLoad.Result result = bulkLoad.load(month, generator.streams(month, rows, v.streams()),
                    new SettlementBulkLoad.Options(v.format(), chunk, v.keys(), v.synchronousCommit()));
            long[] cpuTo = cpu.now();
            long walBytes = wal() - walBefore;
            long a0 = System.nanoTime();
            bulkLoad.analyze(month);
            double analyzeSeconds = (System.nanoTime() - a0) / 1e9;
            String partition = String.format("app.settlement_y%04dm%02d", month.getYear(), month.getMonthValue());
            Map<String, Object> size = jdbc.sql("SELECT count(*) AS n, pg_relation_size(?::regclass) AS heap, "
                            + "pg_indexes_size(?::regclass) AS indexes FROM " + partition)
                    .params(partition, partition).query().singleRow();
            assertThat(((Number) size.get("n")).longValue()).isEqualTo(rows);
            double jvm = (cpuTo[0] - cpuFrom[0]) / 1e6 / rows * 1000;
            double pg = cpuTo[1] < 0 ? Double.NaN : (cpuTo[1] - cpuFrom[1]) / 1e6 / rows * 1000;
            System.out.printf("| %s (%s) | **%,.0f** | %.1f s | %,.0f (%.0f) | %,.0f (%.0f) | %.1f / %.1f ms | %.1f s | %,.0f / %,.0f |%n",
                    v, month, result.rowsPerSecond(), result.elapsed().toMillis() / 1e3, result.megabytes(),
                    (double) result.bytes() / rows, walBytes / 1_048_576.0, (double) walBytes / rows, jvm, pg, analyzeSeconds,
                    mb(size.get("heap")), mb(size.get("indexes")));
            month = month.minusMonths(1);
        }
        long keyBytes = jdbc.sql("""
                SELECT sum(pg_total_relation_size(c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'app.settlement_key'::regclass""").query(Long.class).single();
        System.out.printf("%napp.settlement_key, all partitions: %,.1f MB%n%n", keyBytes / 1_048_576.0);
    }

    private long wal() {
        return jdbc.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint").query(Long.class).single();
    }

    private static double mb(Object bytes) {
        return ((Number) bytes).longValue() / 1_048_576.0;
    }

    /** Seconds to check and encode the rows as the loader does, without a database. */
    private static double encode(Iterator<SettlementBulkLoad.Row> rows, YearMonth month) {
        var writer = new SettlementBulkLoad.RowWriter(CopyEncoder.of(true, 1 << 20), CopyEncoder.of(true, 1 << 20),
                month.atDay(1), Instant.now());
        long t0 = System.nanoTime();
        while (rows.hasNext()) {
            writer.write(rows.next());
            if (writer.out.size() > 512 * 1024) {
                writer.out.reset();
                writer.keys.reset();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void drain(Iterator<SettlementBulkLoad.Row> rows) {
        long h = 0;
        while (rows.hasNext()) {
            h += rows.next().settlementNo().length();
        }
        assertThat(h).isPositive();
    }
}
