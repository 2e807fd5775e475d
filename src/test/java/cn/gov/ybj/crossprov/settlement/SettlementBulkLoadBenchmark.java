package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.CpuMeter;
import cn.gov.ybj.crossprov.settlement.internal.CopyEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: {@link SettlementBulkLoad} of {@code bench.rows} generated settlements
 * ({@link SettlementGenerator}: ~340 insured areas, weighted destinations, a month of discharge
 * dates) into one month's partition of {@code app.settlement} with all its indexes, and their keys.
 * Prints the generator's own rate (rows built without loading), then the load: rows/s, MB sent,
 * WAL written, CPU per 1,000 rows (JVM / PostgreSQL), the ANALYZE time and the partition's size
 * (heap, indexes). Run:
 * {@code ./mvnw test -Dtest=SettlementBulkLoadBenchmark -Dbenchmark=true [-Dbench.rows=2000000]
 * [-Dbench.streams=2] [-Dbench.format=binary|text] [-Dbench.keys=true] [-Dbench.chunk=100000]
 * [-Dbench.persons=rows/4] [-Dbench.institutions=5000] [-Dbench.month=2025-10]
 * [-Dbench.synchronousCommit=on|off]}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest
@ActiveProfiles("test")
class SettlementBulkLoadBenchmark {

    @Autowired
    SettlementBulkLoad bulkLoad;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bulkLoad() {
        long rows = Long.getLong("bench.rows", 2_000_000L);
        int streams = Integer.getInteger("bench.streams", 2);
        SettlementBulkLoad.Format format = SettlementBulkLoad.Format.valueOf(System.getProperty("bench.format", "binary").toUpperCase());
        boolean keys = Boolean.parseBoolean(System.getProperty("bench.keys", "true"));
        int chunk = Integer.getInteger("bench.chunk", 100_000);
        int persons = Integer.getInteger("bench.persons", (int) Math.max(1_000, rows / 4));
        int institutions = Integer.getInteger("bench.institutions", 5_000);
        YearMonth month = YearMonth.parse(System.getProperty("bench.month", "2025-10"));
        String synchronousCommit = System.getProperty("bench.synchronousCommit", "on");

        SettlementGenerator generator = new SettlementGenerator(20251001L, persons, institutions);
        System.out.printf("%nSettlementBulkLoadBenchmark: %,d rows of %s, %d stream(s), format %s, keys %s, chunk %,d, "
                        + "%,d persons in %d areas, %,d institutions, synchronous_commit %s, %d CPUs%n", rows, month, streams, format,
                keys, chunk, persons, generator.areas().size(), institutions, synchronousCommit,
                Runtime.getRuntime().availableProcessors());

        // the generator alone (what the JVM spends before COPY), on 200,000 rows after a warm-up
        long sample = Math.min(rows, 200_000);
        drain(generator.rows(month, rows, 0, Math.min(rows, 50_000)));
        long g0 = System.nanoTime();
        drain(generator.rows(month, rows, 0, sample));
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        // … and with the loader's checks and binary encoding of each row and its key (no database)
        double encodeSeconds = encode(generator.rows(month, rows, 0, Math.min(rows, 50_000)), month);
        encodeSeconds = encode(generator.rows(month, rows, 0, sample), month);

        jdbc.sql("CHECKPOINT").update();
        {
            long walBefore = wal();
            CpuMeter cpu = new CpuMeter(jdbc);
            long[] cpuFrom = cpu.now();
            List<Iterator<SettlementBulkLoad.Row>> sources = generator.streams(month, rows, streams);
            SettlementBulkLoad.Result result = bulkLoad.load(month, sources,
                    new SettlementBulkLoad.Options(format, chunk, keys, !"off".equals(synchronousCommit)));
            long[] cpuTo = cpu.now();
            long walBytes = wal() - walBefore;
            long a0 = System.nanoTime();
            bulkLoad.analyze(month);
            double analyzeSeconds = (System.nanoTime() - a0) / 1e9;

            String partition = String.format("app.settlement_y%04dm%02d", month.getYear(), month.getMonthValue());
            Map<String, Object> size = jdbc.sql("SELECT count(*) AS n, pg_relation_size(?::regclass) AS heap, "
                            + "pg_indexes_size(?::regclass) AS indexes, pg_total_relation_size(?::regclass) AS total FROM " + partition)
                    .params(partition, partition, partition).query().singleRow();
            long keyBytes = jdbc.sql("""
                    SELECT sum(pg_total_relation_size(c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent = 'app.settlement_key'::regclass""").query(Long.class).single();
            assertThat(((Number) size.get("n")).longValue()).isEqualTo(rows);

            double jvm = (cpuTo[0] - cpuFrom[0]) / 1e6 / rows * 1000;
            double pg = cpuTo[1] < 0 ? Double.NaN : (cpuTo[1] - cpuFrom[1]) / 1e6 / rows * 1000;
            System.out.println();
            System.out.println("| metric | value |");
            System.out.println("|---|---|");
            System.out.printf("| generator alone (no load), 1 thread | %,.0f rows/s |%n", sample / generateSeconds);
            System.out.printf("| generator + checks + binary encoding (no database), 1 thread | %,.0f rows/s |%n", sample / encodeSeconds);
            System.out.printf("| load: rows, wall time | %,d in %.1f s |%n", result.rows(), result.elapsed().toMillis() / 1e3);
            double seconds = result.elapsed().toNanos() / 1e9;
            double megabytes = result.bytes() / 1_048_576.0;
            System.out.printf("| **load throughput** | **%,.0f rows/s** |%n", result.rows() / seconds);
            System.out.printf("| COPY data sent (settlements%s) | %,.1f MB (%.0f bytes a row), %,.1f MB/s |%n", keys ? " and keys" : "",
                    megabytes, (double) result.bytes() / rows, megabytes / seconds);
            System.out.printf("| WAL written | %,.1f MB (%.0f bytes a row) |%n", walBytes / 1_048_576.0, (double) walBytes / rows);
            System.out.printf("| CPU per 1,000 rows (JVM incl. generator / PostgreSQL) | %.1f / %.1f ms |%n", jvm, pg);
            System.out.printf("| ANALYZE of the partition | %.1f s |%n", analyzeSeconds);
            System.out.printf("| partition %s: heap / indexes / total | %,.1f / %,.1f / %,.1f MB |%n", partition,
                    mb(size.get("heap")), mb(size.get("indexes")), mb(size.get("total")));
            System.out.printf("| app.settlement_key, all partitions (incl. earlier rows) | %,.1f MB |%n", keyBytes / 1_048_576.0);
            System.out.println();
        }
    }

    private long wal() {
        return jdbc.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint").query(Long.class).single();
    }

    private static double mb(Object bytes) {
        return ((Number) bytes).longValue() / 1_048_576.0;
    }

    private static double encode(Iterator<SettlementBulkLoad.Row> rows, YearMonth month) {
        var writer = new SettlementBulkLoad.RowWriter(CopyEncoder.of(true, 1 << 20), CopyEncoder.of(true, 1 << 20),
                month.atDay(1), java.time.Instant.now());
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
