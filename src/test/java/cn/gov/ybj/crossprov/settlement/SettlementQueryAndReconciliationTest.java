package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.FamilyMember;
import cn.gov.ybj.crossprov.insured.FamilyMembers;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.Relationship;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.settlement.internal.ReconciliationStore;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * 结算信息查询 and 日对账 from the outside (MockMvc with the realms' tokens): who sees which settlement,
 * and a day's reconciliation with every kind of mismatch, its sums against the uploads' own answers,
 * per province and as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementQueryAndReconciliationTest {

    /** 北京朝阳 and 厦门思明, 三级甲等, networked; no other test uses them */
    static final String BEIJING = "1101059100021";
    static final String XIAMEN = "3502039100021";

    // demo registry persons no other test uses
    static final String LV_ZHIQIANG = "350205199112072791"; // 厦门 职工: the account owner
    static final String LI_YAJING = "350206199904075583";   // 厦门 职工: his linked family member
    static final String DAI_TING = "350205200604240902";    // 厦门 职工: someone else
    static final String LI_ZHENHUA = "110105197009064794";  // 北京朝阳 职工: an emergency in 厦门

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingManagement filings;
    @Autowired
    FamilyMembers family;
    @Autowired
    InstitutionImport institutions;
    @Autowired
    SettlementPolicies policies;
    @Autowired
    ReconciledSettlements reconciled;
    @Autowired
    ReconciliationStore reconciliationStore;
    @Autowired
    javax.sql.DataSource dataSource;

    LocalDate today;
    /** the discharge day reconciled: a day of its own (no other test's settlements on it) */
    LocalDate day;
    final Map<String, JsonNode> uploaded = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() throws Exception {
        today = ChinaTime.today();
        day = today.minusDays(3);
        String csv = InstitutionImport.HEADER + "\n"
                + "1,110105,北京朝阳对账测试医院（演示）," + BEIJING + ",三级甲等,综合医院,北京市朝阳区测试路 21 号\n"
                + "2,350203,厦门思明对账测试医院（演示）," + XIAMEN + ",三级甲等,综合医院,厦门市思明区测试路 21 号\n";
        assertThat(institutions.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true).ok()).isTrue();
        StoredDemoPolicies.store(policies, k -> true);
        for (String person : List.of(LV_ZHIQIANG, LI_YAJING, DAI_TING)) {
            AppUser user = TestUsers.insured("recon-" + person, person);
            TestUsers.bind(jdbc, user.username(), person);
            if (filings.openedOn(person, day).isEmpty()) {
                Filing f = filings.submit(user, new FilingApplication(person, "350200", "110000", InsuranceType.EMPLOYEE,
                        FilingType.OTHER_TEMPORARY, today.minusDays(40), today.plusDays(20), "联系人", "13800138000",
                        "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of()), "recon-" + person);
                assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
            }
        }
        // 李雅静 is 吕志强's linked family member (she confirmed from her account)
        if (family.active(LV_ZHIQIANG).stream().noneMatch(m -> m.memberIdNumber().equals(LI_YAJING))) {
            FamilyMember link = family.add(LV_ZHIQIANG, "李雅静", LI_YAJING, Relationship.OTHER);
            if (link.status() != FamilyMember.Status.ACTIVE) {
                family.confirm(LI_YAJING, link.ref());
            }
        }
        upload("RC-1", LV_ZHIQIANG, BEIJING, false, "20000.00", "300.00");
        upload("RC-2", LI_YAJING, BEIJING, false, "8000.00", "0");
        upload("RC-3", DAI_TING, BEIJING, false, "5000.00", "120.50");
        upload("RC-4", LI_ZHENHUA, XIAMEN, true, "3000.00", "0");
    }

    void upload(String no, String person, String institution, boolean emergency, String inScope, String selfPaid) throws Exception {
        uploadOn(day, no, person, institution, emergency, inScope, selfPaid);
    }

    void uploadOn(LocalDate day, String no, String person, String institution, String inScope, String selfPaid) throws Exception {
        uploadOn(day, no, person, institution, false, inScope, selfPaid);
    }

    void uploadOn(LocalDate day, String no, String person, String institution, boolean emergency, String inScope, String selfPaid)
            throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settlementNo", no);
        m.put("personIdNumber", person);
        m.put("institutionCode", institution);
        m.put("admissionDate", day.minusDays(6).toString());
        m.put("dischargeDate", day.toString());
        m.put("emergency", emergency);
        m.put("categories", List.of(Map.of("category", "西药费", "inScope", new BigDecimal(inScope), "selfPaid", new BigDecimal(selfPaid))));
        m.put("diagnosisCodes", List.of("I21.900"));
        m.put("inpatientNo", "ZY-" + no);
        m.put("admissionWay", "OUTPATIENT");
        m.put("dischargeDepartment", "心血管内科");
        MvcResult r = mvc.perform(post("/api/hospital/settlements").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(m)).with(hospital(institution))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        uploaded.put(no, json(r));
    }

    // ---- tokens ----

    static RequestPostProcessor hospital(String institutionCode) {
        return HospitalSettlementApiTest.hospital(institutionCode);
    }

    static RequestPostProcessor insured(String person) {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", "recon-" + person))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    static RequestPostProcessor clerk(String area) {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", "recon-clerk-" + area)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }

    static RequestPostProcessor officer(String group) {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("preferred_username", "recon-" + group)
                        .claim("groups", List.of(group)).claim("roles", List.of("officer", "clearing")))
                .authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));
    }

    static JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode ok(String url, RequestPostProcessor token) throws Exception {
        MvcResult r = mvc.perform(get(url).with(token)).andReturn();
        assertThat(r.getResponse().getStatus()).as(url + " " + r.getResponse().getContentAsString()).isEqualTo(200);
        return json(r);
    }

    int status(String url, RequestPostProcessor token) throws Exception {
        return mvc.perform(get(url).with(token)).andReturn().getResponse().getStatus();
    }

    static List<String> numbers(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.forEach(n -> numbers.add(n.path("settlementNo").asText()));
        return numbers;
    }

    // ---- 结算信息查询 ----

    @Test
    void anInsuredPersonSeesTheirOwnAndTheirLinkedFamilysSettlementsOnly() throws Exception {
        JsonNode mine = ok("/api/settlements", insured(LV_ZHIQIANG));
        assertThat(numbers(mine)).contains("RC-1", "RC-2").doesNotContain("RC-3", "RC-4");
        JsonNode first = mine.get(numbers(mine).indexOf("RC-1"));
        assertThat(first.path("personIdNumber").asText()).startsWith("350").endsWith("2791").doesNotContain("19911207");
        assertThat(first.path("fundsTotal").decimalValue()).isEqualByComparingTo(uploaded.get("RC-1").path("fundsTotal").decimalValue());
        assertThat(first.path("personalCash").decimalValue()).isEqualByComparingTo(uploaded.get("RC-1").path("personalCash").decimalValue());
        // the family member's settlement opens with its split; another person's is not found
        JsonNode hers = ok("/api/settlements/" + BEIJING + "/RC-2", insured(LV_ZHIQIANG));
        assertThat(hers.path("funds")).isEqualTo(uploaded.get("RC-2").path("funds"));
        assertThat(status("/api/settlements/" + BEIJING + "/RC-3", insured(LV_ZHIQIANG))).isEqualTo(404);
        assertThat(status("/api/settlements/" + XIAMEN + "/RC-4", insured(LV_ZHIQIANG))).isEqualTo(404);
        // the other person sees hers only, not his
        assertThat(numbers(ok("/api/settlements", insured(DAI_TING)))).contains("RC-3").doesNotContain("RC-1", "RC-2");
        assertThat(status("/api/settlements/" + BEIJING + "/RC-1", insured(DAI_TING))).isEqualTo(404);
        // the family member sees her own, not the owner's (the link is his, not hers)
        assertThat(numbers(ok("/api/settlements", insured(LI_YAJING)))).contains("RC-2").doesNotContain("RC-1");
    }

    @Test
    void aClerkSeesTheSettlementsOfPersonsInsuredInTheirArea() throws Exception {
        String range = "?from=" + day.minusDays(1) + "&to=" + day;
        assertThat(numbers(ok("/api/settlements" + range, clerk("350200")))).contains("RC-1", "RC-2", "RC-3").doesNotContain("RC-4");
        assertThat(numbers(ok("/api/settlements" + range + "&idNumber=" + DAI_TING, clerk("350200")))).containsExactly("RC-3");
        assertThat(numbers(ok("/api/settlements" + range, clerk("110105")))).contains("RC-4").doesNotContain("RC-1", "RC-2", "RC-3");
        assertThat(ok("/api/settlements/" + BEIJING + "/RC-3", clerk("350200")).path("settlementNo").asText()).isEqualTo("RC-3");
        assertThat(status("/api/settlements/" + BEIJING + "/RC-3", clerk("110105"))).isEqualTo(404);
        // a range that ends before it starts is refused, in both languages
        MvcResult bad = mvc.perform(get("/api/settlements?from=" + day + "&to=" + day.minusDays(2)).with(clerk("350200"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isBetween(400, 422);
        assertThat(json(bad).path("messageZh").asText()).contains("出院日期");
        // officers and hospitals do not use this query
        assertThat(status("/api/settlements", officer("province-350000"))).isEqualTo(403);
    }

    // ---- 日对账 ----

    Map<String, Object> line(String no, String area, String status, BigDecimal total, BigDecimal funds, BigDecimal cash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settlementNo", no);
        m.put("insuredAreaCode", area);
        m.put("status", status);
        m.put("total", total);
        m.put("fundsTotal", funds);
        m.put("personalCash", cash);
        return m;
    }

    Map<String, Object> asBooked(String no, String area) {
        JsonNode s = uploaded.get(no);
        return line(no, area, "SETTLED", s.path("total").decimalValue(), s.path("fundsTotal").decimalValue(),
                s.path("personalCash").decimalValue());
    }

    MvcResult sendLedger(String institution, LocalDate date, List<Map<String, Object>> lines) throws Exception {
        return mvc.perform(put("/api/hospital/ledgers/" + date).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("lines", lines))).with(hospital(institution))).andReturn();
    }

    @Test
    void aDayIsReconciledPerProvincePairWithEveryMismatchNamed() throws Exception {
        // 北京's hospital: RC-1 as booked; RC-2 with other amounts; RC-3 missing; a settlement unknown to the insured area
        JsonNode rc2 = uploaded.get("RC-2");
        List<Map<String, Object>> lines = List.of(
                asBooked("RC-1", "350200"),
                line("RC-2", "350200", "SETTLED", rc2.path("total").decimalValue(),
                        rc2.path("fundsTotal").decimalValue().subtract(BigDecimal.ONE), rc2.path("personalCash").decimalValue().add(BigDecimal.ONE)),
                line("RC-GHOST", "350200", "SETTLED", new BigDecimal("100.00"), new BigDecimal("60.00"), new BigDecimal("40.00")));
        MvcResult sent = sendLedger(BEIJING, day, lines);
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode own = json(sent);
        assertThat(own.path("institutionCode").asText()).isEqualTo(BEIJING);
        assertThat(own.path("mismatchCount").asLong()).isEqualTo(3);
        assertThat(kinds(own)).containsEntry("RC-2", "AMOUNT").containsEntry("RC-3", "MISSING_AT_HOSPITAL")
                .containsEntry("RC-GHOST", "MISSING_AT_PLATFORM").doesNotContainKey("RC-1");

        // 北京's officer: both pairs 北京 is on; 厦门's hospital sent nothing, so RC-4 is NOT_SUBMITTED
        JsonNode bj = ok("/api/reconciliation/days/" + day, officer("province-110000"));
        JsonNode bjFj = pair(bj, "110000", "350000");
        JsonNode fjBj = pair(bj, "350000", "110000");
        // the insured area's side equals the sums of the uploads' own answers (RC-1..3), the hospitals' the lines
        assertThat(bjFj.path("platform").path("count").asLong()).isEqualTo(3);
        assertThat(bjFj.path("platform").path("fundsTotal").decimalValue()).isEqualByComparingTo(sum("fundsTotal", "RC-1", "RC-2", "RC-3"));
        assertThat(bjFj.path("platform").path("total").decimalValue()).isEqualByComparingTo(sum("total", "RC-1", "RC-2", "RC-3"));
        assertThat(bjFj.path("hospital").path("count").asLong()).isEqualTo(3);
        assertThat(bjFj.path("hospital").path("fundsTotal").decimalValue()).isEqualByComparingTo(
                sum("fundsTotal", "RC-1", "RC-2").subtract(BigDecimal.ONE).add(new BigDecimal("60.00")));
        assertThat(bjFj.path("mismatches").asLong()).isEqualTo(3);
        assertThat(fjBj.path("platform").path("count").asLong()).isEqualTo(1);
        assertThat(fjBj.path("hospital").path("count").asLong()).isZero();
        assertThat(kinds(bj)).containsEntry("RC-4", "NOT_SUBMITTED");

        // 福建's officer sees the same two pairs (福建 is on both); another province sees none of them
        JsonNode fj = ok("/api/reconciliation/days/" + day, officer("province-350000"));
        assertThat(pair(fj, "110000", "350000")).isEqualTo(bjFj);
        JsonNode gd = ok("/api/reconciliation/days/" + day, officer("province-440000"));
        assertThat(gd.path("pairs").findValuesAsText("medicalProvince")).doesNotContain("110000", "350000");
        assertThat(gd.path("mismatches").findValuesAsText("settlementNo")).isEmpty();

        // the hospital corrects its ledger: RC-2 and RC-3 as booked, the ghost gone → its day matches
        MvcResult corrected = sendLedger(BEIJING, day, List.of(asBooked("RC-1", "350200"), asBooked("RC-2", "350200"),
                asBooked("RC-3", "350200")));
        assertThat(json(corrected).path("mismatchCount").asLong()).isZero();
        assertThat(jdbc.sql("SELECT revision FROM app.settlement_ledger_submission WHERE institution_code = ? AND ledger_date = ?")
                .params(BEIJING, day).query(Integer.class).single()).isEqualTo(2);
        // 厦门's hospital reports RC-4 reversed while the insured area has it settled
        JsonNode rc4 = uploaded.get("RC-4");
        JsonNode xm = json(sendLedger(XIAMEN, day, List.of(line("RC-4", "110105", "REVERSED", rc4.path("total").decimalValue(),
                rc4.path("fundsTotal").decimalValue(), rc4.path("personalCash").decimalValue()))));
        assertThat(kinds(xm)).containsExactly(Map.entry("RC-4", "STATUS"));

        // CSV for Excel: BOM, Chinese headers, the pair with province names, the mismatch with its number
        MvcResult csv = mvc.perform(get("/api/reconciliation/days/" + day + "/export.csv").with(officer("province-110000"))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("reconciliation-" + day + ".csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF跨省异地就医日对账," + day).contains("就医省,参保省,医院笔数")
                .contains("北京市,福建省,3,").contains("RC-4").contains("结算状态不符").doesNotContain(LI_ZHENHUA);
        String en = mvc.perform(get("/api/reconciliation/days/" + day + "/export.csv?lang=en").with(officer("province-110000")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Medical province,Insured province").contains("Status differs");
    }

    @Test
    void aBadLedgerIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        LocalDate other = day.minusDays(1);
        assertThat(sendLedger(XIAMEN, other, List.of()).getResponse().getStatus()).isEqualTo(200);
        long before = jdbc.sql("SELECT count(*) FROM app.settlement_ledger").query(Long.class).single();
        Map<String, MvcResult> bad = new LinkedHashMap<>();
        bad.put("lines[0].total", sendLedger(XIAMEN, other, List.of(line("X-1", "110105", "SETTLED",
                new BigDecimal("10.00"), new BigDecimal("3.00"), new BigDecimal("3.00")))));
        bad.put("lines[0].insuredAreaCode", sendLedger(XIAMEN, other, List.of(line("X-1", "11010", "SETTLED",
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO))));
        bad.put("lines[0].status", sendLedger(XIAMEN, other, List.of(line("X-1", "110105", "PAID",
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO))));
        bad.put("lines[1].settlementNo", sendLedger(XIAMEN, other, List.of(
                line("X-1", "110105", "SETTLED", BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO),
                line("X-1", "110105", "SETTLED", BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO))));
        bad.put("lines[0].fundsTotal", sendLedger(XIAMEN, other, List.of(line("X-1", "110105", "SETTLED",
                BigDecimal.TEN, new BigDecimal("-1"), new BigDecimal("11")))));
        bad.put("date", sendLedger(XIAMEN, today.plusDays(1), List.of()));
        for (Map.Entry<String, MvcResult> e : bad.entrySet()) {
            JsonNode body = json(e.getValue());
            assertThat(e.getValue().getResponse().getStatus()).as(e.getKey() + " " + body).isEqualTo(400);
            assertThat(body.path("field").asText()).isEqualTo(e.getKey());
            assertThat(body.path("messageZh").asText()).isNotBlank();
            assertThat(body.path("messageEn").asText()).isNotBlank();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_ledger").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT revision FROM app.settlement_ledger_submission WHERE institution_code = ? AND ledger_date = ?")
                .params(XIAMEN, other).query(Integer.class).single()).isEqualTo(1);
        // the ledger is the hospitals'; the reconciliation the officers'
        assertThat(mvc.perform(put("/api/hospital/ledgers/" + other).contentType(MediaType.APPLICATION_JSON).content("{\"lines\":[]}")
                .with(officer("province-110000"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(status("/api/reconciliation/days/" + day, insured(LV_ZHIQIANG))).isEqualTo(403);
        assertThat(status("/api/reconciliation/days/" + day, clerk("350200"))).isEqualTo(403);
        assertThat(status("/api/reconciliation/days/" + day, hospital(BEIJING))).isEqualTo(403);
    }

    /** the day's stored 日对账 (per institution, made current first) equals the day joined anew, for all and for 北京 */
    boolean storedEqualsJoined(LocalDate day) {
        for (ReconciliationStore.Scope scope : List.of(ReconciliationStore.Scope.ALL, new ReconciliationStore.Scope(null, "110000"))) {
            assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_day_change WHERE day = ? AND NOT resummed").param(day)
                    .query(Long.class).single()).as("nothing left to sum again").isZero();
            assertThat(reconciliationStore.pairs(day, scope, true)).isNotEmpty().isEqualTo(reconciliationStore.pairs(day, scope, false));
            assertThat(reconciliationStore.mismatches(day, scope, 500, true))
                    .isEqualTo(reconciliationStore.mismatches(day, scope, 500, false));
        }
        return true;
    }

    static JsonNode pair(JsonNode r, String medical, String insured) {
        for (JsonNode p : r.path("pairs")) {
            if (p.path("medicalProvince").asText().equals(medical) && p.path("insuredProvince").asText().equals(insured)) {
                return p;
            }
        }
        throw new AssertionError("no pair " + medical + " → " + insured + " in " + r);
    }

    static Map<String, String> kinds(JsonNode r) {
        Map<String, String> kinds = new LinkedHashMap<>();
        r.path("mismatches").forEach(m -> kinds.put(m.path("settlementNo").asText(), m.path("kind").asText()));
        return kinds;
    }

    BigDecimal sum(String field, String... numbers) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String no : numbers) {
            sum = sum.add(uploaded.get(no).path(field).decimalValue());
        }
        return sum;
    }

    // ---- what monthly clearing takes: the day sums follow every change of a day ----

    /** the reconciled settlements of a month as clearing takes them: count, 基金支付合计, per fund code */
    record MonthSums(long count, BigDecimal funds, Map<String, BigDecimal> byCode) {
    }

    MonthSums fromDaySums(YearMonth month) {
        long[] count = {0};
        BigDecimal[] funds = {BigDecimal.ZERO};
        Map<String, BigDecimal> byCode = new TreeMap<>();
        long[] byMedicalArea = {0};
        BigDecimal[] fundsByMedicalArea = {BigDecimal.ZERO};
        reconciled.ofMonth(month, g -> {
            if (g.reconciled() && g.medicalArea() == null) {
                count[0] += g.settlements();
                funds[0] = funds[0].add(g.fundsTotal().yuan());
                g.funds().forEach((code, amount) -> byCode.merge(code, amount.yuan().setScale(2), BigDecimal::add));
            } else if (g.reconciled()) {
                assertThat(g.insuredArea()).isNull();
                assertThat(g.funds()).isEmpty();
                byMedicalArea[0] += g.settlements();
                fundsByMedicalArea[0] = fundsByMedicalArea[0].add(g.fundsTotal().yuan());
            }
        });
        // the groups by 就医地 hold the same settlements
        assertThat(byMedicalArea[0]).isEqualTo(count[0]);
        assertThat(fundsByMedicalArea[0]).isEqualByComparingTo(funds[0]);
        return new MonthSums(count[0], funds[0].setScale(2), byCode);
    }

    /** the same from the settlements and ledger lines themselves */
    MonthSums independently(YearMonth month) {
        String reconciledRows = """
                FROM app.settlement s JOIN app.settlement_ledger l ON l.ledger_month = s.discharge_month
                    AND l.ledger_date = s.discharge_date AND l.institution_code = s.institution_code AND l.settlement_no = s.settlement_no
                WHERE s.discharge_month = ? AND s.status = 'SETTLED' AND l.status = 'SETTLED' AND l.total = s.total
                  AND l.funds_total = s.funds_total AND l.personal_cash = s.personal_cash""";
        Map<String, Object> totals = jdbc.sql("SELECT count(*) AS n, coalesce(sum(s.funds_total), 0) AS f " + reconciledRows)
                .param(month.atDay(1)).query().singleRow();
        Map<String, BigDecimal> byCode = new TreeMap<>();
        jdbc.sql("SELECT f ->> 'code' AS code, sum((f ->> 'amount')::numeric) AS amount " + reconciledRows.replace("WHERE",
                        ", jsonb_array_elements(s.funds) f WHERE") + " GROUP BY 1")
                .param(month.atDay(1)).query((rs, n) -> byCode.put(rs.getString(1), rs.getBigDecimal(2).setScale(2))).list();
        return new MonthSums(((Number) totals.get("n")).longValue(), ((BigDecimal) totals.get("f")).setScale(2), byCode);
    }

    @Test
    void theMonthsClearingSumsFollowEveryChangeOfADay() throws Exception {
        LocalDate other = day.minusDays(2); // a day of this test's own, outside the clerks' range above
        YearMonth month = YearMonth.from(other);
        uploadOn(other, "DS-1", LV_ZHIQIANG, BEIJING, "6000.00", "0");
        uploadOn(other, "DS-2", DAI_TING, BEIJING, "4000.00", "0");
        assertThat(sendLedger(BEIJING, other, List.of(asBooked("DS-1", "350200"), asBooked("DS-2", "350200")))
                .getResponse().getStatus()).isEqualTo(200);
        MonthSums booked = fromDaySums(month);
        assertThat(booked).isEqualTo(independently(month));
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_day_change WHERE day >= ? AND day <= ?")
                .params(month.atDay(1), month.atEndOfMonth()).query(Long.class).single()).isZero();
        assertThat(reconciled.closeDays(month.atDay(1), month.atEndOfMonth(), true)).as("nothing changed since").isZero();

        Object summedAt = jdbc.sql("SELECT closed_at FROM app.settlement_day WHERE day = ?").param(other).query().singleValue();

        // the hospital books DS-2 with other amounts (a late ledger): it leaves the reconciled sums
        JsonNode ds2 = uploaded.get("DS-2");
        sendLedger(BEIJING, other, List.of(asBooked("DS-1", "350200"), line("DS-2", "350200", "SETTLED", ds2.path("total").decimalValue(),
                ds2.path("fundsTotal").decimalValue().subtract(BigDecimal.ONE), ds2.path("personalCash").decimalValue().add(BigDecimal.ONE))));
        // the officers' 日对账: that institution's rows were summed again with its ledger, not the whole day
        assertThat(storedEqualsJoined(other)).isTrue();
        assertThat(jdbc.sql("SELECT closed_at FROM app.settlement_day WHERE day = ?").param(other).query().singleValue()).isEqualTo(summedAt);
        List<JsonNode> joined = List.of(ok("/api/reconciliation/days/" + other, officer("national-centre")),
                ok("/api/reconciliation/days/" + other, officer("province-110000")));
        assertThat(joined.get(0).path("mismatches").findValuesAsText("settlementNo")).contains("DS-2");
        MonthSums restated = fromDaySums(month);
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_day_mismatch WHERE day = ? AND no = 'DS-2'").param(other)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(List.of(ok("/api/reconciliation/days/" + other, officer("national-centre")),
                ok("/api/reconciliation/days/" + other, officer("province-110000")))).isEqualTo(joined);
        assertThat(restated).isEqualTo(independently(month));
        assertThat(restated.count()).isEqualTo(booked.count() - 1);
        assertThat(booked.funds().subtract(restated.funds())).isEqualByComparingTo(ds2.path("fundsTotal").decimalValue());

        // the hospital reverses DS-1: it leaves them too
        MvcResult reversed = mvc.perform(post("/api/hospital/settlements/DS-1/reversal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"患者信息有误\"}").with(hospital(BEIJING))).andReturn();
        assertThat(reversed.getResponse().getStatus()).as(reversed.getResponse().getContentAsString()).isEqualTo(200);
        // the day's view after the reversal: the institution summed again when an officer looks
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_day_change WHERE day = ? AND institution_code = ? AND NOT resummed")
                .params(other, BEIJING).query(Long.class).single()).isEqualTo(1);
        JsonNode afterReversalView = ok("/api/reconciliation/days/" + other, officer("national-centre"));
        assertThat(pair(afterReversalView, "110000", "350000").path("platform").path("reversed").asLong()).isEqualTo(1);
        assertThat(storedEqualsJoined(other)).isTrue();
        MonthSums afterReversal = fromDaySums(month);
        assertThat(afterReversal).isEqualTo(independently(month));
        assertThat(afterReversal.count()).isEqualTo(booked.count() - 2);

        // while the day is being summed as a whole (its lock held elsewhere), an officer's view joins the day
        // after waiting 1 s, and the new upload's institution is summed again at the next view
        uploadOn(other, "DS-3", LI_YAJING, BEIJING, "3000.00", "0");
        try (java.sql.Connection summing = dataSource.getConnection()) {
            summing.setAutoCommit(false);
            try (var lock = summing.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('settlement-day'), ?)")) {
                lock.setInt(1, (int) other.toEpochDay());
                lock.execute();
            }
            JsonNode whileSummed = ok("/api/reconciliation/days/" + other, officer("national-centre"));
            assertThat(pair(whileSummed, "110000", "350000").path("platform").path("count").asLong())
                    .isEqualTo(pair(afterReversalView, "110000", "350000").path("platform").path("count").asLong() + 1);
            summing.rollback();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_day_change WHERE day = ? AND NOT resummed").param(other)
                .query(Long.class).single()).isEqualTo(1);
        ok("/api/reconciliation/days/" + other, officer("national-centre"));
        assertThat(storedEqualsJoined(other)).isTrue();
    }

    @Test
    void aRecentDayIsKeptSummedAsItGoesSoThatNoViewJoinsIt() throws Exception {
        LocalDate running = day.minusDays(6); // a day of this test's own (another test's clearing may have summed it empty)
        uploadOn(running, "KS-1", LV_ZHIQIANG, BEIJING, "5000.00", "0");
        // changed as a whole (data written in SQL, a bulk load): like a day never summed, only a join gives its figures
        jdbc.sql("INSERT INTO app.settlement_day_change (day) VALUES (?)").param(running).update();
        assertThat(reconciliationStore.statesOf(running, running)).containsEntry(running, ReconciliationStore.DayState.JOIN);

        // the minute's run sums the day as a whole: its 日对账 is then read from the stored rows
        assertThat(reconciled.keepCurrent(running, running)).isEqualTo(new ReconciledSettlements.DaysKept(1, 0));
        assertThat(reconciliationStore.statesOf(running, running)).containsEntry(running, ReconciliationStore.DayState.CURRENT);
        Object summedAt = jdbc.sql("SELECT closed_at FROM app.settlement_day WHERE day = ?").param(running).query().singleValue();
        assertThat(storedEqualsJoined(running)).isTrue();

        // an upload since: the next run sums that institution again, not the day
        uploadOn(running, "KS-2", DAI_TING, BEIJING, "7000.00", "0");
        assertThat(reconciliationStore.statesOf(running, running)).containsEntry(running, ReconciliationStore.DayState.CHANGED);
        assertThat(reconciled.keepCurrent(running, running)).isEqualTo(new ReconciledSettlements.DaysKept(0, 1));
        assertThat(reconciliationStore.statesOf(running, running)).containsEntry(running, ReconciliationStore.DayState.CURRENT);
        assertThat(jdbc.sql("SELECT closed_at FROM app.settlement_day WHERE day = ?").param(running).query().singleValue())
                .isEqualTo(summedAt);
        assertThat(storedEqualsJoined(running)).isTrue();
        assertThat(pair(ok("/api/reconciliation/days/" + running, officer("national-centre")), "110000", "350000")
                .path("platform").path("count").asLong()).isEqualTo(2);
        assertThat(reconciled.keepCurrent(running, running)).as("nothing left").isEqualTo(new ReconciledSettlements.DaysKept(0, 0));
    }
}
