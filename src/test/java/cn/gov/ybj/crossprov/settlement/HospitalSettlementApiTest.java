package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hospital upload API on the embedded PostgreSQL: the split through the API, every refusal
 * with its code, idempotency (also under 10 concurrent identical uploads), one person's concurrent
 * admissions (the yearly deductible paid once), another institution,
 * 冲正, 明细 and their 5 days, and who may call it. Tokens as {@code hospital-system} issues them
 * (provincial realm, {@code azp}, {@code institution_code}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HospitalSettlementApiTest {

    /** 北京朝阳, 三级甲等, networked (imported below) */
    static final String BEIJING = "1101059100001";
    /** 厦门思明, 三级甲等, networked */
    static final String XIAMEN = "3502039100001";
    /** 北京朝阳, in the list but not networked (cross_province = false) */
    static final String NOT_NETWORKED = "1101059100002";

    // demo registry persons no other test uses (厦门 350200, 城镇职工 在职, 正常参保)
    static final String YANG_SIYUAN = "350213200303174817";  // the golden settlement
    static final String WU_ZHENHUA = "350203200102080379";   // idempotency, other institution
    static final String MA_YING = "350206199702039680";      // reversal
    static final String TIAN_CHUNMEI = "350211198612035869"; // details
    static final String QIN_YING = "350205199804148785";     // no filing: refused, or 异地急诊抢救
    static final String FU_HUI = "350206199012039667";       // the slip (a woman: 17th digit 6)
    static final String LEI_LONG = "350203198003196456";     // concurrent admissions of one person
    static final String WANG_JIANGUO = "110105197003010111"; // 北京朝阳, 暂停参保
    static final String LIU_YANG = "11010819850607441X";     // 北京海淀 110108: no policy of that area

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingManagement filings;
    @Autowired
    InstitutionImport institutions;
    @Autowired
    SettlementPolicies policies;
    @Autowired
    HospitalSettlements settlements;
    @Autowired
    SettlementSlips slips;
    @Autowired
    SettlementQueries queries;
    @Autowired
    cn.gov.ybj.crossprov.prepayment.Suspensions suspensionsOfPrepayment;
    @Autowired
    SettlementStore store;

    LocalDate today;
    LocalDate discharge;
    LocalDate admission;

    @BeforeAll
    void fixtures() throws Exception {
        today = ChinaTime.today();
        discharge = today.minusDays(1);
        admission = today.minusDays(8);
        String csv = InstitutionImport.HEADER + "\n"
                + "1,110105,北京朝阳结算测试医院（演示）," + BEIJING + ",三级甲等,综合医院,北京市朝阳区测试路 1 号\n"
                + "2,350203,厦门思明结算测试医院（演示）," + XIAMEN + ",三级甲等,综合医院,厦门市思明区测试路 2 号\n"
                + "3,110105,北京朝阳未联网测试医院（演示）," + NOT_NETWORKED + ",二级,综合医院,北京市朝阳区测试路 3 号\n";
        assertThat(institutions.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true).ok()).isTrue();
        jdbc.sql("UPDATE app.designated_institution SET cross_province = false WHERE code = ?").param(NOT_NETWORKED).update();

        StoredDemoPolicies.store(policies, k -> k.insuredArea().code().equals("350200"));

        // opened filings to 北京 (self-service area 厦门: opened at once) around the discharge
        for (String person : List.of(YANG_SIYUAN, WU_ZHENHUA, MA_YING, TIAN_CHUNMEI, FU_HUI, LEI_LONG)) {
            AppUser user = TestUsers.insured("settle-" + person, person);
            TestUsers.bind(jdbc, user.username(), person);
            if (filings.openedOn(person, discharge).isEmpty()) {
                Filing f = filings.submit(user, new FilingApplication(person, "350200", "110000", InsuranceType.EMPLOYEE,
                        FilingType.OTHER_TEMPORARY, today.minusDays(40), today.plusDays(20), "联系人", "13800138000",
                        "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of()), "settlement-" + person);
                assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
            }
        }
    }

    // ---- tokens ----

    static RequestPostProcessor hospital(String institutionCode) {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("azp", "hospital-system")
                        .claim("preferred_username", "service-account-hospital-system").claim("roles", List.of("hospital"))
                        .claim("institution_code", institutionCode))
                .authorities(new SimpleGrantedAuthority("ROLE_HOSPITAL"));
    }

    static RequestPostProcessor insured() {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", "chenjing"))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    static RequestPostProcessor clerk() {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", "cy-reviewer")
                        .claim("groups", List.of("area-110105")).claim("roles", List.of("reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }

    // ---- bodies ----

    Map<String, Object> body(String no, String person, String institution) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settlementNo", no);
        m.put("personIdNumber", person);
        m.put("institutionCode", institution);
        m.put("admissionDate", admission.toString());
        m.put("dischargeDate", discharge.toString());
        m.put("emergency", false);
        m.put("categories", List.of(
                Map.of("category", "西药费", "inScope", new BigDecimal("15000.00"), "selfPaid", new BigDecimal("500.00")),
                Map.of("category", "检查费", "inScope", new BigDecimal("10000"), "selfPaid", 0)));
        m.put("diagnosisCodes", List.of("I21.900"));
        // what the slip (附件6) prints besides the amounts
        m.put("inpatientNo", "ZY20260001");
        m.put("admissionWay", "OUTPATIENT");
        m.put("dischargeDepartment", "心血管内科");
        m.put("socialSecurityCardNo", "A01234567");
        m.put("diagnosisNames", List.of("急性心肌梗死"));
        return m;
    }

    MvcResult upload(Map<String, Object> body, RequestPostProcessor token) throws Exception {
        return mvc.perform(post("/api/hospital/settlements").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)).with(token)).andReturn();
    }

    static JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The bodies uploaded by as many threads released at once; the answers in the bodies' order. */
    List<MvcResult> uploadAtOnce(List<Map<String, Object>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MvcResult>> answers = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                answers.add(pool.submit((Callable<MvcResult>) () -> {
                    start.await();
                    return upload(body, hospital(BEIJING));
                }));
            }
            start.countDown();
            List<MvcResult> results = new ArrayList<>();
            for (Future<MvcResult> f : answers) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    long rows(String no) {
        return jdbc.sql("SELECT count(*) FROM app.settlement WHERE settlement_no = ?").param(no).query(Long.class).single();
    }

    /** A refusal: the status, the code and both messages. */
    JsonNode refused(MvcResult r, int status, String code) throws Exception {
        JsonNode body = json(r);
        assertThat(r.getResponse().getStatus()).as(body.toString()).isEqualTo(status);
        assertThat(body.path("code").asText()).as(body.toString()).isEqualTo(code);
        assertThat(body.path("messageZh").asText()).isNotBlank();
        assertThat(body.path("messageEn").asText()).isNotBlank();
        return body;
    }

    // ---- the split ----

    @Test
    void aDischargeIsSplitAtOnceWithTheInsuredAreasPolicy() throws Exception {
        MvcResult r = upload(body("GOLD-1", YANG_SIYUAN, BEIJING), hospital(BEIJING));
        JsonNode s = json(r);
        assertThat(r.getResponse().getStatus()).as(s.toString()).isEqualTo(200);
        // 厦门 职工 在职 (demo), 三级: deductible 800 once a year; POOLING on the in-scope amount
        // [800, 10,000) × 88 % = 8,096.00 + [10,000, 25,000) × 92 % = 13,800.00 → 21,896.00;
        // nothing above the cap for LARGE_AMOUNT; person = 25,500 − 21,896 = 3,604.00
        assertThat(s.path("total").decimalValue()).isEqualByComparingTo("25500.00");
        assertThat(s.path("inScope").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(s.path("selfPaid").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(s.path("deductible").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(s.path("funds").findValuesAsText("name")).containsExactly("统筹基金", "大额医疗费用补助");
        assertThat(s.path("funds").get(0).path("amount").decimalValue()).isEqualByComparingTo("21896.00");
        assertThat(s.path("funds").get(1).path("amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(s.path("fundsTotal").decimalValue()).isEqualByComparingTo("21896.00");
        assertThat(s.path("personalCash").decimalValue()).isEqualByComparingTo("3604.00");
        assertThat(s.path("total").isNumber()).as("amounts are JSON numbers").isTrue();
        assertThat(s.path("policy").path("insuredArea").asText()).isEqualTo("350200");
        assertThat(s.path("policy").path("effectiveFrom").asText()).isEqualTo("2025-01-01");
        assertThat(s.path("hospitalGrade").asText()).isEqualTo("GRADE_3");
        assertThat(s.path("status").asText()).isEqualTo("SETTLED");
        assertThat(s.path("personIdNumber").asText()).doesNotContain("200303").endsWith("4817");

        // the same as the calculator gives with the stored policy
        PolicyVersion policy = policies.require(PolicyKey.of("350200", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE), discharge);
        SettlementResult expected = new SettlementCalculator().calculate(policy, HospitalGrade.GRADE_3, discharge,
                List.of(FeeLine.of("西药费", "15000", "500"), FeeLine.of("检查费", "10000", "0")),
                YearToDateUsage.empty(discharge.getYear()));
        assertThat(s.path("personalCash").decimalValue()).isEqualByComparingTo(expected.personalCash().yuan());
        assertThat(s.path("fundsTotal").decimalValue()).isEqualByComparingTo(expected.fundsTotal().yuan());

        // stored with both provinces, the filing and the policy used
        Map<String, Object> row = jdbc.sql("""
                SELECT insured_province, medical_area_code, medical_province, filing_id IS NOT NULL AS filed, emergency,
                       discharge_month, person_type FROM app.settlement WHERE settlement_no = 'GOLD-1'""").query().singleRow();
        assertThat(row).containsEntry("insured_province", "350000").containsEntry("medical_area_code", "110105")
                .containsEntry("medical_province", "110000").containsEntry("filed", true).containsEntry("emergency", false)
                .containsEntry("person_type", "IN_SERVICE");

        // a second admission of the year: the once-a-year deductible is used up
        Map<String, Object> second = body("GOLD-2", YANG_SIYUAN, BEIJING);
        second.put("categories", List.of(Map.of("category", "西药费", "inScope", 1000, "selfPaid", 0)));
        JsonNode again = json(upload(second, hospital(BEIJING)));
        assertThat(again.path("deductible").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(again.path("funds").get(0).path("amount").decimalValue()).isEqualByComparingTo("880.00");

        // GET answers the stored settlement
        JsonNode read = json(mvc.perform(get("/api/hospital/settlements/GOLD-1").with(hospital(BEIJING))).andReturn());
        assertThat(read).isEqualTo(s);
    }

    // ---- the settlement slip (附件6) ----

    @Test
    void theSlipPrintsEveryFieldOfAttachment6WithTheCalculatorsAmounts() throws Exception {
        Map<String, Object> body = body("SLIP-1", FU_HUI, BEIJING);
        body.put("inpatientNo", "ZY2026-0001");
        body.put("admissionWay", "EMERGENCY_ROOM");
        body.put("dischargeDepartment", " 心血管内科 ");
        body.put("socialSecurityCardNo", "B98765432");
        body.put("diagnosisCodes", List.of("i21.900", "I10.X00"));
        body.put("diagnosisNames", List.of("急性心肌梗死", " 原发性高血压 "));
        MvcResult r = upload(body, hospital(BEIJING));
        JsonNode s = json(r);
        assertThat(r.getResponse().getStatus()).as(s.toString()).isEqualTo(200);

        // the answer carries what the slip prints
        int age = Period.between(LocalDate.of(1990, 12, 3), admission).getYears();
        long days = admission.until(discharge, java.time.temporal.ChronoUnit.DAYS);
        assertThat(days).isEqualTo(7);
        assertThat(s.path("sex").asText()).isEqualTo("FEMALE");
        assertThat(s.path("age").asInt()).isEqualTo(age);
        assertThat(s.path("socialSecurityCardNo").asText()).isEqualTo("B98*****5432");
        assertThat(s.path("insuredAreaName").asText()).isEqualTo("福建省厦门市");
        assertThat(s.path("insuredProvinceName").asText()).isEqualTo("福建省");
        assertThat(s.path("insuranceType").asText()).isEqualTo("城镇职工基本医疗保险");
        assertThat(s.path("medicalAreaName").asText()).isEqualTo("北京市朝阳区");
        assertThat(s.path("medicalProvinceName").asText()).isEqualTo("北京市");
        assertThat(s.path("hospitalName").asText()).isEqualTo("北京朝阳结算测试医院（演示）");
        assertThat(s.path("hospitalGradeName").asText()).isEqualTo("三级甲等");
        assertThat(s.path("inpatientNo").asText()).isEqualTo("ZY2026-0001");
        assertThat(s.path("admissionWay").asText()).isEqualTo("EMERGENCY_ROOM");
        assertThat(s.path("dischargeDepartment").asText()).isEqualTo("心血管内科");
        assertThat(s.path("days").asInt()).isEqualTo(7);
        assertThat(s.has("reversed")).as("only the record's components are JSON").isFalse();
        assertThat(s.path("diagnoses").findValuesAsText("name")).containsExactly("急性心肌梗死", "原发性高血压");
        assertThat(s.path("diagnosisCodes").toString()).isEqualTo("[\"I21.900\",\"I10.X00\"]");
        // retries: trimming and case do not make another body, another 住院号 does
        body.put("dischargeDepartment", "心血管内科");
        body.put("diagnosisCodes", List.of("I21.900", "i10.x00"));
        assertThat(json(upload(body, hospital(BEIJING)))).isEqualTo(s);
        body.put("inpatientNo", "ZY2026-0002");
        refused(upload(body, hospital(BEIJING)), 409, SettlementRefusal.NUMBER_REUSED);
        assertThat(rows("SLIP-1")).isEqualTo(1);

        // the amounts as the calculator gives them with the stored policy (厦门 职工 在职, 三级, a fresh year)
        PolicyVersion policy = policies.require(PolicyKey.of("350200", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE), discharge);
        SettlementResult expected = new SettlementCalculator().calculate(policy, HospitalGrade.GRADE_3, discharge,
                List.of(FeeLine.of("西药费", "15000", "500"), FeeLine.of("检查费", "10000", "0")),
                YearToDateUsage.empty(discharge.getYear()));
        assertThat(expected.funds()).extracting(FundPayment::name).containsExactly("统筹基金", "大额医疗费用补助");

        MvcResult download = mvc.perform(get("/api/hospital/settlements/SLIP-1/slip.pdf").with(hospital(BEIJING))).andReturn();
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("inline");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/slip-api.pdf"), download.getResponse().getContentAsByteArray());
        String text = pdfText(download.getResponse().getContentAsByteArray());
        List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();

        // title: the province of the 就医地, which issues it; the unit
        assertThat(lines).contains("北京市跨省异地就医住院结算单");
        assertThat(text).contains("单位：元（保留两位小数）", "结算单号：SLIP-1").doesNotContain("已冲正");
        // each label with its value, in the order of 附件6
        assertThat(order(text, "患者姓名", "性别", "年龄", "社会保障号码", "社会保障卡卡号", "参保地", "险种类型", "就医地",
                "医院名称", "医院等级", "入院方式", "住院号", "出院科室", "主要诊断", "次要诊断", "入院日期", "出院日期", "共 7 天",
                "总费用", "统筹内费用", "自费费用", "本次起付标准", "基金支付合计", "基金支付金额", "个人现金支付")).isTrue();
        assertThat(line(lines, "患者姓名")).contains("付慧").contains("性别 女");
        // the person's own document: the full 社会保障号码 and card number
        assertThat(line(lines, "年龄")).contains("年龄 " + age).contains("社会保障号码 350206199012039667");
        assertThat(line(lines, "社会保障卡卡号")).contains("社会保障卡卡号 B98765432").contains("参保地 福建省厦门市");
        assertThat(line(lines, "险种类型")).contains("险种类型 城镇职工基本医疗保险").contains("就医地 北京市朝阳区");
        // a long hospital name wraps inside its cell
        assertThat(String.join("", lines)).contains("医院名称北京朝阳结算测试医院（演示）医院等级 三级甲等");
        assertThat(line(lines, "入院方式")).contains("入院方式 急诊").contains("住院号 ZY2026-0001");
        assertThat(line(lines, "出院科室")).contains("出院科室 心血管内科");
        assertThat(line(lines, "主要诊断")).contains("主要诊断 I21.900 急性心肌梗死");
        assertThat(line(lines, "次要诊断")).contains("次要诊断 I10.X00 原发性高血压");
        assertThat(line(lines, "入院日期")).contains("入院日期 " + admission).contains("出院日期 " + discharge);
        assertThat(line(lines, "住院天数")).contains("住院天数 共 7 天");
        // amounts: two decimals, thousands separated, as the calculator split them
        assertThat(expected.total().yuan()).isEqualByComparingTo("25500.00");
        assertThat(line(lines, "总费用")).contains("总费用 25,500.00").contains("统筹内费用 25,000.00");
        assertThat(line(lines, "自费费用")).contains("自费费用 500.00").contains("本次起付标准 800.00");
        assertThat(expected.deductible().yuan()).isEqualByComparingTo("800.00");
        assertThat(lines).contains("基金支付合计 基金支付金额 个人现金支付");
        // under the header the totals, then one row per fund by the policy's names, in its order
        assertThat(expected.fundsTotal().yuan()).isEqualByComparingTo("21896.00");
        assertThat(expected.personalCash().yuan()).isEqualByComparingTo("3604.00");
        assertThat(lines).containsSubsequence("基金支付合计 基金支付金额 个人现金支付", "21,896.00 3,604.00",
                "统筹基金 21,896.00", "大额医疗费用补助 0.00");
        assertThat(expected.funds().get(0).amount().yuan()).isEqualByComparingTo("21896.00");
        assertThat(text).contains("第 1 页 / 共 1 页");

        // another institution's token: 404 as for an unknown number (JSON, also when only the PDF is accepted)
        MvcResult other = mvc.perform(get("/api/hospital/settlements/SLIP-1/slip.pdf").with(hospital(XIAMEN))
                .accept(MediaType.APPLICATION_PDF)).andReturn();
        refused(other, 404, SettlementRefusal.NOT_FOUND);
        refused(mvc.perform(get("/api/hospital/settlements/NO-SUCH/slip.pdf").with(hospital(BEIJING))).andReturn(), 404,
                SettlementRefusal.NOT_FOUND);
        assertThat(mvc.perform(get("/api/hospital/settlements/SLIP-1/slip.pdf").with(insured())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);

        // the person's own account (and nobody else's) gets the same slip, through 结算信息查询
        AppUser fu = TestUsers.insured("settle-" + FU_HUI, FU_HUI);
        AppUser wu = TestUsers.insured("settle-" + WU_ZHENHUA, WU_ZHENHUA);
        assertThat(queries.ofInsured(fu)).extracting(SettlementSummary::settlementNo).containsExactly("SLIP-1");
        assertThat(slips.forUser(wu, BEIJING, "SLIP-1")).isEmpty();
        assertThat(slips.forUser(fu, XIAMEN, "SLIP-1")).isEmpty();
        String own = pdfText(slips.forUser(fu, BEIJING, "SLIP-1").orElseThrow());
        assertThat(own).contains("350206199012039667", "统筹基金", "21,896.00");
        assertThat(pdfText(slips.pdf(queries.find(fu, BEIJING, "SLIP-1").orElseThrow()))).isEqualTo(own);

        // reversed: the slip says so
        assertThat(mvc.perform(post("/api/hospital/settlements/SLIP-1/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"入院方式录入错误\"}").with(hospital(BEIJING))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        String reversed = pdfText(mvc.perform(get("/api/hospital/settlements/SLIP-1/slip.pdf").with(hospital(BEIJING)))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(reversed).contains("北京市跨省异地就医住院结算单（已冲正）", "状态：已冲正", "原因：入院方式录入错误", "本结算单作废");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The extracted line that holds {@code label}. */
    static String line(List<String> lines, String label) {
        return lines.stream().filter(l -> l.contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + lines));
    }

    /** Whether the texts occur in this order. */
    static boolean order(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            if (found < 0) {
                throw new AssertionError(part + " not after position " + at + " in " + text);
            }
            at = found + part.length();
        }
        return true;
    }

    // ---- idempotency ----

    @Test
    void tenConcurrentIdenticalUploadsMakeOneRowAndTenEqualAnswers() throws Exception {
        Map<String, Object> body = body("CONC-1", WU_ZHENHUA, BEIJING);
        List<String> texts = new ArrayList<>();
        for (MvcResult r : uploadAtOnce(java.util.Collections.nCopies(10, body))) {
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
            texts.add(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(Set.copyOf(texts)).hasSize(1);
        assertThat(rows("CONC-1")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_key WHERE settlement_no = 'CONC-1'").query(Long.class).single())
                .isEqualTo(1);

        // the same number with another body: 409, nothing written
        Map<String, Object> other = body("CONC-1", WU_ZHENHUA, BEIJING);
        other.put("diagnosisCodes", List.of("J18.900"));
        JsonNode conflict = refused(upload(other, hospital(BEIJING)), 409, SettlementRefusal.NUMBER_REUSED);
        assertThat(conflict.path("messageZh").asText()).contains("CONC-1");
        assertThat(rows("CONC-1")).isEqualTo(1);
    }

    @Test
    void concurrentAdmissionsOfOnePersonUseTheYearlyDeductibleOnce() throws Exception {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            bodies.add(body("CONC-P-" + i, LEI_LONG, BEIJING));
        }
        List<BigDecimal> deductibles = new ArrayList<>();
        for (MvcResult r : uploadAtOnce(bodies)) {
            JsonNode s = json(r);
            assertThat(s.path("status").asText()).as(s.toString()).isEqualTo("SETTLED");
            deductibles.add(s.path("deductible").decimalValue());
        }
        // 厦门 职工: 800 once a year; each admission waited for the one before on the person's lock
        assertThat(deductibles).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("800"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO);
        YearToDateUsage year = store.usage(LEI_LONG, discharge.getYear());
        assertThat(year.admissions()).isEqualTo(6);
        assertThat(year.deductiblePaid()).isEqualTo(Money.yuan("800"));
    }

    @Test
    void aRetryGetsTheStoredAnswerEvenWhenTheRulesRefuseNow() throws Exception {
        Map<String, Object> body = body("RETRY-1", WU_ZHENHUA, BEIJING);
        MvcResult first = upload(body, hospital(BEIJING));
        assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
        // the paying province is suspended since: a new upload is refused, the retry is answered as stored
        PrepaymentSuspensions before = (PrepaymentSuspensions) ReflectionTestUtils.getField(settlements, "suspensions");
        ReflectionTestUtils.setField(settlements, "suspensions",
                (PrepaymentSuspensions) (province, date) -> province.code().equals("350000"));
        try {
            MvcResult retry = upload(body, hospital(BEIJING));
            assertThat(retry.getResponse().getStatus()).isEqualTo(200);
            assertThat(retry.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(first.getResponse().getContentAsString(StandardCharsets.UTF_8));
            // the same number with another body: 409, not the rule's 422
            Map<String, Object> other = body("RETRY-1", WU_ZHENHUA, BEIJING);
            other.put("diagnosisCodes", List.of("J18.900"));
            refused(upload(other, hospital(BEIJING)), 409, SettlementRefusal.NUMBER_REUSED);
            refused(upload(body("RETRY-2", WU_ZHENHUA, BEIJING), hospital(BEIJING)), 422,
                    SettlementRefusal.PAYING_PROVINCE_SUSPENDED);
        } finally {
            ReflectionTestUtils.setField(settlements, "suspensions", before);
        }
        assertThat(rows("RETRY-1")).isEqualTo(1);
        assertThat(rows("RETRY-2")).isZero();
    }

    @Test
    void aSuspensionOfThePayingProvinceRefusesUploadsUntilResumed() throws Exception {
        // 第二十四条: Beijing asked to suspend Fujian (a request as prepayment.Suspensions records it); the centre decides
        java.util.UUID id = java.util.UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app.settlement_suspension (id, paying_province, receiving_province, cause, reason, status,
                                                       requested_by, requested_at, version)
                VALUES (?, '350000', '110000', 'CLEARING', '清算资金逾期未到账', 'REQUESTED', 'provincial:bj-prepayment', now(), 0)""")
                .param(id).update();
        AppUser centre = new AppUser(cn.gov.ybj.crossprov.identity.Realm.PROVINCIAL, "nc-prepayment", "nc", java.util.Set.of("OFFICER", "PREPAYMENT"),
                List.of("national-centre"), "000000");
        assertThat(suspensionsOfPrepayment.decide(centre, id.toString(), true, "督促拨付")).isPresent();
        try {
            Map<String, Object> today = body("SUSP-1", WU_ZHENHUA, BEIJING);
            today.put("dischargeDate", this.today.toString());
            JsonNode refused = refused(upload(today, hospital(BEIJING)), 422, SettlementRefusal.PAYING_PROVINCE_SUSPENDED);
            assertThat(refused.path("messageZh").asText()).contains("350000", "已暂停");
            assertThat(rows("SUSP-1")).isZero();
            // discharged the day before the suspension: direct settlement had happened
            assertThat(upload(body("SUSP-0", WU_ZHENHUA, BEIJING), hospital(BEIJING)).getResponse().getStatus()).isEqualTo(200);
        } finally {
            assertThat(suspensionsOfPrepayment.resume(centre, id.toString())).isPresent();
        }
        Map<String, Object> again = body("SUSP-2", WU_ZHENHUA, BEIJING);
        again.put("dischargeDate", today.toString());
        MvcResult accepted = upload(again, hospital(BEIJING));
        assertThat(accepted.getResponse().getStatus()).as(accepted.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(rows("SUSP-2")).isEqualTo(1);
    }

    @Test
    void aHospitalCannotUploadOrSeeForAnotherInstitution() throws Exception {
        // the body names 北京; the token names 厦门
        JsonNode body = refused(upload(body("OTHER-1", WU_ZHENHUA, BEIJING), hospital(XIAMEN)), 403,
                SettlementRefusal.INSTITUTION_NOT_YOURS);
        assertThat(body.path("messageEn").asText()).contains(XIAMEN);
        assertThat(rows("OTHER-1")).isZero();
        // a token without an institution code may do nothing
        refused(upload(body("OTHER-2", WU_ZHENHUA, BEIJING), hospital("not-a-code")), 403, SettlementRefusal.INSTITUTION_NOT_YOURS);

        assertThat(upload(body("OTHER-3", WU_ZHENHUA, BEIJING), hospital(BEIJING)).getResponse().getStatus()).isEqualTo(200);
        refused(mvc.perform(get("/api/hospital/settlements/OTHER-3").with(hospital(XIAMEN))).andReturn(), 404,
                SettlementRefusal.NOT_FOUND);
        refused(mvc.perform(post("/api/hospital/settlements/OTHER-3/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"录入错误\"}").with(hospital(XIAMEN))).andReturn(), 404, SettlementRefusal.NOT_FOUND);
    }

    @Test
    void insuredPersonsClerksAndOfficersCannotCallTheHospitalApi() throws Exception {
        String body = JSON.writeValueAsString(body("WHO-1", WU_ZHENHUA, BEIJING));
        RequestPostProcessor officer = jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial")
                        .claim("preferred_username", "bj-clearing").claim("groups", List.of("province-110000"))
                        .claim("roles", List.of("officer", "clearing"))).authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));
        for (RequestPostProcessor token : List.of(insured(), clerk(), officer)) {
            MvcResult r = mvc.perform(post("/api/hospital/settlements").contentType(MediaType.APPLICATION_JSON)
                    .content(body).with(token)).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(403);
            assertThat(json(r).path("messageEn").asText()).startsWith("Access denied");
            assertThat(mvc.perform(get("/api/hospital/settlements/WHO-1").with(token)).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(post("/api/hospital/settlements").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(rows("WHO-1")).isZero();
    }

    // ---- refusals ----

    @Test
    void eachRuleRefusesWithItsCode() throws Exception {
        refused(upload(body("R-NET", WU_ZHENHUA, NOT_NETWORKED), hospital(NOT_NETWORKED)), 422,
                SettlementRefusal.INSTITUTION_NOT_NETWORKED);
        refused(upload(body("R-NONE", "110105199001011232", XIAMEN), hospital(XIAMEN)), 422, SettlementRefusal.PERSON_NOT_FOUND);
        JsonNode suspended = refused(upload(body("R-SUSP", WANG_JIANGUO, XIAMEN), hospital(XIAMEN)), 422,
                SettlementRefusal.INSURANCE_NOT_NORMAL);
        assertThat(suspended.path("messageZh").asText()).contains("暂停参保");
        refused(upload(body("R-SAME", WU_ZHENHUA, XIAMEN), hospital(XIAMEN)), 422, SettlementRefusal.NOT_CROSS_PROVINCE);
        refused(upload(body("R-FILE", QIN_YING, BEIJING), hospital(BEIJING)), 422, SettlementRefusal.NO_VALID_FILING);
        // a filing of another period does not count: discharged after the filing's end
        Map<String, Object> late = body("R-FILE2", WU_ZHENHUA, BEIJING);
        late.put("admissionDate", "2024-03-01");
        late.put("dischargeDate", "2024-03-05");
        refused(upload(late, hospital(BEIJING)), 422, SettlementRefusal.NO_VALID_FILING);
        Map<String, Object> noPolicy = body("R-POL", LIU_YANG, XIAMEN);
        noPolicy.put("emergency", true);
        refused(upload(noPolicy, hospital(XIAMEN)), 422, SettlementRefusal.NO_POLICY);

        PrepaymentSuspensions before = (PrepaymentSuspensions) ReflectionTestUtils.getField(settlements, "suspensions");
        ReflectionTestUtils.setField(settlements, "suspensions",
                (PrepaymentSuspensions) (province, date) -> province.code().equals("350000"));
        try {
            refused(upload(body("R-PRE", WU_ZHENHUA, BEIJING), hospital(BEIJING)), 422,
                    SettlementRefusal.PAYING_PROVINCE_SUSPENDED);
        } finally {
            ReflectionTestUtils.setField(settlements, "suspensions", before);
        }
        for (String no : List.of("R-NET", "R-NONE", "R-SUSP", "R-SAME", "R-FILE", "R-FILE2", "R-POL", "R-PRE")) {
            assertThat(rows(no)).as(no).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_key WHERE settlement_no = ?").param(no)
                    .query(Long.class).single()).as("key of " + no).isZero();
        }
    }

    @Test
    void anEmergencyWithoutAFilingIsSettledAndRecordedAsSuch() throws Exception {
        Map<String, Object> body = body("EMER-1", QIN_YING, BEIJING);
        body.put("emergency", true);
        // the slip's optional fields left out: 社会保障卡卡号 (附件6: 可选) and the diagnosis names
        body.remove("socialSecurityCardNo");
        body.remove("diagnosisNames");
        MvcResult r = upload(body, hospital(BEIJING));
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(json(r).path("emergency").asBoolean()).isTrue();
        assertThat(json(r).path("socialSecurityCardNo").isNull()).isTrue();
        assertThat(json(r).path("diagnoses").get(0).path("code").asText()).isEqualTo("I21.900");
        assertThat(json(r).path("diagnoses").get(0).path("name").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT emergency AND filing_id IS NULL FROM app.settlement WHERE settlement_no = 'EMER-1'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void badInputAnswers400NamingTheField() throws Exception {
        record Bad(String field, Object value, String named) {
        }
        List<Bad> cases = List.of(
                new Bad("categories", List.of(Map.of("category", "西药费", "inScope", -1, "selfPaid", 0)), "categories[0].inScope"),
                new Bad("categories", List.of(Map.of("category", "西药费", "inScope", new BigDecimal("10.005"), "selfPaid", 0)),
                        "categories[0].inScope"),
                new Bad("categories", List.of(), "categories"),
                new Bad("dischargeDate", "2020-01-01", "dischargeDate"),
                new Bad("dischargeDate", ChinaTime.today().plusDays(3).toString(), "dischargeDate"),
                new Bad("personIdNumber", "110105199001011238", "personIdNumber"),
                new Bad("settlementNo", "含空格 的号", "settlementNo"),
                new Bad("diagnosisCodes", List.of(), "diagnosisCodes"),
                // the slip's fields
                new Bad("inpatientNo", null, "inpatientNo"),
                new Bad("inpatientNo", "ZY 001", "inpatientNo"),
                new Bad("inpatientNo", "Z".repeat(41), "inpatientNo"),
                new Bad("admissionWay", null, "admissionWay"),
                new Bad("admissionWay", "BY_AIR", "admissionWay"),
                new Bad("dischargeDepartment", "   ", "dischargeDepartment"),
                new Bad("dischargeDepartment", "科".repeat(41), "dischargeDepartment"),
                new Bad("socialSecurityCardNo", "A0123-4567", "socialSecurityCardNo"),
                new Bad("socialSecurityCardNo", "9".repeat(41), "socialSecurityCardNo"),
                new Bad("diagnosisNames", List.of("急性心肌梗死", "高血压"), "diagnosisNames"),
                new Bad("diagnosisNames", List.of("病".repeat(61)), "diagnosisNames[0]"),
                new Bad("diagnosisNames", List.of(" "), "diagnosisNames[0]"));
        for (Bad bad : cases) {
            Map<String, Object> body = body("BAD-1", WU_ZHENHUA, BEIJING);
            body.put(bad.field(), bad.value());
            JsonNode answer = refused(upload(body, hospital(BEIJING)), 400, SettlementRefusal.BAD_INPUT);
            assertThat(answer.path("messageZh").asText()).as(bad.toString()).contains(bad.named());
            assertThat(answer.path("field").asText()).as(bad.toString()).isEqualTo(bad.named());
            assertThat(answer.path("messageEn").asText()).contains(bad.named());
        }
        assertThat(rows("BAD-1")).isZero();
    }

    // ---- reversal and details ----

    @Test
    void theSameHospitalReversesOnceWithAnAuditRow() throws Exception {
        assertThat(upload(body("REV-1", MA_YING, BEIJING), hospital(BEIJING)).getResponse().getStatus()).isEqualTo(200);
        refused(mvc.perform(post("/api/hospital/settlements/REV-1/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"  \"}").with(hospital(BEIJING))).andReturn(), 400, SettlementRefusal.BAD_INPUT);

        MvcResult r = mvc.perform(post("/api/hospital/settlements/REV-1/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"费用录入错误，重新结算\"}").with(hospital(BEIJING))).andReturn();
        JsonNode reversed = json(r);
        assertThat(r.getResponse().getStatus()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.path("status").asText()).isEqualTo("REVERSED");
        assertThat(reversed.path("reversal").path("reason").asText()).isEqualTo("费用录入错误，重新结算");
        assertThat(reversed.path("reversal").path("reversedBy").asText()).isEqualTo("provincial:service-account-hospital-system");
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_reversal WHERE settlement_no = 'REV-1' AND institution_code = ?")
                .param(BEIJING).query(Long.class).single()).isEqualTo(1);

        refused(mvc.perform(post("/api/hospital/settlements/REV-1/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"再次冲正\"}").with(hospital(BEIJING))).andReturn(), 422, SettlementRefusal.ALREADY_REVERSED);
        // the reversed settlement no longer counts for the year: the next one pays the deductible again
        Map<String, Object> next = body("REV-2", MA_YING, BEIJING);
        assertThat(json(upload(next, hospital(BEIJING))).path("deductible").decimalValue()).isEqualByComparingTo("800.00");
    }

    @Test
    void detailsAreStoredWithinFiveDaysOfTheDischargeAndRefusedAfter() throws Exception {
        assertThat(upload(body("DET-1", TIAN_CHUNMEI, BEIJING), hospital(BEIJING)).getResponse().getStatus()).isEqualTo(200);
        String lines = """
                {"batchNo": "B1", "lines": [
                  {"itemCode": "XA01", "itemName": "阿司匹林肠溶片", "category": "西药费", "quantity": 2, "unitPrice": 12.5, "amount": 25.00},
                  {"itemCode": "CT01", "itemName": "胸部 CT", "category": "检查费", "quantity": 1, "unitPrice": 300, "amount": 300}]}""";
        JsonNode receipt = json(mvc.perform(post("/api/hospital/settlements/DET-1/details").contentType(MediaType.APPLICATION_JSON)
                .content(lines).with(hospital(BEIJING))).andReturn());
        assertThat(receipt.path("batchLines").asInt()).as(receipt.toString()).isEqualTo(2);
        assertThat(receipt.path("alreadyStored").asBoolean()).isFalse();
        // the same batch again: stored once
        JsonNode retry = json(mvc.perform(post("/api/hospital/settlements/DET-1/details").contentType(MediaType.APPLICATION_JSON)
                .content(lines).with(hospital(BEIJING))).andReturn());
        assertThat(retry.path("alreadyStored").asBoolean()).isTrue();
        assertThat(retry.path("totalLines").asInt()).isEqualTo(2);

        // discharged six days ago: too late (第三十条)
        Map<String, Object> old = body("DET-2", TIAN_CHUNMEI, BEIJING);
        old.put("admissionDate", today.minusDays(12).toString());
        old.put("dischargeDate", today.minusDays(6).toString());
        MvcResult oldUpload = upload(old, hospital(BEIJING));
        assertThat(oldUpload.getResponse().getStatus()).as(oldUpload.getResponse().getContentAsString()).isEqualTo(200);
        refused(mvc.perform(post("/api/hospital/settlements/DET-2/details").contentType(MediaType.APPLICATION_JSON)
                .content(lines).with(hospital(BEIJING))).andReturn(), 422, SettlementRefusal.DETAILS_TOO_LATE);
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_detail d JOIN app.settlement s "
                + "ON s.discharge_month = d.discharge_month AND s.id = d.settlement_id WHERE s.settlement_no = 'DET-2'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        String doc = mvc.perform(get("/api/public/openapi")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("\"/api/hospital/settlements\"", "\"/api/hospital/settlements/{settlementNo}\"",
                "\"/api/hospital/settlements/{settlementNo}/reversal\"", "\"/api/hospital/settlements/{settlementNo}/details\"",
                "\"/api/hospital/settlements/{settlementNo}/slip.pdf\"", "application/pdf", "EMERGENCY_ROOM", "NO_VALID_FILING");
    }

    /**
     * 附件1's 新农合: a person still insured under it files at the counter as 新农合 and is settled by the policy
     * of 城乡居民, the scheme it merged into; the settlement records that policy's type.
     */
    @Test
    void aNewRuralCooperativePersonIsSettledByTheResidentPolicy() throws Exception {
        String person = cn.gov.ybj.crossprov.insured.DemoRegistryGenerator.withCheck("11010519320303793");
        jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, demo)
                VALUES (?, '农合结算', 'M', DATE '1932-03-03', '110105', 'NCMS', 'RESIDENT', 'NORMAL', NULL, true)""")
                .param(person).update();
        StoredDemoPolicies.store(policies, k -> k.insuredArea().code().equals("110105")
                && k.insuranceType() == InsuranceType.RESIDENT && k.personType() == PersonType.RESIDENT);
        AppUser counter = TestUsers.clerk("cy-counter", "110105", "COUNTER");
        Filing f = filings.submit(counter, new FilingApplication(person, "110105", "350200", InsuranceType.NCMS,
                FilingType.OTHER_TEMPORARY, today.minusDays(40), today.plusDays(20), "联系人", "13800138000",
                "厦门市思明区示例路 2 号", null, false, false, false, true, true, List.of()), "settlement-ncms");
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(f.insuranceType()).isEqualTo(InsuranceType.NCMS);

        MvcResult r = upload(body("NCMS-1", person, XIAMEN), hospital(XIAMEN));
        JsonNode s = json(r);
        assertThat(r.getResponse().getStatus()).as(s.toString()).isEqualTo(200);
        assertThat(s.path("policy").path("insuredArea").asText()).isEqualTo("110105");
        assertThat(jdbc.sql("SELECT insurance_type || ' ' || person_type FROM app.settlement WHERE settlement_no = 'NCMS-1'")
                .query(String.class).single()).isEqualTo("RESIDENT RESIDENT");
        PolicyVersion resident = policies.require(PolicyKey.of("110105", InsuranceType.RESIDENT, PersonType.RESIDENT), discharge);
        assertThat(s.path("policy").path("effectiveFrom").asText()).isEqualTo(resident.effectiveFrom().toString());
    }

    @Test
    void partitionsExistForThisMonthAndTheNextTwo() {
        LocalDate month = today.withDayOfMonth(1);
        for (int i = 0; i <= 2; i++) {
            String suffix = String.format("y%04dm%02d", month.plusMonths(i).getYear(), month.plusMonths(i).getMonthValue());
            assertThat(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("app.settlement_" + suffix).query(Boolean.class).single())
                    .as(suffix).isTrue();
            assertThat(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("app.settlement_detail_" + suffix).query(Boolean.class).single())
                    .as(suffix).isTrue();
        }
    }
}
