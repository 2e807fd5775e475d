package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.ProcessDiagrams;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import cn.gov.ybj.crossprov.filing.registry.RegistryReporting;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.PDF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Filing on the embedded PostgreSQL with the real engine, DMN, registry simulator and constraints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingIntegrationTest {

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String CHENJING = "350203196209151238";   // 厦门 350200, self-service area
    static final String LINFANG = "350206199001015563";    // 厦门 350200
    static final String ZHANGWEI = "110105195803120029";   // 北京朝阳 110105, quick-filing area
    static final String LI_JIANHUA = "110105195607080031"; // 张伟's spouse, linked family member
    static final String WANG_JIANHUA = "110105198002080630"; // insured in 110105, no account: counter

    static final AppUser chenjing = insured("chenjing", CHENJING);
    static final AppUser linfang = insured("linfang", LINFANG);
    static final AppUser zhangwei = insured("zhangwei", ZHANGWEI);
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser cyCounter = clerk("cy-counter", "110105", "COUNTER");
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");

    @Autowired
    FilingManagement filings;
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
    RegistryReporting reporting;
    @Autowired
    ProcessDiagrams diagrams;
    @Autowired
    PlatformTransactionManager transactions;



    static FilingApplication application(String person, String insuredArea, String treatment, FilingType type,
                                         LocalDate start, LocalDate end, List<FilingApplication.Material> materials) {
        return new FilingApplication(person, insuredArea, treatment, InsuranceType.EMPLOYEE, type, start, end,
                "联系人", "13800138000", "北京市朝阳区示例路 1 号", null, false, false, false, true, true, materials);
    }

    static List<FilingApplication.Material> pdf() {
        return List.of(new FilingApplication.Material("居住证明", "居住证.pdf", PDF));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM app." + table).query(Long.class).single();
    }

    @Test
    void selfServiceFilingOpensAtOnceAndIsReportedToTheNationalRegistry() throws Exception {
        Filing f = filings.submit(chenjing, application(CHENJING, "350200", "110000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), List.of()), "self-1");

        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(f.statusLabel()).isEqualTo("已开通");
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_SELF_SERVICE);
        assertThat(f.filingNumber()).matches("B350200\\d{7}");
        assertThat(f.applicationSerial()).matches("B\\d{15}");
        assertThat(f.startDate()).isBefore(ChinaTime.today());
        assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.OPENED)).startsWith("NR");
        assertThat(filings.history(chenjing, f.id())).extracting(Filing.Event::status)
                .containsExactly(FilingStatus.SUBMITTED, FilingStatus.OPENED);
        // the history shows which steps the registry must hear of and its receipt
        assertThat(filings.history(chenjing, f.id())).filteredOn(Filing.Event::reportable).singleElement()
                .satisfies(e -> assertThat(e.registryReceipt()).startsWith("NR").isEqualTo(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.OPENED)));
    }

    /** The engine's history level case-full (workflow.internal.CaseHistoryLevel): what an auto-opened case leaves. */
    @Test
    void anAutoOpenedCaseKeepsItsStepsAndDecisionInHistoryButNoGatewayPassesOrVariableDetails() {
        Filing f = filings.submit(linfang, application(LINFANG, "350200", "630100", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2032, 3, 1), LocalDate.of(2032, 3, 31), List.of()), "history-1");
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        String pid = f.processInstanceId();
        HistoryService history = engine.getHistoryService();

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactlyInAnyOrder("StartEvent_FilingSubmitted", "Task_CheckEligibility", "Task_DecideReviewMode",
                        "Task_OpenFiling", "EndEvent_FilingOpened");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).count()).isPositive();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pid).count()).isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(pid).includeInputs().includeOutputs()
                .singleResult()).satisfies(d -> {
                    assertThat(d.getDecisionDefinitionKey()).isEqualTo("filing-review-mode");
                    assertThat(d.getInputs()).isNotEmpty();
                    assertThat(d.getOutputs()).extracting(o -> o.getValue()).containsExactly("AUTO");
                });
        // the progress diagram still draws the gateways between the passed steps as passed
        String svg = diagrams.svgForInstance(pid);
        for (String passed : List.of("Gateway_JoinCheck", "Gateway_Eligible", "Gateway_ReviewMode", "Gateway_JoinOpen",
                "Task_OpenFiling", "EndEvent_FilingOpened")) {
            assertThat(svg).as(passed).contains("<g data-element-id=\"" + passed + "\" class=\"completed\">");
        }
        for (String notPassed : List.of("Gateway_Approved", "Task_StartReview", "Task_FailFiling")) {
            assertThat(svg).as(notPassed).contains("<g data-element-id=\"" + notPassed + "\" class=\"pending\">");
        }
    }

    @Test
    void quickFilingForAFamilyMemberIsReviewedByTheAreaClerkOnly() throws Exception {
        Filing f = filings.submit(zhangwei, application(LI_JIANHUA, "110105", "350200", FilingType.RETIRED_RESETTLED,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), pdf()), "quick-1");
        assertThat(f.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_QUICK);
        assertThat(filings.materials(zhangwei, f.id())).singleElement()
                .satisfies(m -> assertThat(m.contentType()).isEqualTo("application/pdf"));

        ClerkInbox.Item task = inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 200).stream()
                .filter(t -> filings.forReviewTask(cyReviewer, t.taskId()).map(x -> x.id().equals(f.id())).orElse(false))
                .findFirst().orElseThrow();
        assertThat(task.due()).isAfter(Instant.now());
        // another area's clerk gets nothing: not in the inbox, not by id, cannot decide
        assertThat(inbox.page(xmReviewer, ClerkInbox.Filter.ALL, 0, 200)).extracting(ClerkInbox.Item::taskId).doesNotContain(task.taskId());
        assertThat(filings.forReviewTask(xmReviewer, task.taskId())).isEmpty();
        assertThat(filings.find(xmReviewer, f.id())).isEmpty();
        assertThatThrownBy(() -> filings.approve(xmReviewer, task.taskId())).isInstanceOf(BusinessRuleException.class);

        Filing approved = filings.approve(cyReviewer, task.taskId());
        assertThat(approved.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(approved.statusLabel()).isEqualTo("备案成功");
        assertThat(approved.filingNumber()).startsWith("B110105");
        assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.OPENED)).isNotNull();
    }

    @Test
    void returnedFilingIsCorrectedAndResubmittedInTheSameCase() throws Exception {
        Filing f = filings.submit(zhangwei, application(ZHANGWEI, "110105", "310000", FilingType.STATIONED_WORKER,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 31), pdf()), "returned-1");
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_QUICK);
        String task = reviewTaskOf(f);
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/registration-form.pdf").with(token("insured", "zhangwei", ZHANGWEI)))
                .andReturn().getResponse().getStatus()).as("no form before the filing opens").isEqualTo(422);

        assertThatThrownBy(() -> filings.returnForCorrection(cyReviewer, task, " "))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("退回原因");
        Filing returned = filings.returnForCorrection(cyReviewer, task, "异地工作证明缺少公章");
        assertThat(returned.status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(returned.statusReason()).isEqualTo("异地工作证明缺少公章");
        assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.RETURNED)).isNotNull();

        Filing again = filings.resubmit(zhangwei, f.id(), application(ZHANGWEI, "110105", "310000",
                FilingType.STATIONED_WORKER, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 9, 30), pdf()));
        assertThat(again.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(again.endDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(again.processInstanceId()).isEqualTo(f.processInstanceId());
        // Cockpit finds the case by its serial; back in review, the last round's decision is gone
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(f.applicationSerial())
                .singleResult().getId()).isEqualTo(f.processInstanceId());
        assertThat(engine.getRuntimeService().getVariables(f.processInstanceId()))
                .doesNotContainKeys("decision", "returnReason", "refuseReason", "reviewer");

        AppUser secondReviewer = clerk("cy-reviewer-2", "110105", "REVIEWER");
        Filing opened = filings.approve(secondReviewer, reviewTaskOf(f));
        assertThat(opened.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(filings.history(zhangwei, f.id())).filteredOn(e -> e.status() == FilingStatus.OPENED)
                .extracting(Filing.Event::actor).containsExactly(secondReviewer.account());
        assertThat(filings.materials(zhangwei, f.id())).hasSize(2);
    }

    /** 003 第八条 「经办人员应即时审核确认」: a counter filing opens on the spot, also in a quick-filing area, confirmed by the clerk. */
    @Test
    void aCounterFilingIsConfirmedOnTheSpotInAQuickFilingArea() throws Exception {
        Filing f = filings.submit(cyCounter, application(WANG_JIANHUA, "110105", "310000", FilingType.STATIONED_WORKER,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 31), pdf()), "counter-1");
        assertThat(f.channel()).isEqualTo(Channel.LOCAL);
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(f.statusLabel()).as("the 地方平台 tab's word, though opened without a review").isEqualTo("备案成功");
        assertThat(f.filingNumber()).matches("B110105\\d{7}");
        assertThat(filings.history(cyCounter, f.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("窗口经办人员即时审核确认，备案成功");
            assertThat(e.actor()).isEqualTo(cyCounter.account());
        });
        assertThat(inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500)).noneMatch(t -> t.processInstanceId().equals(f.processInstanceId()));
        assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.OPENED)).startsWith("NR");

        // 附件1, printed at the counter and downloadable afterwards: every field of the seed's layout
        var counterCopy = mvc.perform(get("/api/filings/" + f.id() + "/registration-form.pdf").with(clerkToken("cy-counter", "110105", "counter")))
                .andReturn().getResponse();
        assertThat(counterCopy.getStatus()).isEqualTo(200);
        assertThat(counterCopy.getContentType()).isEqualTo("application/pdf");
        String form;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(counterCopy.getContentAsByteArray())) {
            form = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
        assertThat(form).contains("北京市跨省异地就医登记备案表", "备案编号", f.filingNumber(), "姓名", "性别", "男", "险种", "职工医保",
                "人员类别", "常驻异地工作人员", "登记类别", "新增", "社会保障号码", WANG_JIANHUA, "社会保障卡卡号", "参保地家庭住址",
                "异地联系地址", "联系电话1", "联系电话2", "转往省（市、区）", "上海市", "地区（市、州）", "县（区）", "医疗机构名称",
                "医疗机构级别", "本人（被委托人）签名", "填表日期", "经办机构", "经办人", "cy-counter", "经办日期", "一式两联");
        // 经办人 is the clerk's name; this token carries none, so the user name stands in, never the account id
        assertThat(form).doesNotContain("clerks:");
        assertThat(form.replaceAll("\\s", "")).contains("■3.常驻异地工作人员", "□4.异地转诊人员", "■1.职工医保", "■1.新增", "□2.变更");
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/registration-form.pdf").with(clerkToken("xm-counter", "350200", "counter")))
                .andReturn().getResponse().getStatus()).as("another area's clerk").isEqualTo(404);
    }

    private String reviewTaskOf(Filing f) {
        return inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500).stream()
                .filter(t -> t.processInstanceId().equals(f.processInstanceId())).findFirst().orElseThrow().taskId();
    }

    /**
     * FilingStore.hold: a new filing's row is written once, in the state its case gave it, with its materials and
     * events after it — counted by PostgreSQL within the submitting transaction (its backend's counts not yet
     * reported, so before and after).
     */
    @Test
    void aNewFilingsRowIsWrittenOnceInTheStateItsCaseGaveIt() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        record Written(Filing filing, long inserted, long updated) {
        }
        java.util.function.Supplier<Written> counted = () -> jdbc.sql("""
                        SELECT pg_stat_get_xact_tuples_inserted('app.filing'::regclass),
                               pg_stat_get_xact_tuples_updated('app.filing'::regclass)""")
                .query((rs, i) -> new Written(null, rs.getLong(1), rs.getLong(2))).single();

        Written opened = tx.execute(s -> {
            Written before = counted.get();
            Filing f = filings.submit(linfang, application(LINFANG, "350200", "420100", FilingType.OTHER_TEMPORARY,
                    LocalDate.of(2033, 5, 1), LocalDate.of(2033, 5, 31), List.of()), "written-once-auto");
            Written after = counted.get();
            return new Written(f, after.inserted() - before.inserted(), after.updated() - before.updated());
        });
        assertThat(opened.inserted()).isEqualTo(1);
        assertThat(opened.updated()).isZero();
        assertThat(opened.filing().status()).isEqualTo(FilingStatus.OPENED);
        assertThat(opened.filing().filingNumber()).matches("B350200\\d{7}");
        assertThat(opened.filing().reviewMode()).isEqualTo(ReviewMode.AUTO);
        assertThat(opened.filing().processInstanceId()).isNotNull();
        assertThat(filings.history(linfang, opened.filing().id())).extracting(Filing.Event::status)
                .containsExactly(FilingStatus.SUBMITTED, FilingStatus.OPENED);

        Written toReview = tx.execute(s -> {
            Written before = counted.get();
            Filing f = filings.submit(zhangwei, application(ZHANGWEI, "110105", "420100", FilingType.STATIONED_WORKER,
                    LocalDate.of(2033, 6, 1), LocalDate.of(2033, 6, 30), pdf()), "written-once-manual");
            Written after = counted.get();
            return new Written(f, after.inserted() - before.inserted(), after.updated() - before.updated());
        });
        assertThat(toReview.inserted()).isEqualTo(1);
        assertThat(toReview.updated()).isZero();
        assertThat(toReview.filing().status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(toReview.filing().reviewMode()).isEqualTo(ReviewMode.MANUAL);
        assertThat(toReview.filing().filingNumber()).isNull();
        assertThat(filings.materials(zhangwei, toReview.filing().id())).hasSize(1);
        assertThat(reviewTaskOf(toReview.filing())).isNotNull();
    }

    @Test
    void overlappingActiveFilingIsRefusedByTheServiceAndByTheDatabase() {
        filings.submit(linfang, application(LINFANG, "350200", "440100", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), List.of()), "overlap-1");
        long before = count("filing");

        assertThatThrownBy(() -> filings.submit(linfang, application(LINFANG, "350200", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31), List.of()), "overlap-2"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("重叠");
        assertThat(count("filing")).isEqualTo(before);

        // the constraint holds even for a writer that skips the service's check
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app.filing (id, application_serial, idempotency_key, submitted_by, channel, status,
                    person_id_number, person_name, insured_area_code, treatment_province, treatment_area_code,
                    insurance_type, filing_type, start_date, end_date, contact_name, contact_phone, contact_address,
                    notice_accepted_at, commitment_text, commitment_accepted_at)
                VALUES (gen_random_uuid(), 'X-overlap', 'raw', 'test', 'LOCAL', 'SUBMITTED', :p, '林芳', '350200',
                    '310000', '310000', 'EMPLOYEE', 'OTHER_TEMPORARY', DATE '2026-04-15', DATE '2026-04-20', 'a', 'b', 'c',
                    now(), 'x', now())""").param("p", LINFANG).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("filing_no_overlap");
        // and a period that ends before it starts
        assertThatThrownBy(() -> jdbc.sql("UPDATE app.filing SET end_date = start_date - 1 WHERE person_id_number = :p")
                .param("p", LINFANG).update()).hasMessageContaining("filing_period_ordered");
    }

    @Test
    void sameIdempotencyKeyCreatesOneCaseAlsoWhenTwoThreadsRace() throws Exception {
        FilingApplication a = application(LINFANG, "350200", "500000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), List.of());
        Filing first = filings.submit(linfang, a, "same-key");
        assertThat(filings.submit(linfang, a, "same-key").id()).isEqualTo(first.id());

        FilingApplication b = application(LINFANG, "350200", "500000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), List.of());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<UUID> submit = () -> {
                go.await();
                return filings.submit(linfang, b, "double-click").id();
            };
            List<Future<UUID>> results = new ArrayList<>(List.of(pool.submit(submit), pool.submit(submit)));
            go.countDown();
            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing WHERE idempotency_key = 'double-click'").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = (SELECT application_serial FROM app.filing WHERE idempotency_key = 'double-click')")
                .query(Long.class).single()).isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = (SELECT application_serial FROM app.filing WHERE idempotency_key = 'double-click')")
                .query(Long.class).single()).isOne();
    }

    @Test
    void twoOverlappingFilingsRacingAreDecidedByTheDatabaseOneAcceptedOneRefused() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Filing>> results = new ArrayList<>();
        try {
            for (String key : List.of("race-a", "race-b")) {
                results.add(pool.submit(() -> {
                    go.await();
                    return filings.submit(linfang, application(LINFANG, "350200", "320100", FilingType.OTHER_TEMPORARY,
                            LocalDate.of(2028, 6, 1), LocalDate.of(2028, 6, 30), List.of()), key);
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<Filing> r : results) {
                try {
                    outcomes.add(r.get().status().name());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessRuleException.class).hasMessageContaining("重叠");
                    outcomes.add("REFUSED");
                }
            }
            assertThat(outcomes).containsExactlyInAnyOrder("OPENED", "REFUSED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndWritesNothing() {
        long filingsBefore = count("filing");
        long materialsBefore = count("filing_material");
        LocalDate start = LocalDate.of(2027, 6, 1);
        LocalDate end = LocalDate.of(2027, 6, 30);
        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

        assertRefused(application("350203196209151239", "350200", "110000", FilingType.OTHER_TEMPORARY, start, end, List.of()), "校验位");
        assertRefused(application(CHENJING, "350200", "110000", FilingType.OTHER_TEMPORARY, end, start, List.of()), "结束日期不能早于开始日期");
        assertRefused(application(CHENJING, "999999", "110000", FilingType.OTHER_TEMPORARY, start, end, List.of()), "未知的参保地");
        assertRefused(application(CHENJING, "350200", "350100", FilingType.OTHER_TEMPORARY, start, end, List.of()), "同一省份");
        assertRefused(application(CHENJING, "350200", "110000", FilingType.RETIRED_RESETTLED, start, end,
                List.of(new FilingApplication.Material("居住证明", "big.pdf", big))), "10 MB");
        assertRefused(application(CHENJING, "350200", "110000", FilingType.RETIRED_RESETTLED, start, end,
                List.of(new FilingApplication.Material("居住证明", "fake.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8)))),
                "不是 PDF、JPG 或 PNG");
        assertRefused(application(CHENJING, "350200", "110000", FilingType.RETIRED_RESETTLED, start, end, List.of()), "请上传备案材料");
        // not the person's own number nor a linked family member's
        assertRefused(application(LINFANG, "350200", "110000", FilingType.OTHER_TEMPORARY, start, end, List.of()), "家庭成员");

        assertThat(count("filing")).isEqualTo(filingsBefore);
        assertThat(count("filing_material")).isEqualTo(materialsBefore);
    }

    private void assertRefused(FilingApplication a, String message) {
        assertThatThrownBy(() -> filings.submit(chenjing, a, UUID.randomUUID().toString()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(message);
    }

    @Test
    void anotherPersonsFilingAndAnotherAreasTaskGetNothingThroughTheApi() throws Exception {
        Filing f = filings.submit(chenjing, application(CHENJING, "350200", "120000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 31), List.of()), "api-security");
        assertThat(filings.find(linfang, f.id())).isEmpty();
        assertThat(filings.history(linfang, f.id())).isEmpty();

        assertThat(mvc.perform(get("/api/filings/" + f.id()).with(token("insured", "chenjing", CHENJING)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/filings/" + f.id()).with(token("insured", "linfang", LINFANG)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/filings").with(token("insured", "linfang", LINFANG)))
                .andReturn().getResponse().getContentAsString()).doesNotContain(f.id().toString());
        // the quick area's task is invisible to Xiamen's clerk through the API too
        Filing quick = filings.submit(zhangwei, application(ZHANGWEI, "110105", "350200", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 31), List.of()), "api-security-quick");
        String task = reviewTaskOf(quick);
        RequestPostProcessor xm = clerkToken("xm-reviewer", "350200");
        assertThat(mvc.perform(get("/api/filing-reviews/" + task).with(xm)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/filing-reviews/" + task).with(xm).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}")).andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(get("/api/inbox").with(xm)).andReturn().getResponse().getContentAsString()).doesNotContain(task);
        assertThat(mvc.perform(get("/api/inbox").with(clerkToken("cy-reviewer", "110105"))).andReturn().getResponse()
                .getContentAsString()).contains(task);
        assertThat(filings.find(zhangwei, quick.id())).isPresent();
    }

    @Test
    void reviewIsDueInTwoWorkingDaysAndEscalatesToTheSupervisorWhenOverdue() throws Exception {
        Filing f = filings.submit(zhangwei, application(ZHANGWEI, "110105", "440300", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 31), List.of()), "escalation");
        ClerkInbox.Item task = inbox.find(cyReviewer, reviewTaskOf(f)).orElseThrow();
        assertThat(task.due()).isEqualTo(workingDays.deadline(task.created(), 2).toInstant());
        AppUser supervisor = clerk("cy-supervisor", "110105", "SUPERVISOR");
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(f.processInstanceId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(task.due());
        // before the due date: the supervisor's 督办任务 view does not have it, and it is not marked
        assertThat(inbox.page(supervisor, ClerkInbox.Filter.ESCALATED, 0, 1000)).extracting(ClerkInbox.Item::taskId)
                .doesNotContain(task.taskId());
        assertThat(task.escalated()).isFalse();

        // fired here rather than by moving the engine clock: the clock is global, and the running
        // job executor would then fire the same timer concurrently (an optimistic-locking failure)
        engine.getManagementService().executeJob(timer.getId());

        ClerkInbox.Item escalated = inbox.find(supervisor, task.taskId()).orElseThrow();
        assertThat(escalated.priority()).isEqualTo(ClerkInbox.ESCALATED_PRIORITY);
        assertThat(escalated.escalated()).isTrue();
        // after it: in the 督办任务 view, and first in the area's list (escalated tasks sort first)
        assertThat(inbox.page(supervisor, ClerkInbox.Filter.ESCALATED, 0, 1000)).extracting(ClerkInbox.Item::taskId)
                .contains(task.taskId());
        assertThat(inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 1).get(0).escalated()).isTrue();
        // the same over REST: the supervisor's 督办任务 list has it, flagged; a reviewer of another area gets none
        String escalatedJson = mvc.perform(get("/api/inbox").param("escalated", "true")
                .with(clerkToken("cy-supervisor", "110105", "supervisor"))).andReturn().getResponse().getContentAsString();
        assertThat(escalatedJson).contains(task.taskId()).contains("\"escalated\":true");
        assertThat(mvc.perform(get("/api/inbox").param("escalated", "true").with(clerkToken("xm-reviewer", "350200")))
                .andReturn().getResponse().getContentAsString()).doesNotContain(task.taskId());
        assertThat(escalated.overdue(task.due().plusSeconds(1))).isTrue();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.taskId()))
                .extracting(IdentityLink::getGroupId).contains("area-110105", "area-110105-supervisors");
        // the supervisor is in both groups the escalated task is offered to: counted once, as listed
        ClerkInbox.Filter overdue = new ClerkInbox.Filter(null, null, null, true);
        assertThat(inbox.count(supervisor, ClerkInbox.Filter.ALL)).isEqualTo(inbox.page(supervisor, ClerkInbox.Filter.ALL, 0, 1000).size())
                .isGreaterThan(inbox.count(supervisor, overdue));
        assertThat(inbox.count(cyReviewer, ClerkInbox.Filter.ALL)).isEqualTo(inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 1000).size());
        assertThat(filings.history(zhangwei, f.id())).extracting(Filing.Event::action).contains("审核超期，已提交科长督办");
        assertThat(filings.find(zhangwei, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.SUBMITTED);
    }

    @Test
    void registryOutageLeavesOneIncidentAndARetryCompletesTheReports() throws Exception {
        simulatorFailing(true);
        Filing first;
        Filing second;
        Job report;
        try {
            first = filings.submit(chenjing, application(CHENJING, "350200", "440100", FilingType.OTHER_TEMPORARY,
                    LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 31), List.of()), "outage-1");
            // the filing is opened at once; its report waits in the outbox for the reporter case
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(first.processInstanceId())
                    .singleResult().getEndActivityId()).isEqualTo("EndEvent_FilingOpened");
            report = failedReporterJob();
            // the job executor's retries come a minute apart; the remaining attempts are run here
            for (int attempt = 0; attempt < 3 && jobRetries(report) > 0; attempt++) {
                try {
                    engine.getManagementService().executeJob(report.getId());
                } catch (RuntimeException expected) {
                    // the registry answers 503 while it is down
                }
            }
            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(report.getProcessInstanceId())
                    .singleResult();
            assertThat(incident.getActivityId()).isEqualTo("Task_SendPendingNotices");
            assertThat(incident.getIncidentMessage()).startsWith("国家备案库未能接收上报").contains("待上报");
            second = filings.submit(chenjing, application(CHENJING, "350200", "440100", FilingType.OTHER_TEMPORARY,
                    LocalDate.of(2028, 4, 1), LocalDate.of(2028, 4, 30), List.of()), "outage-2");
            // the failing case holds the outage: no second reporter case and no second incident
            reporting.startIfDue();
            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("national-registry-report").count()).isOne();
            assertThat(filings.find(chenjing, first.id()).orElseThrow().status()).isEqualTo(FilingStatus.OPENED);
            assertThat(receiptCount(first.id()) + receiptCount(second.id())).isZero();
        } finally {
            simulatorFailing(false);
        }
        engine.getManagementService().setJobRetries(report.getId(), 1);
        try {
            engine.getManagementService().executeJob(report.getId());
        } catch (ProcessEngineException ranAlready) {
            // the job executor took the retry first
        }

        assertThat(RegistryReceipts.receipt(jdbc, first.id(), FilingStatus.OPENED)).startsWith("NR");
        assertThat(RegistryReceipts.receipt(jdbc, second.id(), FilingStatus.OPENED)).startsWith("NR");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(report.getProcessInstanceId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(report.getProcessInstanceId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_NoticesReported");
    }

    @Test
    void casesOfVersionsBeforeTheOutboxFinishTheirOwnReportStep() throws InterruptedException {
        // the step as process versions deployed before the outbox have it (asynchronous, per case)
        var legacy = Bpmn.createExecutableProcess("filing-before-outbox").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_ReportOpening").camundaAsyncBefore()
                .camundaExpression("${filingSteps.reportToRegistry(execution)}").endEvent("EndEvent_FilingOpened").done();
        String deployment = engine.getRepositoryService().createDeployment().addModelInstance("filing-before-outbox.bpmn", legacy)
                .deploy().getId();
        try {
            String pi = engine.getRuntimeService().startProcessInstanceByKey("filing-before-outbox").getId();
            Job step = engine.getManagementService().createJobQuery().processInstanceId(pi).singleResult();
            if (step != null) {
                try {
                    engine.getManagementService().executeJob(step.getId());
                } catch (ProcessEngineException ranAlready) {
                    // the job executor took it first
                }
            }
            Instant until = Instant.now().plusSeconds(20);
            while (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 0
                    && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult()
                    .getEndActivityId()).isEqualTo("EndEvent_FilingOpened");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /** The reporter case's job, once the schedule has started the case and the job executor's first attempt failed. */
    private Job failedReporterJob() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            Job job = engine.getManagementService().createJobQuery().processDefinitionKey("national-registry-report")
                    .withException().singleResult();
            if (job != null) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no failed reporter case");
    }

    private int jobRetries(Job job) {
        return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
    }

    private long receiptCount(UUID filingId) {
        return jdbc.sql("SELECT count(*) FROM app.registry_report r JOIN app.filing_event e ON e.id = r.event_id WHERE e.filing_id = :id")
                .param("id", filingId).query(Long.class).single();
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        String doc = mvc.perform(get("/api/public/openapi")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("\"/api/filings\"", "\"/api/filings/{id}/resubmission\"", "\"/api/inbox\"",
                "\"/api/filing-reviews/{taskId}\"", "\"/api/filings/{id}/registration-form.pdf\"");
        assertThat(doc).as("the status label is documented").contains("one label per status and tab");
    }

    @Test
    void apiRefusesBadInputInBothLanguages() throws Exception {
        String body = """
                {"personIdNumber":"%s","insuredAreaCode":"350200","treatmentAreaCode":"110000","insuranceType":"EMPLOYEE",
                 "filingType":"OTHER_TEMPORARY","startDate":"2027-10-10","endDate":"2027-10-01","contactName":"陈静",
                 "contactPhone":"13800138000","contactAddress":"厦门","noticeAccepted":true,"commitmentAccepted":true}"""
                .formatted(CHENJING);
        var response = mvc.perform(post("/api/filings").with(token("insured", "chenjing", CHENJING))
                .header("Idempotency-Key", "api-bad").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("结束日期不能早于开始日期", "end date");
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing WHERE idempotency_key = 'api-bad'").query(Long.class).single()).isZero();
    }

    /** 004's 就医地 「天津市」: a district, or the city code 120100, of a province-level destination is filed as the province. */
    @Test
    void aDistrictOfAProvinceLevelDestinationIsFiledAsTheProvinceAndThePersonIsTold() {
        Filing district = filings.submit(linfang, application(LINFANG, "350200", "120101", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 1, 1), LocalDate.of(2028, 2, 28), List.of()), "province-level-1");
        assertThat(district.treatmentAreaCode()).isEqualTo("120000");
        assertThat(district.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(filings.history(linfang, district.id())).extracting(Filing.Event::action)
                .anyMatch(t -> t.contains("和平区") && t.contains("按天津市（120000）登记备案"));
        Filing city = filings.submit(linfang, application(LINFANG, "350200", "120100", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 4, 1), LocalDate.of(2028, 5, 31), List.of()), "province-level-2");
        assertThat(city.treatmentAreaCode()).as("120100 is no division, yet inside 天津").isEqualTo("120000");
        Filing province = filings.submit(linfang, application(LINFANG, "350200", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 8, 1), LocalDate.of(2028, 9, 30), List.of()), "province-level-3");
        assertThat(filings.history(linfang, province.id())).extracting(Filing.Event::action).noneMatch(t -> t.contains("省级统筹"));
        assertThatThrownBy(() -> filings.submit(linfang, application(LINFANG, "350200", "440103", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 10, 1), LocalDate.of(2028, 10, 31), List.of()), "province-level-4"))
                .as("a county elsewhere is still refused").hasMessageContaining("请选择城市");
    }

    /** 004's 自助开通 tab lists 开通失败: a suspended person's self-service filing is recorded as failed with the reason. */
    @Test
    void aSelfServiceFilingTheRegistryRefusesIsRecordedAsFailed() throws Exception {
        String baiyu = "350213195906124399"; // 白宇, 厦门, 暂停参保
        AppUser user = cn.gov.ybj.crossprov.TestUsers.insured("failed-baiyu", baiyu);
        cn.gov.ybj.crossprov.TestUsers.bind(jdbc, "failed-baiyu", baiyu);
        Filing f = filings.submit(user, application(baiyu, "350200", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 31), List.of()), "failed-1");
        assertThat(f.status()).isEqualTo(FilingStatus.FAILED);
        assertThat(f.statusLabel()).isEqualTo("开通失败");
        assertThat(f.statusReason()).contains("参保状态为");
        assertThat(f.filingNumber()).isNull();
        assertThat(filings.history(user, f.id())).extracting(Filing.Event::status).containsExactly(FilingStatus.SUBMITTED, FilingStatus.FAILED);
        assertThat(cn.gov.ybj.crossprov.filing.ui.FilingActions.select(filings.mine(user), Channel.NATIONAL_APP_SELF_SERVICE,
                cn.gov.ybj.crossprov.filing.ui.FilingActions.StatusFilter.FAILED)).extracting(Filing::id).containsExactly(f.id());
        // the same period again is not blocked by a failed filing; a wrong insured area is still refused outright
        assertThatThrownBy(() -> filings.submit(user, application(baiyu, "110105", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 31), List.of()), "failed-2")).hasMessageContaining("参保地不符");
        assertThat(filings.submit(user, application(baiyu, "350200", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 31), List.of()), "failed-3").status()).isEqualTo(FilingStatus.FAILED);
    }

    /** 002 一: 异地安置退休人员 are retired — 林芳, in service, is refused the type and nothing is filed. */
    @Test
    void aResettledRetireeWhoIsNotRetiredIsRefused() {
        long before = count("filing");
        assertThatThrownBy(() -> filings.submit(linfang, application(LINFANG, "350200", "110000", FilingType.RETIRED_RESETTLED,
                LocalDate.of(2028, 11, 1), LocalDate.of(2028, 12, 31), pdf()), "not-retired"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("异地安置退休人员须为退休人员：该人员参保登记为在职");
        assertThat(count("filing")).isEqualTo(before);
    }

    /** 「异地急诊抢救人员视同已备案」: the API refuses an emergency — as a type or as a flag — with the wizard's words, and files nothing. */
    @Test
    void anEmergencyIsRefusedThroughTheApiAndFilesNothing() throws Exception {
        String template = """
                {"personIdNumber":"%s","insuredAreaCode":"350200","treatmentAreaCode":"110000","insuranceType":"EMPLOYEE",
                 "filingType":"%s","startDate":"2027-10-01","endDate":"2027-10-10","contactName":"陈静","emergency":%s,
                 "contactPhone":"13800138000","contactAddress":"厦门","noticeAccepted":true,"commitmentAccepted":true}""";
        // filing cases ever started (the history; the registry reporter's own cases come and go meanwhile)
        long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("filing").count();
        for (String body : List.of(template.formatted(CHENJING, "EMERGENCY", false), template.formatted(CHENJING, "OTHER_TEMPORARY", true))) {
            var response = mvc.perform(post("/api/filings").with(token("insured", "chenjing", CHENJING))
                    .header("Idempotency-Key", "api-emergency").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
            assertThat(response.getStatus()).as(body).isEqualTo(422);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("异地急诊抢救人员视同已备案，无需办理备案手续", "counts as filed");
        }
        var unknown = mvc.perform(post("/api/filings").with(token("insured", "chenjing", CHENJING)).header("Idempotency-Key", "api-emergency")
                .contentType(MediaType.APPLICATION_JSON).content(template.formatted(CHENJING, "VISITOR", false))).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).as("a bad enum names the field").contains("filingType");
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing WHERE idempotency_key = 'api-emergency'").query(Long.class).single()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("filing").count())
                .as("no case started").isEqualTo(instances);
    }

    private static RequestPostProcessor token(String realm, String username, String idNumber) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/" + realm).claim("preferred_username", username)
                        .claim("id_number", idNumber))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    private static RequestPostProcessor clerkToken(String username, String area) {
        return clerkToken(username, area, "reviewer");
    }

    private static RequestPostProcessor clerkToken(String username, String area, String role) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", role)))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }

    /** The simulator is steered by process admins only. */
    private void simulatorFailing(boolean failing) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/sim/national-registry/failure").param("failing", String.valueOf(failing))
                        .with(SecurityMockMvcRequestPostProcessors.jwt().authorities(new SimpleGrantedAuthority("ROLE_PROCESS_ADMIN"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }
}
