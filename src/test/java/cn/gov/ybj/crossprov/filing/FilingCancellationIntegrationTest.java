package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.filing.cancellation.Cancellation;
import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.ybj.crossprov.TestUsers.clerkToken;
import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** 取消备案 on the embedded PostgreSQL with the real engine, registry simulator and the one-pending index. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingCancellationIntegrationTest {

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String PENDING = "此备案存在未审核通过的撤销申请，不支持再次申请";
    static final String PENDING_EN = "A cancellation request for this filing is awaiting review; a second one is not possible";

    // 厦门 350200: self-service area
    static final String ZHONGFANG = "350206199708067404";
    static final String QIUXIAOYAN = "350213198307117940";
    static final String WANFENG = "350203199806251134";
    // 北京朝阳 110105: quick area
    static final String LINXIAODONG = "110105198405319239";
    static final String MANING = "110105199705026459";
    static final String WANGLIHUA = "110105195006023429";
    // 北京海淀 110108: quick area, switched to self-service in the counter-only test
    static final String CHENGHAITAO = "110108200107248953";

    static final AppUser zhongfang = insured("cancel-zhongfang", ZHONGFANG);
    static final AppUser qiuxiaoyan = insured("cancel-qiuxiaoyan", QIUXIAOYAN);
    static final AppUser wanfeng = insured("cancel-wanfeng", WANFENG);
    static final AppUser linxiaodong = insured("cancel-linxiaodong", LINXIAODONG);
    static final AppUser maning = insured("cancel-maning", MANING);
    static final AppUser wanglihua = insured("cancel-wanglihua", WANGLIHUA);
    static final AppUser chenghaitao = insured("cancel-chenghaitao", CHENGHAITAO);
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");
    static final AppUser xmCounter = clerk("xm-counter", "350200", "COUNTER");
    static final AppUser hdReviewer = clerk("hd-reviewer", "110108", "REVIEWER");
    static final AppUser hdCounter = clerk("hd-counter", "110108", "COUNTER");

    @Autowired
    FilingManagement filings;

    @Autowired
    FilingCancellations cancellations;
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
    List<CaseSummaries> summaries;



    static FilingApplication application(String person, String insuredArea, String treatment, LocalDate start) {
        return new FilingApplication(person, insuredArea, treatment, InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY,
                start, start.plusDays(27), "联系人", "13800138000", "演示路 8 号", null, false, false, false, true, true, List.of());
    }

    private Filing openedSelfService(AppUser person, String id, LocalDate start) {
        Filing f = filings.submit(person, application(id, "350200", "110000", start), UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_SELF_SERVICE);
        return f;
    }

    private Filing openedQuick(AppUser person, String id, String area, AppUser reviewer, LocalDate start) {
        Filing f = filings.submit(person, application(id, area, "440100", start), UUID.randomUUID().toString());
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_QUICK);
        Filing opened = filings.approve(reviewer, taskOf(f.processInstanceId()));
        assertThat(opened.status()).isEqualTo(FilingStatus.OPENED);
        return opened;
    }

    private String taskOf(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    private long cancellationRows(UUID filingId) {
        return jdbc.sql("SELECT count(*) FROM app.filing_cancellation WHERE filing_id = :id").param("id", filingId)
                .query(Long.class).single();
    }

    private long eventRows(UUID filingId) {
        return jdbc.sql("SELECT count(*) FROM app.filing_event WHERE filing_id = :id").param("id", filingId)
                .query(Long.class).single();
    }

    private FilingStatus statusOf(UUID filingId) {
        return FilingStatus.valueOf(jdbc.sql("SELECT status FROM app.filing WHERE id = :id").param("id", filingId)
                .query(String.class).single());
    }

    private void assertRefused(AppUser actor, UUID filingId, String messageZh) {
        long requests = cancellationRows(filingId);
        long events = eventRows(filingId);
        FilingStatus status = statusOf(filingId);
        assertThatThrownBy(() -> cancellations.request(actor, filingId))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(messageZh);
        assertThat(cancellationRows(filingId)).isEqualTo(requests);
        assertThat(eventRows(filingId)).isEqualTo(events);
        assertThat(statusOf(filingId)).isEqualTo(status);
    }

    @Test
    void selfServiceFilingClosesAtOnceIsReportedAndCannotBeCancelledAgain() throws Exception {
        Filing f = openedSelfService(zhongfang, ZHONGFANG, LocalDate.of(2036, 1, 5));

        Cancellation c = cancellations.request(zhongfang, f.id());

        assertThat(c.status()).isEqualTo(Cancellation.Status.APPROVED);
        assertThat(c.channel()).isEqualTo(Cancellation.Via.ONLINE);
        assertThat(c.decidedAt()).isNotNull();
        Filing closed = filings.find(zhongfang, f.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(closed.statusLabel()).isEqualTo("已关闭");
        assertThat(filings.history(zhongfang, f.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("取消备案，备案已关闭");
            assertThat(e.status()).isEqualTo(FilingStatus.CLOSED);
        });
        assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.CLOSED)).startsWith("NR");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_FilingClosed");
        assertThat(cancellations.ofFiling(zhongfang, f.id())).singleElement().extracting(Cancellation::id).isEqualTo(c.id());

        // an already closed filing: a clear message, nothing changed
        assertRefused(zhongfang, f.id(), "该备案已关闭，无需再次取消");
    }

    @Test
    void quickFilingRequestIsReviewedByTheAreaDueInThreeWorkingDaysAndApprovalClosesAndReports() throws Exception {
        Filing f = openedQuick(linxiaodong, LINXIAODONG, "110105", cyReviewer, LocalDate.of(2036, 2, 3));

        Cancellation c = cancellations.request(linxiaodong, f.id());
        assertThat(c.status()).isEqualTo(Cancellation.Status.PENDING);
        assertThat(statusOf(f.id())).isEqualTo(FilingStatus.OPENED);
        assertThat(filings.options(linxiaodong, f).cancellationPending()).isTrue();
        // the pending request is not for the national registry
        assertThat(jdbc.sql("SELECT reportable FROM app.filing_event WHERE filing_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", f.id()).query(Boolean.class).single()).isFalse();

        String taskId = taskOf(c.processInstanceId());
        ClerkInbox.Item task = inbox.find(cyReviewer, taskId).orElseThrow();
        assertThat(task.taskDefinitionKey()).isEqualTo("Task_ReviewCancellation");
        assertThat(task.due()).isEqualTo(workingDays.deadline(task.created(), 3).toInstant());
        assertThat(engine.getTaskService().getIdentityLinksForTask(taskId)).extracting("groupId").contains("area-110105");
        assertThat(cancellations.forReviewTask(cyReviewer, taskId)).map(Cancellation::id).contains(c.id());
        assertThat(summaries.stream().map(s -> s.summarize(List.of(c.processInstanceId())).get(c.processInstanceId()))
                .filter(java.util.Objects::nonNull).toList()).singleElement().satisfies(s -> {
                    assertThat(s.caseType()).isEqualTo("取消备案");
                    assertThat(s.reference()).isEqualTo(f.applicationSerial());
                    assertThat(s.reviewRoute()).isEqualTo("clerk/cancellation-review/{taskId}");
                });

        // a second request while this one is pending: the exact message, nothing written
        assertRefused(linxiaodong, f.id(), PENDING);
        MockHttpServletResponse second = mvc.perform(post("/api/filings/" + f.id() + "/cancellation")
                .with(insuredToken("cancel-linxiaodong", LINXIAODONG))).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(422);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8)).contains(PENDING, PENDING_EN);
        assertThat(cancellationRows(f.id())).isOne();

        // another area's clerk: not in the inbox, not by id, cannot decide, 404 through the API
        assertThat(inbox.page(xmReviewer, ClerkInbox.Filter.ALL, 0, 1000)).extracting(ClerkInbox.Item::taskId).doesNotContain(taskId);
        assertThat(cancellations.forReviewTask(xmReviewer, taskId)).isEmpty();
        assertThatThrownBy(() -> cancellations.approve(xmReviewer, taskId)).isInstanceOf(BusinessRuleException.class);
        RequestPostProcessor xm = clerkToken("xm-reviewer", "350200", "reviewer");
        assertThat(mvc.perform(get("/api/cancellation-reviews/" + taskId).with(xm)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/cancellation-reviews/" + taskId).with(xm).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}")).andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(statusOf(f.id())).isEqualTo(FilingStatus.OPENED);
        RequestPostProcessor cy = clerkToken("cy-reviewer", "110105", "reviewer");
        assertThat(mvc.perform(get("/api/cancellation-reviews/" + taskId).with(cy)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(f.applicationSerial(), "PENDING");

        // the area's clerk approves through the API: closed and reported
        MockHttpServletResponse approved = mvc.perform(post("/api/cancellation-reviews/" + taskId).with(cy)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}")).andReturn().getResponse();
        assertThat(approved.getStatus()).isEqualTo(200);
        assertThat(approved.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"APPROVED\"", "\"filingStatus\":\"CLOSED\"");
        assertThat(statusOf(f.id())).isEqualTo(FilingStatus.CLOSED);
        assertThat(cancellations.ofFiling(linxiaodong, f.id())).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Cancellation.Status.APPROVED);
            assertThat(x.decidedBy()).isEqualTo("clerks:cy-reviewer");
        });
        assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.CLOSED)).startsWith("NR");
    }

    @Test
    void refusedRequestKeepsTheFilingOpenWithTheReasonShownAndIsNotReported() throws Exception {
        Filing f = openedQuick(maning, MANING, "110105", cyReviewer, LocalDate.of(2036, 3, 2));
        Cancellation c = cancellations.request(maning, f.id());
        String taskId = taskOf(c.processInstanceId());

        assertThatThrownBy(() -> cancellations.refuse(cyReviewer, taskId, "  "))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("请填写原因");
        assertThat(cancellations.forReviewTask(cyReviewer, taskId)).isPresent();

        Cancellation refused = cancellations.refuse(cyReviewer, taskId, "本次住院费用尚未结算，请结算后再申请");
        assertThat(refused.status()).isEqualTo(Cancellation.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("本次住院费用尚未结算，请结算后再申请");
        Filing still = filings.find(maning, f.id()).orElseThrow();
        assertThat(still.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(filings.options(maning, still).cancellationPending()).isFalse();
        assertThat(filings.history(maning, f.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("取消备案申请未通过");
            assertThat(e.reason()).isEqualTo("本次住院费用尚未结算，请结算后再申请");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing_event WHERE filing_id = :id AND reportable AND status = 'CLOSED'")
                .param("id", f.id()).query(Long.class).single()).isZero();
        String json = mvc.perform(get("/api/filings/" + f.id() + "/cancellations").with(insuredToken("cancel-maning", MANING)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("REFUSED", "本次住院费用尚未结算，请结算后再申请");

        // once refused, a new request may be made
        assertThat(cancellations.request(maning, f.id()).status()).isEqualTo(Cancellation.Status.PENDING);
        assertThat(cancellationRows(f.id())).isEqualTo(2);
    }

    @Test
    void twoRacingRequestsOfAQuickFilingAreDecidedByTheDatabaseOneAcceptedOneRefused() throws Exception {
        Filing f = openedQuick(wanglihua, WANGLIHUA, "110105", cyReviewer, LocalDate.of(2036, 4, 6));
        assertThat(race(wanglihua, f.id(), PENDING)).containsExactlyInAnyOrder("PENDING", "REFUSED");
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing_cancellation WHERE filing_id = :id AND status = 'PENDING'")
                .param("id", f.id()).query(Long.class).single()).isOne();
        assertThat(cancellationRows(f.id())).isOne();
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ReviewCancellation")
                .processInstanceId(cancellations.ofFiling(wanglihua, f.id()).get(0).processInstanceId()).count()).isOne();
        // the request's case has the filing's serial as its business key, so Cockpit finds it by the serial
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("filing-cancellation")
                .processInstanceBusinessKey(f.applicationSerial()).count()).isOne();

        // and the database alone refuses a second pending row, whatever the service checks
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app.filing_cancellation (id, filing_id, channel, requested_by, status)
                VALUES (gen_random_uuid(), :id, 'ONLINE', 'raw', 'PENDING')""").param("id", f.id()).update())
                .hasMessageContaining("filing_cancellation_one_pending");
    }

    @Test
    void twoRacingSelfServiceCancellationsCloseOnceAndTheSecondIsToldItIsClosed() throws Exception {
        Filing f = openedSelfService(qiuxiaoyan, QIUXIAOYAN, LocalDate.of(2036, 5, 4));
        assertThat(race(qiuxiaoyan, f.id(), "该备案已关闭")).containsExactlyInAnyOrder("APPROVED", "REFUSED");
        assertThat(cancellationRows(f.id())).isOne();
        assertThat(statusOf(f.id())).isEqualTo(FilingStatus.CLOSED);
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing_event WHERE filing_id = :id AND status = 'CLOSED'")
                .param("id", f.id()).query(Long.class).single()).isOne();
    }

    private List<String> race(AppUser person, UUID filingId, String refusal) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Cancellation>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cancellations.request(person, filingId);
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<Cancellation> r : results) {
                try {
                    outcomes.add(r.get().status().name());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessRuleException.class).hasMessageContaining(refusal);
                    outcomes.add("REFUSED");
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherPersonsFilingLooksAbsentAndTheOwnerCancelsThroughTheApi() throws Exception {
        Filing f = openedSelfService(wanfeng, WANFENG, LocalDate.of(2036, 6, 1));

        assertRefused(zhongfang, f.id(), "备案不存在");
        assertRefused(xmReviewer, f.id(), "窗口");
        assertThat(cancellations.ofFiling(zhongfang, f.id())).isEmpty();
        RequestPostProcessor other = insuredToken("cancel-zhongfang", ZHONGFANG);
        assertThat(mvc.perform(post("/api/filings/" + f.id() + "/cancellation").with(other)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/cancellations").with(other)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(statusOf(f.id())).isEqualTo(FilingStatus.OPENED);
        assertThat(cancellationRows(f.id())).isZero();

        MockHttpServletResponse own = mvc.perform(post("/api/filings/" + f.id() + "/cancellation")
                .with(insuredToken("cancel-wanfeng", WANFENG))).andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"APPROVED\"", "\"filingStatus\":\"CLOSED\"",
                "\"channel\":\"ONLINE\"");
        assertThat(statusOf(f.id())).isEqualTo(FilingStatus.CLOSED);
    }

    @Test
    void quickFilingMadeBeforeTheAreaSwitchedToSelfServiceIsCancelledAtTheCounterOnly() throws Exception {
        Filing f = openedQuick(chenghaitao, CHENGHAITAO, "110108", hdReviewer, LocalDate.of(2036, 7, 6));
        Map<String, Object> before = jdbc.sql("SELECT filing_mode, mode_switched_on FROM app.pooling_area WHERE code = '110108'")
                .query().singleRow();
        try {
            jdbc.sql("UPDATE app.filing SET submitted_at = now() - interval '60 days' WHERE id = :id").param("id", f.id()).update();
            jdbc.sql("""
                    UPDATE app.pooling_area SET filing_mode = 'SELF_SERVICE', mode_switched_on = current_date - 30
                    WHERE code = '110108'""").update();
            Filing quick = filings.find(chenghaitao, f.id()).orElseThrow();
            assertThat(filings.options(chenghaitao, quick).cancelAtCounterOnly()).isTrue();

            assertRefused(chenghaitao, f.id(), "不支持线上取消，请到参保地医保经办机构窗口办理");
            MockHttpServletResponse online = mvc.perform(post("/api/filings/" + f.id() + "/cancellation")
                    .with(insuredToken("cancel-chenghaitao", CHENGHAITAO))).andReturn().getResponse();
            assertThat(online.getStatus()).isEqualTo(422);
            assertThat(online.getContentAsString(StandardCharsets.UTF_8)).contains("窗口", "counter");
            // a clerk of another area does not see it; a reviewer without the counter role may not cancel
            assertRefused(xmCounter, f.id(), "备案不存在");
            assertRefused(hdReviewer, f.id(), "仅窗口经办人员");

            Cancellation c = cancellations.request(hdCounter, f.id());
            assertThat(c.channel()).isEqualTo(Cancellation.Via.COUNTER);
            assertThat(c.status()).isEqualTo(Cancellation.Status.APPROVED);
            assertThat(c.requestedBy()).isEqualTo("clerks:hd-counter");
            assertThat(statusOf(f.id())).isEqualTo(FilingStatus.CLOSED);
            assertThat(jdbc.sql("SELECT channel FROM app.filing_cancellation WHERE id = :id").param("id", c.id())
                    .query(String.class).single()).isEqualTo("COUNTER");
            assertThat(RegistryReceipts.receipt(jdbc, f.id(), FilingStatus.CLOSED)).startsWith("NR");
        } finally {
            jdbc.sql("UPDATE app.pooling_area SET filing_mode = :mode, mode_switched_on = :on WHERE code = '110108'")
                    .param("mode", before.get("filing_mode")).param("on", before.get("mode_switched_on")).update();
        }
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        String doc = mvc.perform(get("/api/public/openapi")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("\"/api/filings/{id}/cancellation\"", "\"/api/filings/{id}/cancellations\"",
                "\"/api/cancellation-reviews/{taskId}\"");
    }
}
