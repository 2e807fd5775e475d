package cn.gov.ybj.crossprov.insured;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates the DEMO registry {@code src/main/resources/reference/insured/demo-insurance-records.csv}:
 * fictitious persons with valid GB 11643 numbers, spread over the pooling areas that
 * {@code PoolingAreaSeed} creates from {@code reference/divisions.csv}, plus the fixed persons
 * the demo accounts and the tests rely on. Deterministic (fixed seed and reference date);
 * {@code DemoRegistryCsvTest} checks that the shipped file is exactly this output.
 *
 * <p>Regenerate: {@code ./mvnw -o test-compile && java -cp target/test-classes:target/classes
 * cn.gov.ybj.crossprov.insured.DemoRegistryGenerator}
 */
public final class DemoRegistryGenerator {

    static final Path TARGET = Path.of("src/main/resources/reference/insured/demo-insurance-records.csv");
    static final long SEED = 20260101L;
    static final int RANDOM_PERSONS = 3000;
    /** "today" of the generated data, so the output does not depend on the day it runs */
    static final YearMonth AS_OF = YearMonth.of(2026, 1);
    private static final Set<String> PROVINCE_LEVEL_ONLY = Set.of("11", "12", "31", "50", "46", "54", "66");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] MALE = ("伟 强 磊 军 洋 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 峰 建国 建华 志强 志明 海涛 晓东 文博 子轩 浩然 宇航 俊杰 国庆 卫东 振华 德明 永刚 家豪 天佑 思远").split(" ");
    private static final String[] FEMALE = ("芳 娜 敏 静 丽 艳 娟 霞 秀英 桂英 玉兰 婷 雪 慧 莹 琳 倩 颖 洁 玲 萍 红 燕 丹 晶 欣怡 梓涵 雨桐 思琪 佳怡 淑珍 秀兰 美玲 丽华 晓燕 海燕 春梅 雅静 诗涵 梦瑶").split(" ");
    private static final String[] TRADES = ("科技 商贸 建设工程 物流 机械制造 食品 医药 信息技术 电子 纺织 旅游 文化传媒 农业发展 能源 环保 物业服务 汽车销售 餐饮管理 教育咨询 建材").split(" ");
    private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司"};

    /** person of the file; periods encoded as in the import */
    record Person(String id, String name, String sex, LocalDate birth, String area, String type, String personType,
                  String status, String employer, String periods) {
        String csv() {
            return String.join(",", id, name, sex, birth.toString(), area, type, personType, status,
                    employer == null ? "" : employer, periods, mobileOf(id));
        }
    }

    private DemoRegistryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(TARGET, generate(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + TARGET);
    }

    /** 预留手机号: derived from the ID number, so the random stream (and every other column) stays as it was. */
    static String mobileOf(String id) {
        if (id.equals(NO_MOBILE)) {
            return "";
        }
        long h = Math.floorMod((long) id.hashCode() * 2654435761L, 1_000_000_000L);
        return "1" + (3 + Math.floorMod(id.hashCode(), 7)) + String.format("%09d", h);
    }

    /** 周强 (终止参保): a person the registry holds no mobile number for, to bind only at the counter */
    static final String NO_MOBILE = withCheck("11010819681120013");

    /** The ID number with its check character, from the first 17 characters. */
    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }

    /** Persons every demo account, screen and test relies on (never random). */
    static List<Person> fixedPersons() {
        return List.of(
                // the four demo accounts of keycloak-realm/insured-realm.json
                new Person("110105195803120029", "张伟", "F", LocalDate.of(1958, 3, 12), "110105", "EMPLOYEE", "RETIRED", "NORMAL",
                        "北京朝阳演示纺织有限公司", "110105:EMPLOYEE:1999-01~2013-03"),
                new Person("11010819850607441X", "刘洋", "M", LocalDate.of(1985, 6, 7), "110108", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "北京海淀演示信息技术有限公司", "110108:EMPLOYEE:2007-07~"),
                new Person("350203196209151238", "陈静", "M", LocalDate.of(1962, 9, 15), "350200", "EMPLOYEE", "RETIRED", "NORMAL",
                        "厦门演示机械制造股份有限公司", "350200:EMPLOYEE:1999-01~2022-09"),
                new Person("350206199001015563", "林芳", "F", LocalDate.of(1990, 1, 1), "350200", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "厦门演示旅游有限公司", "350200:EMPLOYEE:2012-07~"),
                // 张伟's family members (pre-linked by the demo loader)
                new Person(withCheck("11010519560708003"), "李建华", "M", LocalDate.of(1956, 7, 8), "110105", "EMPLOYEE", "RETIRED", "NORMAL",
                        "北京朝阳演示建设工程有限公司", "110105:EMPLOYEE:1999-01~2016-07"),
                new Person(withCheck("11010519860214004"), "李娜", "F", LocalDate.of(1986, 2, 14), "110105", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "北京朝阳演示文化传媒有限公司", "110105:EMPLOYEE:2008-09~"),
                // for tests: suspended, insured in another area than the ID suggests, terminated, resident insurance
                new Person(withCheck("11010519700301011"), "王建国", "M", LocalDate.of(1970, 3, 1), "110105", "EMPLOYEE", "IN_SERVICE", "SUSPENDED",
                        "北京朝阳演示物流有限公司", "110105:EMPLOYEE:1999-01~2024-06"),
                new Person(withCheck("11010519750816012"), "孙丽", "F", LocalDate.of(1975, 8, 16), "350200", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "厦门演示电子有限公司", "110105:EMPLOYEE:1997-07~2015-12;350200:EMPLOYEE:2016-01~"),
                new Person(withCheck("11010819681120013"), "周强", "M", LocalDate.of(1968, 11, 20), "110108", "EMPLOYEE", "IN_SERVICE", "TERMINATED",
                        "北京海淀演示商贸有限公司", "110108:EMPLOYEE:1999-01~2023-12"),
                new Person(withCheck("11010519920405014"), "赵敏", "F", LocalDate.of(1992, 4, 5), "110105", "RESIDENT", "RESIDENT", "NORMAL",
                        "", "110105:RESIDENT:2010-01~"),
                // 医疗保险关系转移接续 between 北京市朝阳区 110105 and 厦门市 350200 (balances and arrears in
                // demo-insurance-accounts.csv): moved from 厦门 to 朝阳; moved from 朝阳 to 厦门 with 2018-04
                // paid in both; only ever in 朝阳; only ever in 厦门; 欠费 (a transfer is refused); 城乡居民
                new Person(withCheck("35020319840521015"), "黄志明", "M", LocalDate.of(1984, 5, 21), "110105", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "北京朝阳演示科技有限公司", "350200:EMPLOYEE:2012-03~2016-08;110105:EMPLOYEE:2016-09~"),
                new Person(withCheck("11010519871003026"), "郑丽华", "F", LocalDate.of(1987, 10, 3), "350200", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "厦门演示信息技术有限公司", "110105:EMPLOYEE:2009-07~2018-04;350200:EMPLOYEE:2018-04~"),
                new Person(withCheck("11010519820115037"), "吴海涛", "M", LocalDate.of(1982, 1, 15), "110105", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "北京朝阳演示医药有限公司", "110105:EMPLOYEE:2010-01~"),
                new Person(withCheck("35020619920318048"), "许晓燕", "F", LocalDate.of(1992, 3, 18), "350200", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "厦门演示食品有限公司", "350200:EMPLOYEE:2014-09~"),
                new Person(withCheck("11010519790612059"), "杨建军", "M", LocalDate.of(1979, 6, 12), "110105", "EMPLOYEE", "IN_SERVICE", "NORMAL",
                        "北京朝阳演示建材有限公司", "110105:EMPLOYEE:2005-03~"),
                new Person(withCheck("11010519651130062"), "钱秀兰", "F", LocalDate.of(1965, 11, 30), "350200", "RESIDENT", "RESIDENT", "NORMAL",
                        "", "110105:RESIDENT:2011-01~2019-12;350200:RESIDENT:2020-01~"));
    }

    static String generate() throws IOException {
        Map<String, List<String>> prefixes = poolingAreaPrefixes();
        Map<String, String> shortNames = shortNames();
        List<String> areas = new ArrayList<>(prefixes.keySet());
        Random random = new Random(SEED);
        Set<String> ids = new HashSet<>();
        StringBuilder out = new StringBuilder();
        out.append("# DEMO DATA - fictitious persons for the local run and the tests, NOT a real registry.\n");
        out.append("# Generated by src/test/java/cn/gov/ybj/crossprov/insured/DemoRegistryGenerator.java (seed ")
                .append(SEED).append("); do not edit by hand.\n");
        out.append(InsuranceRegistryImport.HEADER).append('\n');
        for (Person p : fixedPersons()) {
            ids.add(p.id());
            out.append(p.csv()).append('\n');
        }
        for (int i = 0; i < RANDOM_PERSONS; i++) {
            // the demo areas get more people, the rest spread over the whole country
            int pick = random.nextInt(100);
            String area = pick < 6 ? "110105" : pick < 10 ? "110108" : pick < 16 ? "350200" : pick < 19 ? "110000"
                    : areas.get(random.nextInt(areas.size()));
            out.append(randomPerson(random, area, prefixes, shortNames, areas, ids).csv()).append('\n');
        }
        return out.toString();
    }

    private static Person randomPerson(Random random, String area, Map<String, List<String>> prefixes,
                                       Map<String, String> shortNames, List<String> areas, Set<String> ids) {
        boolean male = random.nextBoolean();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80));
        List<String> candidates = prefixes.get(area);
        String id;
        do {
            int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
            id = withCheck(candidates.get(random.nextInt(candidates.size()))
                    + birth.toString().replace("-", "") + String.format("%03d", seq));
        } while (!ids.add(id));
        String name = SURNAMES[weighted(random, SURNAMES.length)]
                + (male ? MALE[random.nextInt(MALE.length)] : FEMALE[random.nextInt(FEMALE.length)]);
        int age = AS_OF.getYear() - birth.getYear();
        String type;
        String personType;
        if (age < 18) {
            type = "RESIDENT";
            personType = "STUDENT_CHILD";
        } else if (random.nextInt(100) < (age >= 60 ? 55 : 65)) {
            type = "EMPLOYEE";
            personType = age >= (male ? 60 : 55) ? "RETIRED" : random.nextInt(10) == 0 ? "FLEXIBLE_EMPLOYMENT" : "IN_SERVICE";
        } else {
            type = "RESIDENT";
            personType = "RESIDENT";
        }
        int s = random.nextInt(100);
        String status = s < 90 ? "NORMAL" : s < 96 ? "SUSPENDED" : "TERMINATED";
        String employer = null;
        if ("IN_SERVICE".equals(personType) || "RETIRED".equals(personType)) {
            employer = shortNames.get(area) + "演示" + TRADES[random.nextInt(TRADES.length)] + FORMS[random.nextInt(FORMS.length)];
        }
        return new Person(id, name, male ? "M" : "F", birth, area, type, personType, status, employer,
                periods(random, birth, male, area, type, personType, status, areas));
    }

    private static String periods(Random random, LocalDate birth, boolean male, String area, String type, String personType,
                                  String status, List<String> areas) {
        YearMonth born = YearMonth.from(birth);
        YearMonth start = "EMPLOYEE".equals(type) ? max(born.plusYears(20 + random.nextInt(6)), YearMonth.of(1999, 1))
                : max(born, YearMonth.of(2008, 1)).plusMonths(random.nextInt(24));
        if (start.isAfter(AS_OF.minusMonths(1))) {
            start = AS_OF.minusMonths(1);
        }
        YearMonth end = null;
        if ("RETIRED".equals(personType)) {
            end = min(born.plusYears(male ? 60 : 55), AS_OF.minusMonths(1));
        }
        if (!"NORMAL".equals(status)) {
            YearMonth stop = AS_OF.minusMonths(1 + random.nextInt(24));
            end = end == null ? stop : min(end, stop);
        }
        if (end != null && end.isBefore(start)) {
            end = start;
        }
        List<String> parts = new ArrayList<>();
        // some employees moved: an earlier period in another area
        long span = java.time.temporal.ChronoUnit.MONTHS.between(start, end == null ? AS_OF : end);
        if ("EMPLOYEE".equals(type) && span > 48 && random.nextInt(100) < 15) {
            YearMonth moved = start.plusMonths(12 + random.nextInt((int) span - 24));
            String before = areas.get(random.nextInt(areas.size()));
            if (!before.equals(area)) {
                parts.add(before + ":" + type + ":" + start + "~" + moved.minusMonths(1));
                start = moved;
            }
        }
        parts.add(area + ":" + type + ":" + start + "~" + (end == null ? "" : end.toString()));
        return String.join(";", parts);
    }

    /** common surnames first: a rough Zipf-like weighting */
    private static int weighted(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * n));
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<String[]> divisions() throws IOException {
        try (InputStream in = DemoRegistryGenerator.class.getResourceAsStream("/reference/divisions.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("code,")) {
                    rows.add(line.trim().split(",", -1));
                }
            }
            return rows;
        }
    }

    /** Pooling area (as PoolingAreaSeed creates them) -> county codes usable as ID prefixes. */
    static Map<String, List<String>> poolingAreaPrefixes() throws IOException {
        List<String[]> rows = divisions();
        Map<String, List<String>> areas = new TreeMap<>();
        for (String[] r : rows) {
            boolean area = "2".equals(r[2]) || ("1".equals(r[2]) && PROVINCE_LEVEL_ONLY.contains(r[0].substring(0, 2)))
                    || "110105".equals(r[0]) || "110108".equals(r[0]);
            if (area) {
                areas.put(r[0], new ArrayList<>());
            }
        }
        for (String[] r : rows) {
            if ("3".equals(r[2]) && areas.containsKey(r[3])) {
                areas.get(r[3]).add(r[0]);
            }
        }
        areas.get("110105").add("110105");
        areas.get("110108").add("110108");
        areas.forEach((code, counties) -> {
            if (counties.isEmpty()) {
                counties.add(code);
            }
        });
        return areas;
    }

    /** e.g. 厦门 for 350200, 北京朝阳 for 110105: used in demo employer names */
    private static Map<String, String> shortNames() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] r : divisions()) {
            names.put(r[0], r[5].replaceAll("(省|市|自治区|壮族|回族|维吾尔|特别行政区|地区|自治州|盟|区)", ""));
        }
        return names;
    }
}
