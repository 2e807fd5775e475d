package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static cn.gov.ybj.crossprov.TestUsers.insured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Registry, eligibility, family members, account links and /api/me on the embedded PostgreSQL with the demo registry. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InsuredRegistryTest {

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String ZHANGWEI = "110105195803120029";
    static final String LIUYANG = "11010819850607441X";
    static final String CHENJING = "350203196209151238";
    static final String LINFANG = "350206199001015563";
    static final String SPOUSE = "110105195607080031"; // 李建华
    static final String CHILD = "110105198602140043"; // 李娜
    static final String SUSPENDED = "110105197003010111"; // 王建国
    static final String OTHER_AREA = "110105197508160123"; // 孙丽, insured in 350200
    static final String TERMINATED = "110108196811200137"; // 周强
    static final String RESIDENT = "110105199204050143"; // 赵敏
    /** valid checksum, not in the registry */
    static final String UNKNOWN = DemoRegistryGenerator.withCheck("65290120240229991");

    @Autowired
    InsuranceRegistry registry;
    @Autowired
    InsuranceRegistryImport importer;
    @Autowired
    InsuredAccounts accounts;
    @Autowired
    FamilyMembers family;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;


    private long familyRows(String owner) {
        return jdbc.sql("SELECT count(*) FROM app.family_member WHERE owner_id_number = ?").param(owner).query(Long.class).single();
    }

    private long bindings(String account) {
        return jdbc.sql("SELECT count(*) FROM app.account_binding WHERE account = ?").param(account).query(Long.class).single();
    }

    @Test
    void demoRegistryContainsTheDemoAccountsAndTestPersons() {
        assertThat(jdbc.sql("SELECT count(*) FROM app.insurance_record WHERE demo").query(Long.class).single()).isGreaterThan(3000);
        assertThat(registry.find(ZHANGWEI)).get().satisfies(r -> {
            assertThat(r.name()).isEqualTo("张伟");
            assertThat(r.poolingAreaCode()).isEqualTo("110105");
            assertThat(r.status()).isEqualTo(InsuranceStatus.NORMAL);
            assertThat(r.insuranceType()).isEqualTo(InsuranceType.EMPLOYEE);
            assertThat(r.sex()).isEqualTo("F");
        });
        assertThat(registry.find(LIUYANG.toLowerCase())).get().extracting(InsuranceRecord::poolingAreaCode).isEqualTo("110108");
        assertThat(registry.find(CHENJING)).get().extracting(InsuranceRecord::poolingAreaCode).isEqualTo("350200");
        assertThat(registry.find(LINFANG)).get().extracting(InsuranceRecord::name).isEqualTo("林芳");
        assertThat(registry.find(UNKNOWN)).isEmpty();
        assertThat(registry.periods(OTHER_AREA)).extracting(ContributionPeriod::poolingAreaCode).containsExactly("110105", "350200");
        assertThat(registry.periods(OTHER_AREA).get(0).months()).isEqualTo(222); // 1997-07 .. 2015-12
        assertThat(family.list(ZHANGWEI)).extracting(FamilyMember::memberName, FamilyMember::relationship)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("李建华", Relationship.SPOUSE),
                        org.assertj.core.groups.Tuple.tuple("李娜", Relationship.CHILD));
        assertThat(InsuranceType.EMPLOYEE.label()).isEqualTo("城镇职工");
        assertThat(InsuranceType.RESIDENT.label()).isEqualTo("城乡居民");
    }

    @Test
    void eligibilityRefusesUnknownOtherAreaNotNormalAndWrongType() {
        Eligibility unknown = registry.checkFilingEligibility(UNKNOWN, "110105", InsuranceType.EMPLOYEE);
        assertThat(unknown.allowed()).isFalse();
        assertThat(unknown.messageZh()).startsWith("未查询到参保信息");
        assertThat(registry.checkFilingEligibility("123", "110105", InsuranceType.EMPLOYEE).messageZh()).startsWith("未查询到参保信息");

        Eligibility otherArea = registry.checkFilingEligibility(OTHER_AREA, "110105", InsuranceType.EMPLOYEE);
        assertThat(otherArea.allowed()).isFalse();
        assertThat(otherArea.messageZh()).contains("参保地不符", "福建省厦门市", "北京市朝阳区");
        assertThat(otherArea.messageEn()).contains("350200");

        Eligibility suspended = registry.checkFilingEligibility(SUSPENDED, "110105", InsuranceType.EMPLOYEE);
        assertThat(suspended.allowed()).isFalse();
        assertThat(suspended.messageZh()).isEqualTo("参保状态为暂停参保，不能办理异地就医备案");
        assertThat(suspended.messageEn()).contains("suspended");
        assertThat(registry.checkFilingEligibility(TERMINATED, "110108", InsuranceType.EMPLOYEE).messageZh())
                .isEqualTo("参保状态为终止参保，不能办理异地就医备案");

        Eligibility type = registry.checkFilingEligibility(RESIDENT, "110105", InsuranceType.EMPLOYEE);
        assertThat(type.allowed()).isFalse();
        assertThat(type.messageZh()).contains("险种不符", "城乡居民");

        assertThat(registry.checkFilingEligibility(LIUYANG, "110108", InsuranceType.EMPLOYEE).allowed()).isTrue();
        assertThat(registry.checkFilingEligibility(OTHER_AREA, "350200", InsuranceType.EMPLOYEE).allowed()).isTrue();
        assertThat(registry.checkFilingEligibility(RESIDENT, "110105", InsuranceType.RESIDENT).allowed()).isTrue();
    }

    @Test
    void familyAddRefusesBadChecksumNameMismatchSelfAndDuplicateWithoutWriting() {
        String owner = CHENJING;
        String badChecksum = CHILD.substring(0, 17) + (CHILD.charAt(17) == '9' ? '8' : '9');
        assertRefused(() -> family.add(owner, "李娜", badChecksum, Relationship.OTHER), "校验位");
        assertRefused(() -> family.add(owner, "李四", CHILD, Relationship.OTHER), "姓名与公民身份号码不匹配");
        assertRefused(() -> family.add(owner, "王五", UNKNOWN, Relationship.OTHER), "姓名与公民身份号码不匹配");
        assertRefused(() -> family.add(owner, "陈静", CHENJING, Relationship.OTHER), "不能将本人");
        assertThat(familyRows(owner)).isZero();

        FamilyMember added = family.add(owner, " 李娜 ", CHILD.toLowerCase(), Relationship.OTHER);
        assertThat(added.memberIdNumber()).isEqualTo(CHILD);
        assertThat(added.ref()).isNotNull();
        assertThat(added.toString()).doesNotContain(CHILD);
        // no 家庭共济 relation on record: the member has to confirm first
        assertThat(added.status()).isEqualTo(FamilyMember.Status.PENDING);
        assertRefused(() -> family.add(owner, "李娜", CHILD, Relationship.CHILD), "不能重复添加");
        assertThat(familyRows(owner)).isEqualTo(1);
        // five refused attempts a day: the sixth is refused whatever it asks, so numbers cannot be guessed
        assertRefused(() -> family.add(owner, "李建华", SPOUSE, Relationship.OTHER), "尝试次数过多");
        assertThat(familyRows(owner)).isEqualTo(1);

        family.remove(owner, CHILD);
        assertThat(familyRows(owner)).isZero();
        assertThat(registry.find(CHILD)).isPresent();
    }

    private static void assertRefused(Runnable action, String zhFragment) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.messageZh()).contains(zhFragment);
            assertThat(e.messageEn()).isNotBlank();
        });
    }

    @Test
    void onlyABindingLinksAnAccountToItsPersonNeverATypedNumber() {
        // the demo account is bound (by the demo loader, as a counter would); an account that merely
        // claims the same person, and staff, get nothing
        assertThat(accounts.boundRecord(new AppUser(Realm.INSURED, "linfang", "林芳", Set.of("INSURED"), List.of(), null)))
                .get().extracting(InsuranceRecord::name).isEqualTo("林芳");
        assertThat(accounts.boundRecord(new AppUser(Realm.INSURED, "linfang-copy", "x", Set.of("INSURED"), List.of(), null))).isEmpty();
        assertThat(accounts.boundRecord(new AppUser(Realm.CLERKS, "cy-reviewer", "x", Set.of("CLERK"), List.of(), "110105"))).isEmpty();
        assertThat(bindings("insured:linfang-copy")).isZero();
    }

    @Test
    void mayActForOwnNumberAndFamilyMembersOnly() {
        // the same account as in the REST tests: one account per ID number
        AppUser zhangwei = insured("zhangwei", ZHANGWEI);
        assertThat(accounts.mayActFor(zhangwei, ZHANGWEI)).isTrue();
        assertThat(accounts.mayActFor(zhangwei, SPOUSE)).isTrue();
        assertThat(accounts.mayActFor(zhangwei, CHILD)).isTrue();
        assertThat(accounts.mayActFor(zhangwei, SUSPENDED)).isFalse();
        assertThat(accounts.mayActFor(zhangwei, LIUYANG)).isFalse();
        assertThat(accounts.mayActFor(zhangwei, null)).isFalse();
        assertThat(accounts.mayActFor(insured("stranger", UNKNOWN), UNKNOWN)).isFalse();
    }

    @Test
    void importReportsEveryBadRowAndWritesNothing() throws Exception {
        String good1 = DemoRegistryGenerator.withCheck("35020319800101551");
        String good2 = DemoRegistryGenerator.withCheck("35020319810202552");
        String bad = good1.substring(0, 17) + (good1.charAt(17) == '1' ? '2' : '1');
        // a file without the mobile column (the format before 实名认证) is still read
        String csv = InsuranceRegistryImport.HEADER_WITHOUT_MOBILE + "\n"
                + good1 + ",测试甲,M,1980-01-01,350200,EMPLOYEE,IN_SERVICE,NORMAL,测试单位,350200:EMPLOYEE:2005-01~\n"
                + bad + ",测试乙,M,1980-01-01,350200,EMPLOYEE,IN_SERVICE,NORMAL,,\n"
                + good2 + ",测试丙,F,1981-02-02,999999,EMPLOYEE,IN_SERVICE,NORMAL,,\n"
                + good2 + ",测试丙,F,1981-02-02,350200,职工,IN_SERVICE,正常,,350200:EMPLOYEE:2010-01~2009-01\n";
        InsuranceRegistryImport.Report report = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).extracting(InsuranceRegistryImport.RowError::line).contains(3, 4, 5);
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.messageZh()).contains("校验位"));
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.messageZh()).contains("未知的统筹区编码"));
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.messageZh()).contains("险种无效"));
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.messageZh()).contains("截止年月早于起始年月"));
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).contains(" / Line "));
        assertThat(registry.find(good1)).isEmpty();

        String fixed = InsuranceRegistryImport.HEADER + "\n"
                + good1 + ",测试甲,男,,350200,城镇职工,在职,正常参保,测试单位,350200:EMPLOYEE:2005-01~,13800138000\n"
                + good2 + ",测试丙,F,1981-02-02,350200,RESIDENT,RESIDENT,SUSPENDED,,350200:RESIDENT:2010-01~2020-12,\n";
        InsuranceRegistryImport.Report ok = importer.importCsv(new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.inserted()).isEqualTo(2);
        assertThat(registry.find(good2)).get().extracting(InsuranceRecord::status).isEqualTo(InsuranceStatus.SUSPENDED);
        InsuranceRegistryImport.Report again = importer.importCsv(new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isEqualTo(2);
        assertThat(registry.periods(good1)).hasSize(1);
    }

    // --- REST -----------------------------------------------------------------------------------

    private static RequestPostProcessor token(String realm, String username, String idNumber, String role) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> {
                    j.issuer("http://localhost:1/realms/" + realm).claim("preferred_username", username);
                    if (idNumber != null) {
                        j.claim("id_number", idNumber);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private JsonNode body(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void restShowsOwnRecordMaskedOrNotFound() throws Exception {
        var ok = mvc.perform(get("/api/me/insurance").with(token("insured", "zhangwei", ZHANGWEI, "INSURED"))).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        JsonNode record = body(ok);
        assertThat(record.get("name").asText()).isEqualTo("张伟");
        assertThat(record.get("idNumber").asText()).isEqualTo("110*****0029");
        assertThat(record.get("insuranceTypeLabel").asText()).isEqualTo("城镇职工");
        assertThat(record.get("periods")).hasSize(1);
        assertThat(ok.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(ZHANGWEI);

        var missing = mvc.perform(get("/api/me/insurance").with(token("insured", "nobody-rest", UNKNOWN, "INSURED"))).andReturn();
        // not bound: the token's id_number claim is ignored
        assertThat(missing.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(missing).get("messageZh").asText()).startsWith("请先完成实名认证");
        assertThat(body(missing).get("messageEn").asText()).contains("Verify your identity");

        assertThat(mvc.perform(get("/api/me/insurance").with(token("clerks", "cy-reviewer", null, "CLERK")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/me/insurance")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void restFamilyListAddRemoveAndNoAccessToOthersMembers() throws Exception {
        var list = mvc.perform(get("/api/me/family").with(token("insured", "zhangwei", ZHANGWEI, "INSURED"))).andReturn();
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        String text = list.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("李建华", "李娜", "110*****0031", "SPOUSE").doesNotContain(SPOUSE, CHILD);

        RequestPostProcessor liuyang = token("insured", "liuyang", LIUYANG, "INSURED");
        var refused = mvc.perform(post("/api/me/family").with(liuyang).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"李四\",\"idNumber\":\"" + CHILD + "\",\"relationship\":\"OTHER\"}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused).get("messageZh").asText()).contains("姓名与公民身份号码不匹配");
        assertThat(body(refused).get("messageEn").asText()).contains("do not match");
        assertThat(familyRows(LIUYANG)).isZero();

        var added = mvc.perform(post("/api/me/family").with(liuyang).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"赵敏\",\"idNumber\":\"" + RESIDENT + "\",\"relationship\":\"SPOUSE\"}")).andReturn();
        assertThat(added.getResponse().getStatus()).isEqualTo(201);
        String ref = body(added).get("ref").asText();
        assertThat(body(added).get("idNumber").asText()).isEqualTo("110*****0143");
        assertThat(body(added).get("status").asText()).isEqualTo("PENDING");

        // zhangwei cannot remove liuyang's member through her own /me
        var foreign = mvc.perform(delete("/api/me/family/" + ref).with(token("insured", "zhangwei", ZHANGWEI, "INSURED"))).andReturn();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        assertThat(familyRows(LIUYANG)).isEqualTo(1);
        assertThat(familyRows(ZHANGWEI)).isEqualTo(2);
        assertThat(mvc.perform(delete("/api/me/family/" + RESIDENT).with(token("insured", "zhangwei", ZHANGWEI, "INSURED")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        assertThat(mvc.perform(delete("/api/me/family/" + ref).with(liuyang)).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(familyRows(LIUYANG)).isZero();
    }
}
