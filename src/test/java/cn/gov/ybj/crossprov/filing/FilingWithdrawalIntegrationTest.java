package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** 撤回申请 (issue 18): the applicant withdraws a filing still 申办中, on the embedded PostgreSQL and the real engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingWithdrawalIntegrationTest {

    // 北京朝阳 110105: quick area, every online filing goes to a clerk's review
    static final String KONGSHUAI = "110105200508204418";
    static final String LIUJING = "110105198812188045";
    static final String FANGWEIDONG = "110105198108292252";
    static final String HAOJIE = "110105196309260354";

    static final AppUser kongshuai = insured("withdraw-kongshuai", KONGSHUAI);
    static final AppUser liujing = insured("withdraw-liujing", LIUJING);
    static final AppUser fangweidong = insured("withdraw-fangweidong", FANGWEIDONG);
    static final AppUser haojie = insured("withdraw-haojie", HAOJIE);
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");

    @Autowired
    FilingManagement filings;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations cancellations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static FilingApplication application(String person, LocalDate start) {
        return new FilingApplication(person, "110105", "440100", InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY,
                start, start.plusDays(27), "联系人", "13800138000", "演示路 8 号", null, false, false, false, true, true, List.of());
    }

    private Filing inReview(AppUser person, String id, LocalDate start) {
        Filing f = filings.submit(person, application(id, start), UUID.randomUUID().toString());
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_QUICK);
        assertThat(f.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(filings.actions(person, f)).containsExactly(FilingAction.WITHDRAW, FilingAction.DETAILS);
        return f;
    }

    private String taskOf(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    private long outboxRows(UUID filingId) {
        return jdbc.sql("""
                        SELECT count(*) FROM app.registry_outbox o JOIN app.filing_event e ON e.id = o.event_id
                        WHERE e.filing_id = :id""").param("id", filingId).query(Long.class).single();
    }

    private long reportedRows(UUID filingId) {
        return jdbc.sql("""
                        SELECT count(*) FROM app.registry_report r JOIN app.filing_event e ON e.id = r.event_id
                        WHERE e.filing_id = :id""").param("id", filingId).query(Long.class).single();
    }

    @Test
    void withdrawnFilingClosesItsCaseAndTaskEndReportsNothingAndFreesThePeriod() throws Exception {
        LocalDate start = LocalDate.of(2038, 3, 1);
        Filing f = inReview(kongshuai, KONGSHUAI, start);
        String taskId = taskOf(f.processInstanceId());
        assertThat(inbox.find(cyReviewer, taskId)).isPresent();

        MockHttpServletResponse response = mvc.perform(post("/api/filings/" + f.id() + "/withdrawal")
                .with(insuredToken("withdraw-kongshuai", KONGSHUAI))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"CLOSED\"", "申请人撤回");

        Filing closed = filings.find(kongshuai, f.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(closed.statusLabel()).isEqualTo("已关闭");
        assertThat(closed.statusReason()).isEqualTo("申请人撤回");
        assertThat(filings.actions(kongshuai, closed)).containsExactly(FilingAction.DETAILS);
        // the case ended with the reason; no task is left for the clerks
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(f.processInstanceId()).count()).isZero();
        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(f.processInstanceId()).singleResult();
        assertThat(history.getEndTime()).isNotNull();
        assertThat(history.getDeleteReason()).isEqualTo("申请人撤回");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(f.processInstanceId()).count()).isZero();
        assertThat(inbox.find(cyReviewer, taskId)).isEmpty();
        // the history says so in both languages; the registry hears nothing of a filing it never had
        assertThat(filings.history(kongshuai, f.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("申请人撤回申请");
            assertThat(e.actionEn()).isEqualTo("Withdrawn by the applicant");
            assertThat(e.status()).isEqualTo(FilingStatus.CLOSED);
            assertThat(e.reportable()).isFalse();
        });
        assertThat(outboxRows(f.id())).isZero();
        assertThat(reportedRows(f.id())).isZero();
        // 办件进度: submitted, then withdrawn at the withdrawal's time; nothing left in hand
        assertThat(filings.progressSteps(kongshuai, f.processInstanceId())).satisfiesExactly(
                s -> assertThat(s.name()).isEqualTo("提交申请"),
                s -> {
                    assertThat(s.name()).isEqualTo("已撤回");
                    assertThat(s.nameEn()).isEqualTo("Withdrawn");
                    List<Filing.Event> events = filings.history(kongshuai, f.id());
                    assertThat(s.startedAt()).isEqualTo(events.get(events.size() - 1).at());
                    assertThat(s.current()).isFalse();
                });

        // a second withdrawal is refused; the period is free for a new filing
        assertThatThrownBy(() -> filings.withdraw(kongshuai, f.id())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("只有申办中的线上备案申请可以撤回");
        Filing again = filings.submit(kongshuai, application(KONGSHUAI, start), UUID.randomUUID().toString());
        assertThat(again.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(again.id()).isNotEqualTo(f.id());
    }

    @Test
    void anotherPersonsFilingIsNotFound() throws Exception {
        Filing f = inReview(liujing, LIUJING, LocalDate.of(2038, 4, 1));

        assertThatThrownBy(() -> filings.withdraw(fangweidong, f.id())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("备案不存在");
        assertThat(mvc.perform(post("/api/filings/" + f.id() + "/withdrawal").with(insuredToken("withdraw-fangweidong", FANGWEIDONG)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/filings/" + UUID.randomUUID() + "/withdrawal").with(insuredToken("withdraw-liujing", LIUJING)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        // a clerk is not the applicant
        assertThatThrownBy(() -> filings.withdraw(cyReviewer, f.id())).isInstanceOf(BusinessRuleException.class);
        assertThat(filings.find(liujing, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(f.processInstanceId()).count()).isEqualTo(1);
    }

    @Test
    void aDecisionMadeFirstWinsTheOpenedFilingIsNotWithdrawn() throws Exception {
        Filing f = inReview(fangweidong, FANGWEIDONG, LocalDate.of(2038, 5, 1));
        Filing opened = filings.approve(cyReviewer, taskOf(f.processInstanceId()));
        assertThat(opened.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(filings.actions(fangweidong, opened)).doesNotContain(FilingAction.WITHDRAW);
        long events = filings.history(fangweidong, f.id()).size();

        assertThatThrownBy(() -> filings.withdraw(fangweidong, f.id())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("只有申办中的线上备案申请可以撤回");
        MockHttpServletResponse response = mvc.perform(post("/api/filings/" + f.id() + "/withdrawal")
                .with(insuredToken("withdraw-fangweidong", FANGWEIDONG))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("只有申办中的线上备案申请可以撤回");
        assertThat(filings.find(fangweidong, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.OPENED);
        assertThat(filings.history(fangweidong, f.id())).hasSize((int) events);

        // the list of the API shows a request under review beside the status (取消审核中)
        cancellations.request(fangweidong, f.id());
        String json = mvc.perform(get("/api/filings").with(insuredToken("withdraw-fangweidong", FANGWEIDONG))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"pending\":[{\"code\":\"CANCELLATION\",\"label\":\"取消审核中\","
                + "\"labelEn\":\"Cancellation under review\"}]");
    }

    @Test
    void aClerksDecisionAfterTheWithdrawalFindsNoTask() throws Exception {
        Filing f = inReview(haojie, HAOJIE, LocalDate.of(2038, 6, 1));
        String taskId = taskOf(f.processInstanceId());

        filings.withdraw(haojie, f.id());

        assertThatThrownBy(() -> filings.approve(cyReviewer, taskId)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("任务不存在或无权办理");
        assertThatThrownBy(() -> filings.returnForCorrection(cyReviewer, taskId, "材料不清晰"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("任务不存在或无权办理");
        assertThat(filings.find(haojie, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(outboxRows(f.id())).isZero();
    }
}
