package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.clearing.ClearingTestData;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.RegionCode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 预付金 on PostgreSQL through the REST API as the officers use it: the year's quotas from last year's
 * confirmed clearing (once, also under two runs at the same moment; each quota two months of the pair's
 * amounts, to the fen); a confirmed month's usage and warning per pair against an independent reckoning;
 * a red pair's top-up from the application through the centre's adjusted approval, 附件5, the paying
 * province's finance and the arrival to a larger prepayment; a suspension refused while nothing is
 * overdue, requested once a clearing transfer is, decided, in force for the paying province only, and
 * resumed; the first year from the provinces' reports (第十七条, 附件2/3) through each province's hand-over,
 * transfer and arrival (第十九条), with a suspension for a late transfer. Each step refused to the wrong
 * province, role or unit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PrepaymentIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Suspensions suspensions;

    static RequestPostProcessor officer(String group, String... roles) {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("preferred_username", "pp-" + group + "-" + roles[1])
                        .claim("groups", List.of(group)).claim("roles", List.of(roles)))
                .authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));
    }

    static final RequestPostProcessor CENTRE = officer("national-centre", "officer", "prepayment");
    static final RequestPostProcessor CENTRE_CLEARING = officer("national-centre", "officer", "clearing");

    static RequestPostProcessor as(String province, String role) {
        return officer("province-" + province, "officer", role);
    }

    MvcResult call(MockHttpServletRequestBuilder request, RequestPostProcessor token) throws Exception {
        return mvc.perform(request.with(token)).andReturn();
    }

    JsonNode ok(MockHttpServletRequestBuilder request, RequestPostProcessor token) throws Exception {
        MvcResult r = call(request, token);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return JSON.readTree(body);
    }

    int status(MockHttpServletRequestBuilder request, RequestPostProcessor token) throws Exception {
        return call(request, token).getResponse().getStatus();
    }

    static MockHttpServletRequestBuilder json(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** generated settlements of the month, its case started by the centre, every province confirming */
    void clearMonth(YearMonth month, String tag, int n) throws Exception {
        ClearingTestData.insert(jdbc, month, tag, n);
        ok(post("/api/clearing/" + month + "/case"), CENTRE_CLEARING);
        for (JsonNode p : ok(get("/api/clearing/" + month), CENTRE_CLEARING).path("provinces")) {
            if (p.path("status").asText().equals("PENDING")) {
                String code = p.path("province").asText();
                for (JsonNode t : ok(get("/api/clearing/tasks"), as(code, "clearing"))) {
                    if (t.path("month").asText().equals(month.toString()) && t.path("kind").asText().equals("CONFIRM_TABLES")) {
                        ok(post("/api/clearing/tasks/" + t.path("taskId").asText() + "/confirmation"), as(code, "clearing"));
                    }
                }
            }
        }
        assertThat(ok(get("/api/clearing/" + month), CENTRE_CLEARING).path("status").asText()).isEqualTo("NOTICES_PUBLISHED");
    }

    /** 附件7's cells of the month: "payer/receiver" → amount */
    Map<String, BigDecimal> cells(YearMonth month) throws Exception {
        Map<String, BigDecimal> cells = new HashMap<>();
        for (JsonNode c : ok(get("/api/clearing/" + month + "/matrix"), CENTRE_CLEARING).path("cells")) {
            BigDecimal amount = c.path("amount").decimalValue();
            if (amount.signum() > 0) {
                cells.put(c.path("payingProvince").asText() + "/" + c.path("receivingProvince").asText(), amount);
            }
        }
        return cells;
    }

    static Map<String, JsonNode> pairs(JsonNode year) {
        Map<String, JsonNode> pairs = new HashMap<>();
        year.path("pairs").forEach(p -> pairs.put(p.path("payingProvince").asText() + "/" + p.path("receivingProvince").asText(), p));
        return pairs;
    }

    String task(String province, String role, String step, String topUpId) throws Exception {
        for (JsonNode t : ok(get("/api/prepayment/tasks"), as(province, role))) {
            if (t.path("step").asText().equals(step) && t.path("topUpId").asText().equals(topUpId)) {
                return t.path("taskId").asText();
            }
        }
        throw new AssertionError(step + " of " + topUpId + " for " + province + " " + role);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
    }

    @Test
    void aYearFromItsQuotasThroughARedWarningsTopUpToASuspension() throws Exception {
        clearMonth(YearMonth.of(2024, 5), "PPB2405", 1_200);
        Map<String, BigDecimal> basis = cells(YearMonth.of(2024, 5));

        // 第十八条: only the centre's prepayment officers, once a year — also two runs at the same moment
        assertThat(status(post("/api/prepayment/2025/run"), as("110000", "prepayment"))).isEqualTo(403);
        assertThat(status(post("/api/prepayment/2025/run"), CENTRE_CLEARING)).isEqualTo(403);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(two.submit(() -> status(post("/api/prepayment/2025/run"), CENTRE)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : runs) {
            statuses.add(f.get());
        }
        two.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        MvcResult again = call(post("/api/prepayment/2025/run"), CENTRE);
        assertThat(again.getResponse().getStatus()).isEqualTo(422);
        assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已核定，不能重复核定");
        assertThat(status(get("/api/prepayment/2024"), CENTRE)).isEqualTo(404);

        // each pair's quota: two months of its 2024 amounts (the only month cleared), to the fen
        Map<String, JsonNode> quotas = pairs(ok(get("/api/prepayment/2025"), CENTRE));
        assertThat(quotas.keySet()).isEqualTo(basis.keySet());
        basis.forEach((key, amount) -> {
            JsonNode p = quotas.get(key);
            assertThat(p.path("basis").decimalValue()).as(key).isEqualByComparingTo(amount);
            assertThat(p.path("quota").decimalValue()).as(key)
                    .isEqualByComparingTo(amount.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP));
            assertThat(p.path("previousQuota").decimalValue()).isZero();
            assertThat(p.path("warning").asText()).isEqualTo("NONE");
        });
        // the year's pairs as Excel (万元, numbers) and a payer's 附件4-1, read back
        String someKey = basis.keySet().iterator().next();
        JsonNode some = quotas.get(someKey);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(call(get("/api/prepayment/2025/pairs.xlsx"), CENTRE).getResponse().getContentAsByteArray()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            int header = 0;
            while (!rows.get(header).getCellText(0).equals("付款省（参保地）")) {
                header++;
            }
            assertThat(rows.get(header).getCellText(3)).isEqualTo("本年核定额度");
            assertThat(rows).hasSize(header + 1 + quotas.size());
            BigDecimal sum = BigDecimal.ZERO;
            for (org.dhatim.fastexcel.reader.Row r : rows.subList(header + 1, rows.size())) {
                sum = sum.add(r.getCellAsNumber(3).orElseThrow());
            }
            BigDecimal expected = quotas.values().stream().map(p -> p.path("quota").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.multiply(BigDecimal.valueOf(10_000))).as("万元 × 10,000 = yuan").isEqualByComparingTo(expected);
        }
        // 附件4: 划入 rows × 划出 columns, its grand total the quotas' sum; the centre's only
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(call(get("/api/prepayment/2025/matrix.xlsx"), CENTRE).getResponse().getContentAsByteArray()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            org.dhatim.fastexcel.reader.Row totals = rows.get(rows.size() - 1);
            assertThat(totals.getCellText(0)).isEqualTo("合计");
            BigDecimal grand = totals.getCellAsNumber(totals.getCellCount() - 1).orElseThrow();
            BigDecimal expected = quotas.values().stream().map(p -> p.path("quota").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(grand.multiply(BigDecimal.valueOf(10_000))).isEqualByComparingTo(expected);
            assertThat(rows.stream().anyMatch(r -> r.getCellText(0).equals("预付金划入 \\ 划出"))).isTrue();
        }
        assertThat(status(get("/api/prepayment/2025/matrix.xlsx"), as("110000", "prepayment"))).isEqualTo(403);
        String annex4 = pdfText(call(get("/api/prepayment/2025/matrix.pdf"), CENTRE).getResponse().getContentAsByteArray());
        BigDecimal quotaSum = quotas.values().stream().map(p -> p.path("quota").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(annex4).contains("全国跨省异地就医费用预付金明细表", "年度：2025 年", "单位：万元",
                "合计 ", PrepaymentDocuments.wan(new cn.gov.ybj.crossprov.shared.Money(quotaSum)));
        String payer0 = some.path("payingProvince").asText();
        MvcResult notice = call(get("/api/prepayment/2025/provinces/" + payer0 + "/notices/payment.pdf"), as(payer0, "finance"));
        assertThat(notice.getResponse().getStatus()).isEqualTo(200);
        String noticeText;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(notice.getResponse().getContentAsByteArray())) {
            noticeText = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replace("\n", " ");
        }
        assertThat(noticeText).contains("跨省异地就医预付金额度调整付款通知书", "上年额度（1）", "本年核定额度（2）", "实际划款额度（3=2-1）",
                some.path("receivingName").asText(), PrepaymentDocuments.wan(new cn.gov.ybj.crossprov.shared.Money(some.path("quota").decimalValue())), "注：上年额度指部级经办机构核定的上年度预付金额（含紧急调整额度）");
        String stranger = ClearingTestData.PROVINCES.stream().filter(p -> !p.equals(payer0)).findFirst().orElseThrow();
        assertThat(status(get("/api/prepayment/2025/provinces/" + payer0 + "/notices/payment.pdf"), as(stranger, "finance"))).isEqualTo(403);
        assertThat(status(get("/api/prepayment/2025/provinces/" + payer0 + "/notices/other.pdf"), CENTRE)).isEqualTo(400);

        // nothing for anyone but officers
        RequestPostProcessor insured = jwt().jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", "chenjing"))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
        RequestPostProcessor clerk = jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", "cy-reviewer")
                        .claim("groups", List.of("area-110105")).claim("roles", List.of("reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
        for (String url : List.of("/api/prepayment/2025", "/api/prepayment/2025/top-ups", "/api/prepayment/suspensions",
                "/api/prepayment/2025/pairs.xlsx")) {
            assertThat(status(get(url), insured)).as(url).isEqualTo(403);
            assertThat(status(get(url), clerk)).as(url).isEqualTo(403);
            assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(401);
        }
        assertThat(ok(get("/api/prepayment/tasks"), insured)).isEmpty();

        // a province sees the pairs it pays or receives in, nothing else
        JsonNode beijing = ok(get("/api/prepayment/2025"), as("110000", "prepayment"));
        assertThat(beijing.path("pairs").size()).isPositive().isLessThan(quotas.size());
        beijing.path("pairs").forEach(p -> assertThat(List.of(p.path("payingProvince").asText(), p.path("receivingProvince").asText()))
                .contains("110000"));

        // 第二十条: a month of 2025 confirmed — each pair's usage against its prepayment, exactly
        YearMonth february = YearMonth.of(2025, 2);
        clearMonth(february, "PPU2502", 170);
        Map<String, BigDecimal> used = cells(february);
        Map<String, JsonNode> pairs = pairs(ok(get("/api/prepayment/2025"), CENTRE));
        List<String> red = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : used.entrySet()) {
            JsonNode p = pairs.get(e.getKey());
            if (p == null) {
                continue; // no prepayment for the pair: not measured
            }
            BigDecimal prepayment = p.path("prepayment").decimalValue();
            BigDecimal ratio = e.getValue().divide(prepayment, 12, RoundingMode.HALF_UP);
            String expected = ratio.compareTo(new BigDecimal("0.9")) >= 0 ? "RED" : ratio.compareTo(new BigDecimal("0.7")) >= 0 ? "YELLOW" : "NONE";
            assertThat(p.path("usageMonth").asText()).isEqualTo("2025-02");
            assertThat(p.path("usageAmount").decimalValue()).isEqualByComparingTo(e.getValue());
            assertThat(p.path("usage").decimalValue()).isEqualByComparingTo(ratio.setScale(4, RoundingMode.HALF_UP));
            assertThat(p.path("warning").asText()).as(e.getKey() + " at " + ratio).isEqualTo(expected);
            if (expected.equals("RED")) {
                red.add(e.getKey());
            }
        }
        assertThat(red).as("the generated month has red pairs").isNotEmpty();
        // a red pair has its top-up opened for the receiving province; no other pair has one
        Map<String, JsonNode> topUps = new HashMap<>();
        for (JsonNode t : ok(get("/api/prepayment/2025/top-ups"), CENTRE)) {
            topUps.put(t.path("payingProvince").asText() + "/" + t.path("receivingProvince").asText(), t);
        }
        assertThat(topUps.keySet()).containsExactlyInAnyOrderElementsOf(red);
        topUps.values().forEach(t -> assertThat(t.path("status").asText()).isEqualTo("TO_APPLY"));

        // 第二十一–二十三条: one red pair's top-up
        String key = red.get(0);
        String payer = key.split("/")[0];
        String receiver = key.split("/")[1];
        String other = ClearingTestData.PROVINCES.stream().filter(p -> !p.equals(payer) && !p.equals(receiver)).findFirst().orElseThrow();
        String topUpId = topUps.get(key).path("id").asText();
        String apply = "/api/prepayment/tasks/" + task(receiver, "prepayment", "APPLY", topUpId) + "/application";
        assertThat(status(json(apply, "{\"amount\":500000,\"reason\":\"使用率红色预警\"}"), as(payer, "prepayment"))).isEqualTo(404);
        assertThat(status(json(apply, "{\"amount\":500000,\"reason\":\"使用率红色预警\"}"), as(receiver, "finance"))).isEqualTo(404);
        for (String bad : List.of("0", "-5", "1.234", "20000000000")) {
            MvcResult r = call(json(apply, "{\"amount\":" + bad + ",\"reason\":\"使用率红色预警\"}"), as(receiver, "prepayment"));
            assertThat(r.getResponse().getStatus()).as(bad).isEqualTo(422);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("调增金额应为大于 0 的金额");
        }
        assertThat(status(json(apply, "{\"amount\":500000,\"reason\":\"  \"}"), as(receiver, "prepayment"))).isEqualTo(422);
        JsonNode applied = ok(json(apply, "{\"amount\":500000.00,\"reason\":\"2025年2月使用率超过90%\"}"), as(receiver, "prepayment"));
        assertThat(applied.path("status").asText()).isEqualTo("APPLIED");
        assertThat(status(get("/api/prepayment/top-ups/" + topUpId + "/notice.pdf"), as(payer, "finance"))).as("not approved yet").isEqualTo(422);

        String review = "/api/prepayment/tasks/" + task("000000", "prepayment", "REVIEW", topUpId) + "/review";
        assertThat(status(json(review, "{\"approve\":true}"), as(receiver, "prepayment"))).isEqualTo(404);
        assertThat(status(json(review, "{\"approve\":false,\"note\":\"\"}"), CENTRE)).as("a refusal needs a note").isEqualTo(422);
        JsonNode approved = ok(json(review, "{\"approve\":true,\"amount\":450000.00,\"note\":\"按审核额度调增\"}"), CENTRE);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("approved").decimalValue()).isEqualByComparingTo("450000.00");

        // 附件5 for the paying province (and the receiving one, and the centre), not for a third
        MvcResult pdf = call(get("/api/prepayment/top-ups/" + topUpId + "/notice.pdf"), as(payer, "finance"));
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(d).replace("\n", "");
        }
        assertThat(text).contains("跨省异地就医预付金额度紧急调增通知书", "的紧急调增申请", "人社部发〔2016〕120 号", "补充拨付", "45.00 万元", "预付金年度：2025 年");
        assertThat(status(get("/api/prepayment/top-ups/" + topUpId + "/notice.pdf"), as(other, "prepayment"))).isEqualTo(404);

        // the paying province's finance, then the receiving province's report of the arrival
        for (String step : List.of("HAND_OVER", "TRANSFER", "FEEDBACK")) {
            String done = "/api/prepayment/tasks/" + task(payer, "finance", step, topUpId) + "/completion";
            assertThat(status(post(done), as(receiver, "finance"))).isEqualTo(404);
            assertThat(status(post(done), as(payer, "prepayment"))).isEqualTo(404);
            ok(json(done, "{\"note\":\"凭证 " + step + "\"}"), as(payer, "finance"));
        }
        ok(post("/api/prepayment/tasks/" + task(receiver, "prepayment", "REPORT", topUpId) + "/completion"), as(receiver, "prepayment"));
        JsonNode arrived = null;
        for (JsonNode t : ok(get("/api/prepayment/2025/top-ups"), as(receiver, "prepayment"))) {
            if (t.path("id").asText().equals(topUpId)) {
                arrived = t;
            }
        }
        assertThat(arrived.path("status").asText()).isEqualTo("ARRIVED");
        assertThat(arrived.path("steps")).hasSize(6).allSatisfy(s -> assertThat(s.path("doneAt").isNull()).isFalse());
        JsonNode pair = pairs(ok(get("/api/prepayment/2025"), as(payer, "prepayment"))).get(key);
        assertThat(pair.path("topUps").decimalValue()).isEqualByComparingTo("450000.00");
        assertThat(pair.path("prepayment").decimalValue()).isEqualByComparingTo(pair.path("quota").decimalValue().add(new BigDecimal("450000.00")));

        // 第二十四条: nothing overdue yet — refused; February's clearing transfer of the payer overdue — requested
        String request = "{\"payingProvince\":\"" + payer + "\",\"cause\":\"CLEARING\",\"reason\":\"清算资金逾期未到账\"}";
        MvcResult early = call(json("/api/prepayment/suspensions", request), as(receiver, "prepayment"));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(early.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("没有逾期");
        assertThat(jdbc.sql("""
                UPDATE app.clearing_finance_step SET due = opened_at + interval '1 microsecond'
                WHERE province_code = :payer AND step = 'HAND_OVER'
                  AND clearing_month_id = (SELECT id FROM app.clearing_month WHERE month = '2025-02-01')""")
                .param("payer", payer).update()).isEqualTo(1);
        assertThat(ok(get("/api/prepayment/overdue"), as(receiver, "prepayment"))).anySatisfy(o -> {
            assertThat(o.path("cause").asText()).isEqualTo("CLEARING");
            assertThat(o.path("period").asText()).isEqualTo("2025-02");
            assertThat(o.path("payingProvince").asText()).isEqualTo(payer);
        });
        assertThat(status(json("/api/prepayment/suspensions", request), as(receiver, "finance"))).as("the prepayment role").isEqualTo(403);
        JsonNode requested = ok(json("/api/prepayment/suspensions", request), as(receiver, "prepayment"));
        assertThat(requested.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(status(json("/api/prepayment/suspensions", request), as(receiver, "prepayment"))).as("one open per pair").isEqualTo(422);
        String id = requested.path("id").asText();
        assertThat(ok(get("/api/prepayment/suspensions"), as(payer, "finance")).findValuesAsText("id")).contains(id);
        assertThat(ok(get("/api/prepayment/suspensions"), as(other, "prepayment")).findValuesAsText("id")).doesNotContain(id);
        assertThat(status(json("/api/prepayment/suspensions/" + id + "/decision", "{\"suspend\":true}"), as(receiver, "prepayment"))).isEqualTo(403);

        JsonNode decided = ok(json("/api/prepayment/suspensions/" + id + "/decision", "{\"suspend\":true,\"note\":\"督促拨付\"}"), CENTRE);
        LocalDate today = ChinaTime.today();
        assertThat(decided.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(decided.path("suspendedFrom").asText()).isEqualTo(today.toString());
        assertThat(suspensions.suspended(RegionCode.of(payer), today)).isTrue();
        assertThat(suspensions.suspended(RegionCode.of(payer), today.minusDays(1))).as("discharged before").isFalse();
        assertThat(suspensions.suspended(RegionCode.of(receiver), today)).isFalse();
        assertThat(status(json("/api/prepayment/suspensions/" + id + "/decision", "{\"suspend\":false}"), CENTRE)).isEqualTo(422);

        JsonNode resumed = ok(post("/api/prepayment/suspensions/" + id + "/resumption"), CENTRE);
        assertThat(resumed.path("status").asText()).isEqualTo("RESUMED");
        assertThat(resumed.path("resumedBy").asText()).isEqualTo("provincial:pp-national-centre-prepayment");
        assertThat(suspensions.suspended(RegionCode.of(payer), today)).isFalse();
        assertThat(status(post("/api/prepayment/suspensions/not-an-id/resumption"), CENTRE)).isEqualTo(404);
    }

    /** the officer's open year-finance task of the step, or null */
    String financeTask(String province, String step) throws Exception {
        for (JsonNode t : ok(get("/api/prepayment/finance-tasks"), as(province, "finance"))) {
            if (t.path("step").asText().equals(step) && t.path("year").asInt() == 2019 && t.path("province").asText().equals(province)) {
                return t.path("taskId").asText();
            }
        }
        return null;
    }

    void completeFinance(String province, String step) throws Exception {
        String task = financeTask(province, step);
        assertThat(task).as(step + " of " + province).isNotNull();
        ok(json("/api/prepayment/finance-tasks/" + task + "/completion", "{\"note\":\"凭证 2019-" + province + "\"}"), as(province, "finance"));
    }

    /**
     * 第十七条 and 第十九条: the provinces report the first year's quotas, the centre confirms them (附件2/3), and
     * the money moves — each province hands over, the ones that owe transfer, the ones owed confirm once all
     * owing them have; a late transfer lets the province owed request a suspension (第二十四条).
     */
    @Test
    void theFirstYearFromTheProvincesReportsThroughTheTransfers() throws Exception {
        String fujian = "350000";
        String beijing = "110000";
        String shanghai = "310000";
        String url = "/api/prepayment/2019/initial";
        assertThat(status(json(url, "{\"amounts\":{\"110000\":1200000.00}}"), CENTRE)).as("the centre reports nothing").isEqualTo(403);
        assertThat(status(json(url, "{\"amounts\":{\"110000\":1200000.00}}"), as(fujian, "clearing"))).isEqualTo(403);
        for (String bad : List.of("{\"amounts\":{\"999999\":100.00}}", "{\"amounts\":{\"350000\":100.00}}", "{\"amounts\":{\"110000\":0}}",
                "{\"amounts\":{\"110000\":100.001}}", "{\"amounts\":{}}")) {
            MvcResult r = call(json(url, bad), as(fujian, "prepayment"));
            assertThat(r.getResponse().getStatus()).as(bad).isEqualTo(422);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(bad).contains("messageZh");
        }
        assertThat(status(post(url + "/confirmation"), CENTRE)).as("nothing reported yet").isEqualTo(422);
        ok(json(url, "{\"amounts\":{\"110000\":1000000.00}}"), as(fujian, "prepayment"));
        JsonNode again = ok(json(url, "{\"amounts\":{\"110000\":1200000.00,\"310000\":600000.00}}"), as(fujian, "prepayment"));
        assertThat(again.path("lines")).hasSize(2);
        ok(json(url, "{\"amounts\":{\"350000\":300000.00}}"), as(beijing, "prepayment"));
        JsonNode seenByShanghai = ok(get(url), as(shanghai, "prepayment"));
        assertThat(seenByShanghai).hasSize(1);
        assertThat(seenByShanghai.get(0).path("lines")).hasSize(1);
        assertThat(seenByShanghai.get(0).path("lines").get(0).path("amount").decimalValue()).isEqualByComparingTo("600000.00");

        assertThat(status(post(url + "/confirmation"), as(fujian, "prepayment"))).isEqualTo(403);
        JsonNode year = ok(post(url + "/confirmation"), CENTRE);
        assertThat(year.path("kind").asText()).isEqualTo("INITIAL");
        Map<String, JsonNode> pairs = pairs(year);
        assertThat(pairs).hasSize(3);
        assertThat(pairs.get(fujian + "/" + beijing).path("quota").decimalValue()).isEqualByComparingTo("1200000.00");
        assertThat(pairs.get(fujian + "/" + beijing).path("adjustment").decimalValue()).isEqualByComparingTo("1200000.00");
        assertThat(status(post(url + "/confirmation"), CENTRE)).as("once").isEqualTo(422);
        assertThat(status(json(url, "{\"amounts\":{\"110000\":1.00}}"), as(fujian, "prepayment"))).as("confirmed").isEqualTo(422);

        String payment = pdfText(call(get("/api/prepayment/2019/provinces/350000/notices/payment.pdf"), as(fujian, "prepayment"))
                .getResponse().getContentAsByteArray());
        assertThat(payment).contains("预付金付款通知书").contains("15 个工作日内").contains("180.00").doesNotContain("调整");
        String receipt = pdfText(call(get("/api/prepayment/2019/provinces/310000/notices/receipt.pdf"), as(shanghai, "prepayment"))
                .getResponse().getContentAsByteArray());
        assertThat(receipt).contains("预付金收款通知书").contains("60.00");

        // 第十九条: everyone hands over; Shanghai, owed by Fujian only, waits for Fujian's transfer
        assertThat(ok(get("/api/prepayment/2019/finance"), as(shanghai, "finance")).findValuesAsText("province"))
                .containsExactlyInAnyOrder(shanghai, fujian);
        String fujiansHandOver = financeTask(fujian, "HAND_OVER");
        assertThat(status(json("/api/prepayment/finance-tasks/" + fujiansHandOver + "/completion", "{}"), as(shanghai, "finance")))
                .as("another province's task").isEqualTo(404);
        assertThat(status(json("/api/prepayment/finance-tasks/" + fujiansHandOver + "/completion", "{}"), as(fujian, "prepayment")))
                .as("another role").isEqualTo(404);
        for (String p : List.of(fujian, beijing, shanghai)) {
            completeFinance(p, "HAND_OVER");
        }
        assertThat(financeTask(shanghai, "RECEIPT")).isNull();
        assertThat(financeTask(shanghai, "TRANSFER")).as("Shanghai owes nothing").isNull();
        completeFinance(fujian, "TRANSFER");
        completeFinance(shanghai, "RECEIPT");
        assertThat(financeTask(fujian, "RECEIPT")).as("Beijing has not transferred").isNull();

        // 第二十四条: Beijing's transfer to Fujian not late — refused; past its deadline — requested
        String request = "{\"payingProvince\":\"" + beijing + "\",\"cause\":\"PREPAYMENT\",\"reason\":\"预付金逾期未到账\"}";
        MvcResult early = call(json("/api/prepayment/suspensions", request), as(fujian, "prepayment"));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(early.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("没有逾期");
        assertThat(jdbc.sql("""
                UPDATE app.prepayment_year_finance_step SET due = opened_at + interval '1 microsecond'
                WHERE step = 'TRANSFER' AND year_finance_id = (SELECT id FROM app.prepayment_year_finance WHERE year = 2019 AND province = :p)""")
                .param("p", beijing).update()).isEqualTo(1);
        JsonNode overdue = ok(get("/api/prepayment/overdue"), as(fujian, "prepayment"));
        assertThat(overdue).anySatisfy(o -> {
            assertThat(o.path("cause").asText()).isEqualTo("PREPAYMENT");
            assertThat(o.path("period").asText()).isEqualTo("2019");
            assertThat(o.path("payingProvince").asText() + "→" + o.path("receivingProvince").asText()).isEqualTo(beijing + "→" + fujian);
            assertThat(o.path("amount").decimalValue()).isEqualByComparingTo("300000.00");
        });
        assertThat(ok(get("/api/prepayment/overdue"), as(shanghai, "prepayment")).findValuesAsText("period")).doesNotContain("2019");
        JsonNode requested = ok(json("/api/prepayment/suspensions", request), as(fujian, "prepayment"));
        assertThat(requested.path("cause").asText()).isEqualTo("PREPAYMENT");
        ok(json("/api/prepayment/suspensions/" + requested.path("id").asText() + "/decision", "{\"suspend\":false,\"note\":\"已督促\"}"), CENTRE);

        completeFinance(beijing, "TRANSFER");
        completeFinance(fujian, "RECEIPT");
        completeFinance(beijing, "RECEIPT");
        JsonNode all = ok(get("/api/prepayment/2019/finance"), CENTRE);
        assertThat(all).hasSize(3);
        for (JsonNode p : all) {
            int steps = 1 + (p.path("pays").asBoolean() ? 1 : 0) + (p.path("receives").asBoolean() ? 1 : 0);
            assertThat(p.path("steps")).as(p.path("province").asText()).hasSize(steps)
                    .allSatisfy(s -> assertThat(s.path("doneBy").asText()).startsWith("provincial:pp-province-"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ LIKE '2019/%'").query(Long.class).single())
                .as("every province's case has ended").isZero();
    }
}
