package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 备案查询 over a million filings (issue 17 point 2: p95 ≤ 100 ms). Loads {@code bench.filings} (1,000,000) generated
 * filings with {@code COPY}, {@code bench.bigAreaPercent} (50) % of them in one pooling area whose clerk then searches,
 * the rest spread over {@code bench.areas} (20) areas; ~3 filings per person in consecutive periods, statuses, types,
 * destinations and six years of submission times drawn at random, names from a skewed surname × given-name list (so
 * common names repeat as they do). Then {@code bench.queries} (2,000) searches of eleven shapes, a page of 20 each,
 * at the service layer ({@link FilingManagement#search}), and prints p50/p95/max overall and per shape.
 * <p>{@code ./mvnw test -Dtest=FilingSearchBenchmark -Dbenchmark=true [-Dbench.filings=1000000]}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest
@ActiveProfiles("test")
class FilingSearchBenchmark {

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建华 建国 建军 海燕 "
            + "玉兰 志强 春梅 文博 晓东 雨桐 佳怡 欣怡 浩然 子轩 梓涵 一诺 宇航 俊杰 思远 天佑 海涛 龙 洁 玲 辉 鹏 华 红 飞 鑫 波 斌 宁 凯 "
            + "婷 雪 琳 颖 倩 慧 晨 阳 健 亮 峰 帅 博 瑞 彬 林 欢 璐 莉 萍 燕 丹 蕾 薇 晶 蓉 莹 琴 荣 坤 凤 兰 梅 英 珍 亭 芬 丽娟 丽华 "
            + "淑珍 淑英 桂兰 秀珍 玉梅 凤英 桂芳 淑兰 国华 国强 国平 志明 志刚 志勇 文华 文杰 文静 宏伟 红梅 晓明 晓燕 晓红 晓丽 晓峰").split(" ");
    private static final String[] STATUS = {"OPENED", "CLOSED", "SUBMITTED", "RETURNED", "FAILED"};
    private static final int[] STATUS_WEIGHT = {55, 30, 6, 5, 4};
    private static final String[] TYPE = {"OTHER_TEMPORARY", "REFERRAL", "LONG_TERM_RESIDENT", "RETIRED_RESETTLED", "STATIONED_WORKER"};
    private static final int[] TYPE_WEIGHT = {40, 25, 15, 12, 8};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    @Autowired
    FilingManagement filings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    record Sample(String id, String name, String number, String destination, String province) {
    }

    @Test
    void searchesOverAMillionFilings() throws Exception {
        int total = Integer.getInteger("bench.filings", 1_000_000);
        int bigPercent = Integer.getInteger("bench.bigAreaPercent", 50);
        int areaCount = Integer.getInteger("bench.areas", 20);
        int queries = Integer.getInteger("bench.queries", 2_000);
        List<String> areas = jdbc.sql("SELECT code FROM app.pooling_area ORDER BY code LIMIT :n").param("n", areaCount)
                .query(String.class).list();
        String big = areas.get(0);
        List<String> cities = jdbc.sql("SELECT code FROM app.division WHERE level = 2 ORDER BY code").query(String.class).list();
        List<String> provinceLevel = jdbc.sql("SELECT code FROM app.division WHERE level = 1 AND province_level_only ORDER BY code")
                .query(String.class).list();
        List<String> destinations = new ArrayList<>(cities);
        destinations.addAll(provinceLevel);

        Random random = new Random(20261130);
        long t0 = System.nanoTime();
        List<Sample> samples = load(total, big, bigPercent, areas, destinations, random);
        jdbc.sql("ANALYZE app.filing").update();
        long inArea = jdbc.sql("SELECT count(*) FROM app.filing WHERE insured_area_code = :a").param("a", big).query(Long.class).single();
        System.out.printf("%nFilingSearchBenchmark: loaded %,d filings in %.1f s; %,d of them in the clerk's area %s%n",
                total, (System.nanoTime() - t0) / 1e9, inArea, big);

        AppUser clerk = new AppUser(Realm.CLERKS, "bench-counter", "bench", Set.of("CLERK", "COUNTER"), List.of("area-" + big), big);
        LocalDate firstDay = LocalDate.of(2020, 1, 1);
        Map<String, Supplier<FilingQuery>> shapes = new LinkedHashMap<>();
        shapes.put("ID number", () -> q(pick(samples, random).id(), null, null, null, null, null, null, null, 0));
        shapes.put("name", () -> q(null, pick(samples, random).name(), null, null, null, null, null, null, 0));
        shapes.put("filing number", () -> q(null, null, pick(samples, random).number(), null, null, null, null, null, 0));
        shapes.put("status", () -> q(null, null, null, status(random), null, null, null, null, 0));
        shapes.put("status + type", () -> q(null, null, null, status(random), type(random), null, null, null, 0));
        shapes.put("province + status", () -> q(null, null, null, status(random), null, pick(samples, random).province(), null, null, 0));
        shapes.put("city", () -> q(null, null, null, null, null, pick(samples, random).destination(), null, null, 0));
        shapes.put("30 days", () -> {
            LocalDate from = firstDay.plusDays(random.nextInt(6 * 365));
            return q(null, null, null, null, null, null, from, from.plusDays(29), 0);
        });
        shapes.put("type + 90 days", () -> {
            LocalDate from = firstDay.plusDays(random.nextInt(6 * 365));
            return q(null, null, null, null, type(random), null, from, from.plusDays(89), 0);
        });
        shapes.put("newest", () -> q(null, null, null, null, null, null, null, null, 0));
        shapes.put("page 6 of a status", () -> q(null, null, null, status(random), null, null, null, null, 5));

        for (int i = 0; i < 200; i++) { // warm-up: plans, caches, JIT
            for (Supplier<FilingQuery> s : shapes.values()) {
                filings.search(clerk, s.get());
            }
        }
        Map<String, long[]> byShape = new LinkedHashMap<>();
        long[] all = new long[queries];
        List<String> names = new ArrayList<>(shapes.keySet());
        int[] n = new int[names.size()];
        for (String name : names) {
            byShape.put(name, new long[queries]);
        }
        long empty = 0;
        for (int i = 0; i < queries; i++) {
            int s = i % names.size();
            FilingQuery q = shapes.get(names.get(s)).get();
            long a = System.nanoTime();
            FilingQuery.Page page = filings.search(clerk, q);
            long t = System.nanoTime() - a;
            all[i] = t;
            byShape.get(names.get(s))[n[s]++] = t;
            if (page.items().isEmpty()) {
                empty++;
            }
            assertThat(page.items()).allMatch(f -> f.insuredAreaCode().equals(big));
        }
        System.out.printf("%,d searches of a page of 20 at the service layer (%,d empty):%n", queries, empty);
        row("all", all);
        for (int s = 0; s < names.size(); s++) {
            row("  " + names.get(s), Arrays.copyOf(byShape.get(names.get(s)), n[s]));
        }
        assertThat(empty).as("most searches find something").isLessThan(queries / 4);
    }

    private static FilingQuery q(String id, String name, String number, FilingStatus status, FilingType type, String dest,
                                 LocalDate from, LocalDate to, int page) {
        return new FilingQuery(id, name, number, status, type, dest, from, to, page, 20);
    }

    /** Writes the filings with COPY in chunks; returns a sample of the big area's filings to search for. */
    private List<Sample> load(int total, String big, int bigPercent, List<String> areas, List<String> destinations,
                              Random random) throws Exception {
        List<Sample> samples = new ArrayList<>();
        String sql = "COPY app.filing (id, application_serial, filing_number, idempotency_key, submitted_by, channel, review_mode, "
                + "status, person_id_number, person_name, insured_area_code, treatment_province, treatment_area_code, "
                + "insurance_type, filing_type, start_date, end_date, contact_name, contact_phone, contact_address, "
                + "notice_accepted_at, commitment_text, commitment_accepted_at, submitted_at) FROM STDIN";
        long firstSecond = LocalDate.of(2020, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.ofHours(8));
        long span = 6L * 365 * 86400;
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder out = new StringBuilder(1 << 24);
            int written = 0;
            int person = 0;
            while (written < total) {
                String area = random.nextInt(100) < bigPercent ? big : areas.get(1 + random.nextInt(areas.size() - 1));
                String id = idNumber(area, person++);
                String name = SURNAMES[skewed(random, SURNAMES.length)] + GIVEN[skewed(random, GIVEN.length)];
                String destination = destinations.get(random.nextInt(destinations.size()));
                String province = destination.substring(0, 2) + "0000";
                int count = 1 + random.nextInt(5);
                LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(60));
                for (int k = 0; k < count && written < total; k++, written++) {
                    String status = STATUS[weighted(random, STATUS_WEIGHT)];
                    boolean numbered = status.equals("OPENED") || status.equals("CLOSED");
                    String serial = "B" + String.format("%08d", 20200101 + k) + String.format("%09d", written);
                    String number = numbered ? "B" + area + String.format("%09d", written) : "\\N";
                    Instant submitted = Instant.ofEpochSecond(firstSecond + (long) (random.nextDouble() * span));
                    LocalDate end = start.plusDays(89);
                    out.append(UUID.randomUUID()).append('\t').append(serial).append('\t').append(number).append('\t')
                            .append("bench-").append(written).append('\t').append("clerks:bench\tLOCAL\tMANUAL\t").append(status)
                            .append('\t').append(id).append('\t').append(name).append('\t').append(area).append('\t')
                            .append(province).append('\t').append(destination).append('\t').append("EMPLOYEE\t")
                            .append(TYPE[weighted(random, TYPE_WEIGHT)]).append('\t').append(start).append('\t').append(end)
                            .append("\t联系人\t13800138000\t示例路 1 号\t").append(submitted).append("\t承诺\t").append(submitted)
                            .append('\t').append(submitted).append('\n');
                    if (area.equals(big) && numbered && random.nextInt(200) == 0) {
                        samples.add(new Sample(id, name, number, destination, province));
                    }
                    start = end.plusDays(1 + random.nextInt(30));
                }
                if (out.length() > (1 << 24) - 4096) {
                    copy.copyIn(sql, new StringReader(out.toString()));
                    out.setLength(0);
                }
            }
            copy.copyIn(sql, new StringReader(out.toString()));
        }
        assertThat(samples).isNotEmpty();
        return samples;
    }

    private static String idNumber(String area, int person) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(person % 25_000);
        String body = area + birth.toString().replace("-", "") + String.format("%03d", (person / 25_000) % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    /** An index where the first entries come far more often (a rough Zipf), as surnames and given names do. */
    private static int skewed(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * n));
    }

    private static int weighted(Random random, int[] weights) {
        int r = random.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static FilingStatus status(Random random) {
        return FilingStatus.values()[random.nextInt(FilingStatus.values().length)];
    }

    private static FilingType type(Random random) {
        return FilingType.values()[random.nextInt(FilingType.values().length)];
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static void row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s n=%5d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", label, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
