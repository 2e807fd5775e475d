package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.chronic.ChronicChoices;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoice;
import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.ChronicQualification;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 门诊慢特病医疗机构选择 on the embedded PostgreSQL with the real engine: rules, serial, review in
 * the insured area, the live-choice index, and what other persons and areas get (nothing). The
 * filings lie in 2041–2042 so they never overlap other test classes' filings of the same persons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ChronicChoiceIntegrationTest {

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String CHENJING = "350203196209151238";   // 厦门 350200, self-service; 高血压 + 糖尿病 (demo)
    static final String LINFANG = "350206199001015563";    // 厦门 350200, self-service; no valid qualification
    static final String ZHANGWEI = "110105195803120029";   // 北京朝阳 110105, quick; 原发性免疫性血小板减少症 (demo)
    static final String ANZHEN = "1100001004845";          // 北京安贞医院 (institutions seed, 北京市)
    static final String ANZHEN_TCM = "1100001007267";      // 北京安贞中医医院
    static final String ANDINGMEN_TCM = "1100001006929";   // 北京安定门中医医院
    static final String SHANGHAI = "3101019000101";        // outside a Beijing destination

    static final AppUser chenjing = insured("chenjing", CHENJING);
    static final AppUser linfang = insured("linfang", LINFANG);
    static final AppUser zhangwei = insured("zhangwei", ZHANGWEI);
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");

    @Autowired
    FilingManagement filings;

    @Autowired
    ChronicChoices chronic;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ProcessEngine engine;
    @Autowired
    InstitutionImport institutions;



    /** The designated institutions of the seed (北京市) and one in Shanghai; importing twice changes nothing. */
    @BeforeEach
    void institutions() throws Exception {
        try (InputStream seed = new ClassPathResource("reference/institutions-seed.csv").getInputStream()) {
            assertThat(institutions.importCsv(seed, false).ok()).isTrue();
        }
        String shanghai = InstitutionImport.HEADER + "\n1,310101,上海黄浦慢病演示医院（演示）," + SHANGHAI + ",二级,综合医院,上海市黄浦区演示路1号\n";
        assertThat(institutions.importCsv(new ByteArrayInputStream(shanghai.getBytes(StandardCharsets.UTF_8)), true).ok()).isTrue();
    }

    static FilingApplication application(String person, String insuredArea, String treatment, LocalDate start, LocalDate end) {
        return new FilingApplication(person, insuredArea, treatment, InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY,
                start, end, "联系人", "13800138000", "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of());
    }

    private Filing openedBeijingFiling(AppUser user, String person, LocalDate start) {
        Filing f = filings.submit(user, application(person, "350200", "110000", start, start.plusDays(27)), UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        return f;
    }

    private Task reviewTask(ChronicChoice c) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(c.serial()).singleResult();
    }

    private long choices() {
        return jdbc.sql("SELECT count(*) FROM app.chronic_institution_choice").query(Long.class).single();
    }

    private long events(UUID filingId) {
        return jdbc.sql("SELECT count(*) FROM app.filing_event WHERE filing_id = :id").param("id", filingId).query(Long.class).single();
    }

    @Test
    void choiceGetsASerialIsReviewedInTheInsuredAreaAndApprovedShowsInTheList() {
        assertThat(chronic.qualifications(chenjing, CHENJING)).extracting(ChronicQualification::diseaseCode)
                .containsExactly("M01600", "M03900");
        Filing f = openedBeijingFiling(chenjing, CHENJING, LocalDate.of(2041, 1, 1));
        assertThat(filings.options(chenjing, f).chronicQualified()).isTrue();

        ChronicChoice c = chronic.choose(chenjing, f.id(), "M03900", ANZHEN);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(c.serial()).hasSize(18).matches("B1\\d{16}").startsWith("B1" + today);
        assertThat(c.status()).isEqualTo(ChronicChoice.Status.UNDER_REVIEW);
        assertThat(c.diseaseName()).isEqualTo("高血压");
        assertThat(c.institutionName()).isEqualTo("北京安贞医院");
        assertThat(c.filingId()).isEqualTo(f.id());

        Task task = reviewTask(c);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReviewChoice");
        assertThat(task.getDueDate().toInstant()).isEqualTo(workingDays.deadline(task.getCreateTime().toInstant(), 2).toInstant());
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("area-350200");
        assertThat(inbox.page(xmReviewer, new ClerkInbox.Filter("Task_ReviewChoice", null, null, false), 0, 500))
                .extracting(ClerkInbox.Item::taskId).contains(task.getId());

        // while under review the same disease + institution is refused, and nothing is written
        long before = choices();
        assertThatThrownBy(() -> chronic.choose(chenjing, f.id(), "M03900", ANZHEN))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("不能重复提交");
        assertThat(choices()).isEqualTo(before);

        // another area's clerk neither sees nor decides it
        assertThat(chronic.forReviewTask(cyReviewer, task.getId())).isEmpty();
        assertThatThrownBy(() -> chronic.approve(cyReviewer, task.getId())).isInstanceOf(BusinessRuleException.class);
        assertThat(inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500)).extracting(ClerkInbox.Item::taskId).doesNotContain(task.getId());

        assertThat(chronic.forReviewTask(xmReviewer, task.getId())).map(ChronicChoice::serial).contains(c.serial());
        ChronicChoice approved = chronic.approve(xmReviewer, task.getId());
        assertThat(approved.status()).isEqualTo(ChronicChoice.Status.APPROVED);
        assertThat(chronic.choices(chenjing, CHENJING, "M03900")).filteredOn(x -> x.id().equals(c.id()))
                .singleElement().extracting(ChronicChoice::status).isEqualTo(ChronicChoice.Status.APPROVED);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(c.serial())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_ChoiceApproved");
        assertThat(filings.history(chenjing, f.id())).extracting(Filing.Event::action)
                .anyMatch(a -> a.startsWith("门诊慢特病医疗机构选择审核通过"));
        // not for the national filing registry
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing_event WHERE filing_id = :id AND action LIKE '%门诊慢特病%' AND reportable")
                .param("id", f.id()).query(Long.class).single()).isZero();

        // approved: still refused, also from another filing of the same person
        assertThatThrownBy(() -> chronic.choose(chenjing, f.id(), "M03900", ANZHEN))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("不能重复提交");
        assertThat(choices()).isEqualTo(before);
    }

    @Test
    void refusedChoiceShowsTheReasonAndTheInstitutionMayBeChosenAgain() {
        Filing f = openedBeijingFiling(chenjing, CHENJING, LocalDate.of(2041, 4, 1));
        ChronicChoice c = chronic.choose(chenjing, f.id(), "M01600", ANZHEN_TCM);
        String task = reviewTask(c).getId();
        assertThatThrownBy(() -> chronic.refuse(xmReviewer, task, " "))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("原因");
        ChronicChoice refused = chronic.refuse(xmReviewer, task, "该机构暂未开通糖尿病门诊慢特病结算");
        assertThat(refused.status()).isEqualTo(ChronicChoice.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("该机构暂未开通糖尿病门诊慢特病结算");
        assertThat(filings.history(chenjing, f.id())).filteredOn(e -> e.action().startsWith("门诊慢特病医疗机构选择审核未通过"))
                .singleElement().extracting(Filing.Event::reason).isEqualTo("该机构暂未开通糖尿病门诊慢特病结算");

        ChronicChoice again = chronic.choose(chenjing, f.id(), "M01600", ANZHEN_TCM);
        assertThat(again.status()).isEqualTo(ChronicChoice.Status.UNDER_REVIEW);
        assertThat(again.serial()).isNotEqualTo(c.serial());
        // newest first: the new one, then the refused one
        assertThat(chronic.choices(chenjing, CHENJING, "M01600")).extracting(ChronicChoice::id)
                .containsSubsequence(again.id(), c.id());
        chronic.approve(xmReviewer, reviewTask(again).getId());
    }

    @Test
    void refusalsChangeNothing() {
        jdbc.sql("""
                INSERT INTO app.chronic_qualification (person_id_number, disease_code, disease_name, insured_area_code,
                    approved_on, valid_until)
                VALUES (:p, 'M01600', '糖尿病', '350200', DATE '2018-01-01', DATE '2020-12-31') ON CONFLICT DO NOTHING""")
                .param("p", LINFANG).update();
        Filing mine = openedBeijingFiling(chenjing, CHENJING, LocalDate.of(2041, 7, 1));
        Filing hers = openedBeijingFiling(linfang, LINFANG, LocalDate.of(2041, 7, 1));
        Filing quick = filings.submit(zhangwei, new FilingApplication(ZHANGWEI, "110105", "350200", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, LocalDate.of(2041, 7, 1), LocalDate.of(2041, 7, 28), "张伟", "13900000000",
                "厦门市演示路 1 号", null, false, false, false, true, true, List.of()), UUID.randomUUID().toString());
        assertThat(quick.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(filings.options(linfang, hers).chronicQualified()).isFalse();
        assertThat(chronic.qualifications(linfang, LINFANG)).isEmpty();
        long choices = choices();
        long events = events(mine.id()) + events(hers.id()) + events(quick.id());

        refused(chenjing, mine.id(), "M03900", SHANGHAI, "不在备案就医地");
        refused(chenjing, mine.id(), "M03900", "1100009999999", "未找到该跨省联网定点医疗机构");
        refused(chenjing, mine.id(), "M03900", " ", "请选择一家医疗机构");
        refused(chenjing, mine.id(), "M03900", ANZHEN + "," + ANZHEN_TCM, "每次只能提交1家医疗机构");
        refused(chenjing, mine.id(), "M04300", ANZHEN, "没有该病种的有效门诊慢特病资格");
        refused(chenjing, mine.id(), null, ANZHEN, "请选择门慢特病病种");
        // no qualification at all, and an expired one
        refused(linfang, hers.id(), "M03900", ANZHEN, "没有该病种的有效门诊慢特病资格");
        refused(linfang, hers.id(), "M01600", ANZHEN, "没有该病种的有效门诊慢特病资格");
        // a quick filing still under review is not opened
        refused(zhangwei, quick.id(), "M04300", "3502030000001", "仅已开通的线上备案");
        // another person's filing looks absent, and a clerk does not choose for the person
        refused(linfang, mine.id(), "M03900", ANZHEN, "备案不存在");
        refused(xmReviewer, mine.id(), "M03900", ANZHEN, "参保人本人");

        assertThat(choices()).isEqualTo(choices);
        assertThat(events(mine.id()) + events(hers.id()) + events(quick.id())).isEqualTo(events);
    }

    private void refused(AppUser user, UUID filingId, String disease, String institution, String message) {
        assertThatThrownBy(() -> chronic.choose(user, filingId, disease, institution))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(message);
    }

    @Test
    void twoSubmissionsOfTheSameInstitutionRacingAreDecidedByTheDatabase() throws Exception {
        Filing f = openedBeijingFiling(chenjing, CHENJING, LocalDate.of(2041, 10, 1));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ChronicChoice>> results = new ArrayList<>();
        try {
            Callable<ChronicChoice> choose = () -> {
                go.await();
                return chronic.choose(chenjing, f.id(), "M01600", ANDINGMEN_TCM);
            };
            results.add(pool.submit(choose));
            results.add(pool.submit(choose));
            go.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<ChronicChoice> r : results) {
                try {
                    r.get();
                    accepted++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessRuleException.class).hasMessageContaining("不能重复提交");
                    refused++;
                }
            }
            assertThat(accepted).isOne();
            assertThat(refused).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM app.chronic_institution_choice WHERE person_id_number = :p AND disease_code = 'M01600'
                  AND institution_code = :i AND status IN ('UNDER_REVIEW', 'APPROVED')""")
                .param("p", CHENJING).param("i", ANDINGMEN_TCM).query(Long.class).single()).isOne();
    }

    @Test
    void theApiShowsOwnDataOnlyAndAnotherAreasClerkGetsNothing() throws Exception {
        Filing f = openedBeijingFiling(chenjing, CHENJING, LocalDate.of(2042, 1, 1));
        RequestPostProcessor chen = insuredToken("chenjing", CHENJING);
        RequestPostProcessor lin = insuredToken("linfang", LINFANG);

        String qualifications = mvc.perform(get("/api/me/chronic-qualifications").with(chen)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(qualifications).contains("M03900", "高血压", "M01600").doesNotContain(CHENJING);
        assertThat(mvc.perform(get("/api/me/chronic-qualifications").param("person", CHENJING).with(lin))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        var created = mvc.perform(post("/api/filings/" + f.id() + "/chronic-choices").with(chen).contentType(MediaType.APPLICATION_JSON)
                .content("{\"diseaseCode\":\"M03900\",\"institutionCode\":\"" + ANZHEN_TCM + "\"}")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(200);
        String body = created.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"status\":\"UNDER_REVIEW\"", "北京安贞中医医院", "\"serial\":\"B1").doesNotContain(CHENJING);
        ChronicChoice c = chronic.choices(chenjing, CHENJING, "M03900").get(0);
        assertThat(body).contains(c.serial());

        // another person's filing is absent: listing and choosing
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/chronic-choices").with(lin)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        long before = choices();
        assertThat(mvc.perform(post("/api/filings/" + f.id() + "/chronic-choices").with(lin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"diseaseCode\":\"M01600\",\"institutionCode\":\"" + ANZHEN_TCM + "\"}")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(choices()).isEqualTo(before);
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/chronic-choices").with(chen)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(c.serial());

        // a refusal answers 422 in both languages
        var bad = mvc.perform(post("/api/filings/" + f.id() + "/chronic-choices").with(chen).contentType(MediaType.APPLICATION_JSON)
                .content("{\"diseaseCode\":\"M03900\",\"institutionCode\":\"" + SHANGHAI + "\"}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("不在备案就医地", "not in the filing's treatment area");

        String task = reviewTask(c).getId();
        RequestPostProcessor cy = clerkToken("cy-reviewer", "110105");
        assertThat(mvc.perform(get("/api/chronic-choice-reviews/" + task).with(cy)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/chronic-choice-reviews/" + task).with(cy).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(chronic.choices(chenjing, CHENJING, "M03900").get(0).status()).isEqualTo(ChronicChoice.Status.UNDER_REVIEW);

        RequestPostProcessor xm = clerkToken("xm-reviewer", "350200");
        assertThat(mvc.perform(get("/api/chronic-choice-reviews/" + task).with(xm)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(c.serial());
        var decided = mvc.perform(post("/api/chronic-choice-reviews/" + task).with(xm).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"REFUSE\",\"refuseReason\":\"请选择其他医疗机构\"}")).andReturn().getResponse();
        assertThat(decided.getStatus()).isEqualTo(200);
        assertThat(decided.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"REFUSED\"", "请选择其他医疗机构");

        String doc = mvc.perform(get("/api/public/openapi")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("\"/api/me/chronic-qualifications\"", "\"/api/filings/{id}/chronic-choices\"",
                "\"/api/chronic-choice-reviews/{taskId}\"");
    }


    private static RequestPostProcessor clerkToken(String username, String area) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", "reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }
}
