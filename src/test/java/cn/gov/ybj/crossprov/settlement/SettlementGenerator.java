package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.Money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic settlements for {@link SettlementBulkLoad}: N rows of a discharge month, spread evenly
 * over its days in discharge order, for the bulk-load benchmark and test and the coming
 * reconciliation benchmark (25 M rows a month). Everything is derived from (seed, month, row
 * index), so a row is the same whatever the number of streams, and two runs with the same seed
 * load the same data.
 *
 * <ul>
 *   <li><b>Insured side</b>: persons spread over the ~340 prefecture-level pooling areas of the
 *       GB/T 2260 divisions (plus the province-level-only units), each with a valid 18-digit ID
 *       number (area code, birth date, sequence, GB 11643 check digit), a name, 险种 and 人员类别
 *       (职工 60 %: 在职 35, 退休 20, 灵活就业 5; 居民 40 %: 城乡居民 35, 学生儿童 5).</li>
 *   <li><b>Medical side</b>: institutions in county-level divisions, weighted towards the usual
 *       destinations (北京 18 %, 上海 15 %, 广东 12 %, 浙江, 江苏 8 % …); a few large hospitals take
 *       most discharges; always in another province than the person's area (跨省).</li>
 *   <li><b>Amounts</b>: 3–6 fee categories, the in-scope total roughly log-normal (median ~11,000
 *       yuan), 0–15 % self-paid; a deductible by grade; {@code POOLING} at 60–90 % by person type
 *       up to its cap, {@code LARGE_AMOUNT} / {@code SERIOUS_ILLNESS} beyond — funds never above
 *       the in-scope amount; funds JSON as the upload writes it.</li>
 *   <li>Stays of 1–30 days, 3 % emergencies without a filing, 1–3 ICD-10 codes, time-ordered
 *       ids (UUID version 7 layout: the index's pages fill in order), settlement numbers
 *       {@code G<yyyyMM>-<index>} (unique per institution for ever).</li>
 * </ul>
 */
public final class SettlementGenerator {

    private static final String[] FAMILY = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国红梅志文玉兰金凤淑珍海燕春晓思源振宇"
            .split("");
    private static final String[] CATEGORIES = {"床位费", "诊察费", "检查费", "化验费", "治疗费", "手术费", "护理费",
            "卫生材料费", "西药费", "中成药费", "中草药费", "一般诊疗费"};
    private static final String[] DIAGNOSES = {"I21.900", "I63.900", "J18.900", "C34.900", "C16.900", "K35.800", "N18.500",
            "E11.900", "S72.000", "M17.900", "I25.100", "C50.900", "K80.100", "J44.100", "O80.000", "I10.X00"};
    /** destination provinces of cross-province inpatients and their weights (the rest share what is left) */
    private static final Map<String, Integer> DESTINATIONS = new LinkedHashMap<>();

    static {
        DESTINATIONS.put("11", 18);
        DESTINATIONS.put("31", 15);
        DESTINATIONS.put("44", 12);
        DESTINATIONS.put("33", 8);
        DESTINATIONS.put("32", 8);
        DESTINATIONS.put("51", 4);
        DESTINATIONS.put("42", 4);
        DESTINATIONS.put("37", 4);
        DESTINATIONS.put("12", 3);
        DESTINATIONS.put("50", 3);
        DESTINATIONS.put("61", 3);
    }

    private final long seed;
    private final int persons;
    private final List<String> areas;
    private final Institution[] institutions;

    record Institution(String code, String division, HospitalGrade grade) {
    }

    /**
     * @param persons      distinct insured persons the rows are spread over
     * @param institutions distinct institutions (a few large ones take most discharges)
     */
    public SettlementGenerator(long seed, int persons, int institutions) {
        this.seed = seed;
        this.persons = persons;
        List<String[]> divisions = divisions();
        List<String> cities = new ArrayList<>();
        Map<String, List<String>> countiesByProvince = new LinkedHashMap<>();
        java.util.Set<String> provincesWithCities = new java.util.HashSet<>();
        for (String[] d : divisions) {
            if (d[2].equals("2")) {
                cities.add(d[0]);
                provincesWithCities.add(d[0].substring(0, 2));
            } else if (d[2].equals("3")) {
                countiesByProvince.computeIfAbsent(d[0].substring(0, 2), k -> new ArrayList<>()).add(d[0]);
            }
        }
        for (String[] d : divisions) {
            if (d[2].equals("1") && !provincesWithCities.contains(d[0].substring(0, 2))) {
                cities.add(d[0]); // province-level-only units (北京, 上海 …) are one pooling area each
            }
        }
        this.areas = List.copyOf(cities);
        List<String> provinces = new ArrayList<>(countiesByProvince.keySet());
        List<String> rest = provinces.stream().filter(p -> !DESTINATIONS.containsKey(p)).toList();
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.institutions = new Institution[institutions];
        for (int i = 0; i < institutions; i++) {
            // a province by weight, then a county of it
            String province = null;
            int pick = r.nextInt(100);
            int acc = 0;
            for (Map.Entry<String, Integer> e : DESTINATIONS.entrySet()) {
                acc += e.getValue();
                if (pick < acc) {
                    province = e.getKey();
                    break;
                }
            }
            if (province == null) {
                province = rest.get(r.nextInt(rest.size()));
            }
            List<String> counties = countiesByProvince.getOrDefault(province, List.of(province + "0101"));
            String division = counties.get(r.nextInt(counties.size()));
            int g = r.nextInt(100);
            HospitalGrade grade = g < 70 ? HospitalGrade.GRADE_3 : g < 90 ? HospitalGrade.GRADE_2 : g < 95 ? HospitalGrade.GRADE_1
                    : HospitalGrade.UNGRADED;
            this.institutions[i] = new Institution(division + pad(i + 1, 7), division, grade);
        }
    }

    /** The pooling areas persons are insured in (GB/T 2260 codes). */
    public List<String> areas() {
        return areas;
    }

    /** {@code streams} iterators that together give rows 0 … n−1 of the month (contiguous slices). */
    public List<Iterator<SettlementBulkLoad.Row>> streams(YearMonth month, long n, int streams) {
        List<Iterator<SettlementBulkLoad.Row>> list = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            list.add(rows(month, n, n * s / streams, n * (s + 1) / streams));
        }
        return list;
    }

    /** Rows {@code from} … {@code to − 1} of the month's n rows. */
    public Iterator<SettlementBulkLoad.Row> rows(YearMonth month, long n, long from, long to) {
        return new Iterator<>() {
            long i = from;

            @Override
            public boolean hasNext() {
                return i < to;
            }

            @Override
            public SettlementBulkLoad.Row next() {
                if (i >= to) {
                    throw new NoSuchElementException();
                }
                return row(month, n, i++);
            }
        };
    }

    /** Row {@code i} of the month's n rows. */
    public SettlementBulkLoad.Row row(YearMonth month, long n, long i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + month.getYear() * 13L + month.getMonthValue() + i * 0x9E3779B97F4A7C15L);
        int days = month.lengthOfMonth();
        LocalDate discharge = month.atDay(1 + (int) (i * days / n));
        int stay = 1 + Math.min(29, (int) (-Math.log(1 - r.nextDouble()) * 8));
        LocalDate admission = discharge.minusDays(stay - 1);

        int p = r.nextInt(persons);
        String area = areas.get(p % areas.size());
        // a large hospital more often: index ~ K·u², never in the person's province
        Institution inst = null;
        for (int tries = 0; inst == null || inst.code().regionMatches(0, area, 0, 2); tries++) {
            if (tries == 100) {
                throw new IllegalStateException("no institution outside the province of " + area);
            }
            double u = r.nextDouble();
            inst = institutions[(int) (institutions.length * u * u)];
        }

        int kind = (int) Math.floorMod(mix(p), 100L);
        InsuranceType type = kind < 60 ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT;
        PersonType personType = kind < 35 ? PersonType.IN_SERVICE : kind < 55 ? PersonType.RETIRED
                : kind < 60 ? PersonType.FLEXIBLE_EMPLOYMENT : kind < 95 ? PersonType.RESIDENT : PersonType.STUDENT_CHILD;

        // fee lines: the in-scope total roughly log-normal, median ~11,000 yuan
        long inScopeTotal = Math.max(20_000, Math.min(200_000_000L, (long) (Math.exp(9.3 + 0.8 * r.nextGaussian()) * 100)));
        int lines = 3 + r.nextInt(4);
        List<FeeLine> fees = new ArrayList<>(lines);
        long left = inScopeTotal;
        long inScope = 0;
        int c0 = r.nextInt(CATEGORIES.length);
        for (int k = 0; k < lines; k++) {
            long part = k == lines - 1 ? left : left * (20 + r.nextInt(50)) / 100;
            left -= part;
            long self = r.nextInt(100) < 60 ? part * r.nextInt(16) / 100 : 0;
            fees.add(new FeeLine(CATEGORIES[(c0 + k * 5) % CATEGORIES.length], money(part), money(self)));
            inScope += part;
        }

        // deductible by grade, then the funds
        long deductible = Math.min(inScope, switch (inst.grade()) {
            case GRADE_3 -> type == InsuranceType.EMPLOYEE ? 130_000 : 100_000;
            case GRADE_2 -> 70_000;
            case GRADE_1 -> 40_000;
            case UNGRADED -> 30_000;
        });
        int percent = switch (personType) {
            case IN_SERVICE -> 85;
            case RETIRED -> 90;
            case FLEXIBLE_EMPLOYMENT -> 80;
            case RESIDENT -> 60;
            case STUDENT_CHILD -> 65;
        };
        long poolingBase = inScope - deductible;
        long poolingCap = type == InsuranceType.EMPLOYEE ? 30_000_000L : 25_000_000L;
        long pooling = Math.min(poolingCap, (poolingBase * percent + 50) / 100);
        List<SettlementBulkLoad.Fund> funds = new ArrayList<>(2);
        funds.add(new SettlementBulkLoad.Fund("POOLING", "统筹基金", money(poolingBase), money(pooling)));
        if (type == InsuranceType.EMPLOYEE) {
            // the part of the range above the pooling cap, at 85 %
            long coveredBase = pooling < poolingCap ? poolingBase : poolingCap * 100 / percent;
            long above = Math.max(0, poolingBase - coveredBase);
            funds.add(new SettlementBulkLoad.Fund("LARGE_AMOUNT", "大额医疗费用补助", money(above), money((above * 85 + 50) / 100)));
        } else {
            // the person's share above 20,000 yuan, at 60 %
            long share = inScope - pooling;
            long above = Math.max(0, share - 2_000_000L);
            funds.add(new SettlementBulkLoad.Fund("SERIOUS_ILLNESS", "城乡居民大病保险", money(share), money((above * 60 + 50) / 100)));
        }

        int codes = 1 + r.nextInt(3);
        List<String> diagnoses = new ArrayList<>(codes);
        int d0 = r.nextInt(DIAGNOSES.length);
        for (int k = 0; k < codes; k++) {
            diagnoses.add(DIAGNOSES[(d0 + k * 7) % DIAGNOSES.length]);
        }
        boolean emergency = r.nextInt(100) < 3;
        Instant created = discharge.atTime(8, 0).toInstant(ZoneOffset.ofHours(8)).plusSeconds(r.nextInt(10 * 3600));
        long millis = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + i;
        UUID id = new UUID((millis << 16) | 0x7000L | (r.nextLong() & 0x0FFFL), (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
        return new SettlementBulkLoad.Row(id, inst.code(), "G" + month.getYear() + pad(month.getMonthValue(), 2) + "-" + pad(i, 9),
                idNumber(p, area), name(p), area, inst.division(), inst.grade(), type, personType, LocalDate.of(2025, 1, 1),
                admission, discharge, emergency, emergency ? null : new UUID(mix(p), mix(p + 1L)), money(deductible), funds,
                fees, diagnoses, "provincial:service-account-hospital-" + inst.code(), created, null);
    }

    /** Person p's ID number: the area as address code, a birth date, a sequence, the check digit. */
    public String idNumber(int p, String area) {
        int q = p / areas.size();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(q % 25_000);
        String body = area + birth.getYear() + pad(birth.getMonthValue(), 2) + pad(birth.getDayOfMonth(), 2)
                + pad((q / 25_000) % 1000, 3);
        return body + check(body);
    }

    /** Person p's ID number. */
    public String idNumber(int p) {
        return idNumber(p, areas.get(p % areas.size()));
    }

    static String name(int p) {
        long h = mix(p * 7L + 3);
        String family = FAMILY[(int) Math.floorMod(h, (long) FAMILY.length)];
        String a = GIVEN[(int) Math.floorMod(h >>> 16, (long) GIVEN.length)];
        return (h & 1) == 0 ? family + a : family + a + GIVEN[(int) Math.floorMod(h >>> 32, (long) GIVEN.length)];
    }

    /** GB 11643 check character. */
    static char check(String body) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static Money money(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static List<String[]> divisions() {
        try (var in = SettlementGenerator.class.getClassLoader().getResourceAsStream("reference/divisions.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
