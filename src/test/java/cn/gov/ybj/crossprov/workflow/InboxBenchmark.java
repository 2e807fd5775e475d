package cn.gov.ybj.crossprov.workflow;

import cn.gov.ybj.crossprov.CpuMeter;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: fills T open review tasks (default 10,000; the figure is
 * 100,000) across 300 pooling areas, then C clerks (default 20) of random areas read their inbox
 * at once for D seconds: {@link ClerkInbox#page} (first 50: escalated first, then by due date) and
 * {@link ClerkInbox#count}, as the inbox screen does. Prints p50/p95/p99 of the page, the count and
 * both together.
 *
 * <p>The tasks are the real ones: instances of {@code bpmn/filing.bpmn} started directly before
 * its review user task ({@code Task_ReviewFiling}: candidate group {@code area-<code>}, due date,
 * form, boundary timer), with the variables the manual path sets, in batches of 100 instances per
 * transaction on several threads. The service tasks before it are skipped, and there are no
 * {@code app.filing} rows behind them (the inbox query does not read them). Due dates lie 1 hour
 * to 10 days ahead, so no escalation timer fires during the run; {@code bench.escalatedPercent} (1) %
 * of them are escalated before the run the way {@link ClerkInbox#escalate} does it (supervisors'
 * group, top priority), so every area's page starts with escalated tasks. Run:
 * {@code ./mvnw test -Dtest=InboxBenchmark -Dbenchmark=true -Dbench.tasks=100000 -Dbench.duration=300
 * [-Dbench.clerks=20] [-Dbench.areas=300] [-Dbench.fillThreads=4] [-Dbench.escalatedPercent=1]}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboxBenchmark {

    private static final int BATCH = 100;

    @Autowired
    ClerkInbox inbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void clerkInboxPages() throws Exception {
        int tasks = Integer.getInteger("bench.tasks", 10_000);
        int areaCount = Integer.getInteger("bench.areas", 300);
        int clerks = Integer.getInteger("bench.clerks", 20);
        int duration = Integer.getInteger("bench.duration", 30);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int fillThreads = Integer.getInteger("bench.fillThreads", 4);
        int escalatedPercent = Integer.getInteger("bench.escalatedPercent", 1);

        List<String> areas = jdbc.sql("SELECT code FROM app.pooling_area ORDER BY code LIMIT :n")
                .param("n", areaCount).query(String.class).list();
        assertThat(areas).hasSize(areaCount);
        System.out.printf("%nInboxBenchmark: filling %,d review tasks across %d pooling areas with %d threads ...%n",
                tasks, areas.size(), fillThreads);

        long t0 = System.nanoTime();
        fill(tasks, areas, fillThreads);
        int escalated = escalate(escalatedPercent);
        jdbc.sql("ANALYZE act_ru_task").update();
        jdbc.sql("ANALYZE act_ru_identitylink").update();
        long open = jdbc.sql("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewFiling'").query(Long.class).single();
        System.out.printf("Filled in %.1f s (%.0f instances/s); open review tasks: %,d, escalated: %,d%n",
                (System.nanoTime() - t0) / 1e9, tasks / ((System.nanoTime() - t0) / 1e9), open, escalated);
        assertThat(open).isGreaterThanOrEqualTo(tasks);

        explain(areas.get(areas.size() / 2));

        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureTo = measureFrom + duration * 1_000_000_000L;
        long[][] pages = new long[clerks][];
        long[][] counts = new long[clerks][];
        int[] n = new int[clerks];
        AtomicLong errors = new AtomicLong();
        AtomicLong wrongPages = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clerks);
        for (int c = 0; c < clerks; c++) {
            int me = c;
            new Thread(() -> {
                long[] page = new long[1 << 14];
                long[] count = new long[1 << 14];
                int k = 0;
                try {
                    while (System.nanoTime() < measureTo) {
                        String area = areas.get(ThreadLocalRandom.current().nextInt(areas.size()));
                        AppUser clerk = new AppUser(Realm.CLERKS, "bench-clerk-" + me, "bench", Set.of("CLERK", "REVIEWER"),
                                List.of(ClerkInbox.areaGroup(area)), area);
                        try {
                            long a = System.nanoTime();
                            List<ClerkInbox.Item> items = inbox.page(clerk, ClerkInbox.Filter.ALL, 0, 50);
                            long b = System.nanoTime();
                            inbox.count(clerk, ClerkInbox.Filter.ALL);
                            long e = System.nanoTime();
                            if (items.isEmpty() || !inInboxOrder(items)) {
                                wrongPages.incrementAndGet();
                            }
                            if (a >= measureFrom && e <= measureTo) {
                                if (k == page.length) {
                                    page = Arrays.copyOf(page, k * 2);
                                    count = Arrays.copyOf(count, k * 2);
                                }
                                page[k] = b - a;
                                count[k++] = e - b;
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    pages[me] = page;
                    counts[me] = count;
                    n[me] = k;
                    done.countDown();
                }
            }, "bench-clerk-" + c).start();
        }
        CpuMeter cpu = new CpuMeter(jdbc);
        while (System.nanoTime() < measureFrom) {
            Thread.sleep(20);
        }
        long[] cpuFrom = cpu.now();
        done.await();
        long[] cpuTo = cpu.now();

        int total = Arrays.stream(n).sum();
        long[] page = new long[total];
        long[] count = new long[total];
        long[] both = new long[total];
        int k = 0;
        for (int c = 0; c < clerks; c++) {
            for (int i = 0; i < n[c]; i++, k++) {
                page[k] = pages[c][i];
                count[k] = counts[c][i];
                both[k] = pages[c][i] + counts[c][i];
            }
        }
        Arrays.sort(page);
        Arrays.sort(count);
        Arrays.sort(both);
        System.out.println();
        System.out.printf("%,d open review tasks, %d areas (~%d per area), %d clerks querying at once for %d s (after %d s warm-up), %d CPUs%n",
                open, areas.size(), open / areas.size(), clerks, duration, warmup, Runtime.getRuntime().availableProcessors());
        System.out.println("| call | requests | p50 | p95 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|");
        row("page (first 50 by due date)", page);
        row("count", count);
        row("page + count", both);
        System.out.print(CpuMeter.row("inbox view", cpuFrom, cpuTo, total));
        System.out.printf("Throughput: %.0f inbox views/s; errors: %d; empty or unsorted pages: %d%n%n",
                total / (double) duration, errors.get(), wrongPages.get());
        assertThat(errors.get()).isZero();
    }

    /** Starts {@code tasks} filing instances at their review task, BATCH per transaction. */
    private void fill(int tasks, List<String> areas, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long now = System.currentTimeMillis();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int from;
                    while ((from = next.getAndAdd(BATCH)) < tasks) {
                        int to = Math.min(tasks, from + BATCH);
                        int first = from;
                        transactions.executeWithoutResult(status -> {
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            for (int i = first; i < to; i++) {
                                String area = areas.get(i % areas.size());
                                String filingId = UUID.randomUUID().toString();
                                Map<String, Object> v = new HashMap<>();
                                v.put("filingId", filingId);
                                v.put("insuredAreaCode", area);
                                v.put("reviewGroup", ClerkInbox.areaGroup(area));
                                v.put("areaFilingMode", "QUICK");
                                v.put("filingType", "RETIRED_RESETTLED");
                                v.put("materialsGiven", true);
                                v.put("commitmentGiven", false);
                                v.put("eligible", true);
                                v.put("reviewMode", "MANUAL");
                                v.put("reviewer", null);
                                v.put("reviewDue", new Date(now + 3_600_000L + random.nextLong(9 * 24 * 3_600_000L)));
                                runtime.createProcessInstanceByKey("filing").businessKey("B" + (20260000000000L + i))
                                        .startBeforeActivity("Task_ReviewFiling").setVariables(v).execute();
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Escalates that share of the open review tasks as {@link ClerkInbox#escalate} does; returns how many. */
    private int escalate(int percent) {
        List<Map<String, Object>> chosen = jdbc.sql("""
                SELECT t.id_ AS task, v.text_ AS area FROM act_ru_task t
                JOIN act_ru_variable v ON v.proc_inst_id_ = t.proc_inst_id_ AND v.name_ = 'insuredAreaCode'
                WHERE t.task_def_key_ = 'Task_ReviewFiling' AND abs(hashtext(t.id_)) % 100 < :percent""")
                .param("percent", percent).query().listOfRows();
        for (Map<String, Object> row : chosen) {
            transactions.executeWithoutResult(status -> {
                taskService.addCandidateGroup((String) row.get("task"), ClerkInbox.supervisorGroup((String) row.get("area")));
                taskService.setPriority((String) row.get("task"), ClerkInbox.ESCALATED_PRIORITY);
            });
        }
        return chosen.size();
    }

    /** The plans of the inbox page and count queries, as ClerkInbox has the engine issue them. */
    private void explain(String area) {
        String page = System.getProperty("bench.explainSql", """
                EXPLAIN (ANALYZE, BUFFERS) SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.ID_ IN (SELECT E.TASK_ID
                  FROM app.inbox_entry E WHERE E.GROUP_ID IN (:group)
                  ORDER BY E.PRIORITY DESC, E.DUE_DATE ASC, E.CREATE_TIME ASC, E.TASK_ID ASC LIMIT 50)
                ORDER BY RES.PRIORITY_ DESC, RES.DUE_DATE_ ASC, RES.CREATE_TIME_ ASC, RES.ID_ ASC LIMIT 50 OFFSET 0""");
        String count = """
                EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM app.inbox_entry E WHERE E.GROUP_ID IN (:group)""";
        for (String sql : List.of(page, count)) {
            System.out.println("Plan of the inbox " + (sql == count ? "count" : "page") + " query for area " + area + ":");
            jdbc.sql(sql).param("group", ClerkInbox.areaGroup(area)).query(String.class).list()
                    .forEach(line -> System.out.println("  " + line));
        }
    }

    /** Escalated first, then by due date. */
    private static boolean inInboxOrder(List<ClerkInbox.Item> items) {
        for (int i = 1; i < items.size(); i++) {
            ClerkInbox.Item before = items.get(i - 1);
            ClerkInbox.Item item = items.get(i);
            if (item.priority() > before.priority()
                    || item.priority() == before.priority() && item.due().isBefore(before.due())) {
                return false;
            }
        }
        return true;
    }

    private static void row(String label, long[] sorted) {
        System.out.printf("| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", label, sorted.length,
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
