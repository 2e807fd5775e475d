package cn.gov.ybj.crossprov.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.filing.FilingIntegrationTest.application;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 办件进度: the person's items from the business tables; each item's steps in the applicant's words, at the
 * times of the filing's history, the review in hand with its agency, phone and the review task's due date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseProgressIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String ZHANGWEI = "110105195803120029";
    static final String LI_JIANHUA = "110105195607080031"; // 张伟's linked spouse
    static final AppUser zhangwei = insured("zhangwei", ZHANGWEI);
    static final AppUser linfang = insured("linfang", "350206199001015563");
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");

    @Autowired
    FilingManagement filings;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService taskService;
    @Autowired
    PoolingAreas areas;

    @Test
    void aFamilyMembersFilingShowsItsStepsWithTheReviewCurrentUntilDecided() throws Exception {
        Filing f = filings.submit(zhangwei, application(LI_JIANHUA, "110105", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2035, 1, 1), LocalDate.of(2035, 2, 28), List.of()), "progress-1");

        CaseProgress item = itemOf(zhangwei, f);
        assertThat(item.kind()).isEqualTo(CaseProgress.Kind.FILING);
        assertThat(item.reference()).isEqualTo(f.applicationSerial());
        assertThat(item.state()).isEqualTo("申办中");
        assertThat(item.pending()).isTrue();
        Task review = taskService.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult();
        List<CaseProgress.Step> steps = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(steps).extracting(CaseProgress.Step::name).containsExactly("提交申请", "经办机构审核");
        assertThat(steps).extracting(CaseProgress.Step::nameEn).containsExactly("Application submitted", "Review by the agency");
        assertThat(steps.get(0).startedAt()).isEqualTo(eventTimes(f).get(0));
        assertCurrentReview(steps.get(1), review);
        assertThat(steps.get(0).current()).isFalse();
        assertThat(steps.get(0).agencyPhone()).isNull();

        // nobody else sees the item or its steps, from the service or through the API
        assertThat(filings.progress(linfang)).noneMatch(p -> p.processInstanceId().equals(f.processInstanceId()));
        assertThat(filings.progressSteps(linfang, f.processInstanceId())).isEmpty();
        assertThat(filings.progress(cyReviewer)).isEmpty();
        mvc.perform(get("/api/me/progress/" + f.processInstanceId()).with(insuredToken("linfang", "350206199001015563")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        String mine = mvc.perform(get("/api/me/progress/" + f.processInstanceId()).with(insuredToken("zhangwei", ZHANGWEI)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("经办机构审核", "\"current\":true", "\"agencyPhone\":\"" + agencyPhone() + "\"")
                .doesNotContain("审核备案申请", "转人工审核");

        String task = inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500).stream()
                .filter(t -> t.processInstanceId().equals(f.processInstanceId())).findFirst().orElseThrow().taskId();
        filings.approve(cyReviewer, task);

        CaseProgress done = itemOf(zhangwei, f);
        assertThat(done.state()).isEqualTo("备案成功");
        assertThat(done.pending()).isFalse();
        List<CaseProgress.Step> after = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(after).extracting(CaseProgress.Step::name).containsExactly("提交申请", "备案成功");
        assertThat(after).extracting(CaseProgress.Step::nameEn).containsExactly("Application submitted", "Filed");
        assertThat(after).extracting(CaseProgress.Step::startedAt).containsExactlyElementsOf(eventTimes(f));
        assertThat(after).noneMatch(CaseProgress.Step::current);

        // the records API offers what 我的备案 offers: an opened quick filing may be cancelled (004: no 信息变更 online)
        String details = mvc.perform(get("/api/filings/" + f.id()).with(insuredToken("zhangwei", ZHANGWEI)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(details).contains("\"actions\":[\"CANCEL\",\"DETAILS\"]");
    }

    /**
     * 退回补正 and 重新提交: each step at the time of its history event (the resubmission at the
     * resubmission's, not at the return's as when the engine's waiting event was shown), the
     * applicant's words only, and the review in hand again with its task's due date.
     */
    @Test
    void aReturnedAndResubmittedFilingShowsEachStepAtItsHistoryEventsTime() {
        Filing f = filings.submit(zhangwei, application(LI_JIANHUA, "110105", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2035, 4, 1), LocalDate.of(2035, 5, 31), List.of()), "progress-returned-1");
        filings.returnForCorrection(cyReviewer, taskOf(f), "联系电话有误");

        List<CaseProgress.Step> returned = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(returned).extracting(CaseProgress.Step::name).containsExactly("提交申请", "退回补正");
        assertThat(returned).extracting(CaseProgress.Step::startedAt).containsExactlyElementsOf(eventTimes(f));
        // the applicant has to act: the return is in hand, with the agency to call; no review, so no due date
        assertThat(returned.get(1)).satisfies(s -> {
            assertThat(s.current()).isTrue();
            assertThat(s.agencyPhone()).isEqualTo(agencyPhone());
            assertThat(s.dueAt()).isNull();
        });

        filings.resubmit(zhangwei, f.id(), application(LI_JIANHUA, "110105", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2035, 4, 1), LocalDate.of(2035, 5, 31), List.of()));
        Task review = taskService.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult();
        List<CaseProgress.Step> resubmitted = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(resubmitted).extracting(CaseProgress.Step::name).containsExactly("提交申请", "退回补正", "重新提交", "经办机构审核");
        assertThat(resubmitted).extracting(CaseProgress.Step::nameEn)
                .containsExactly("Application submitted", "Returned for correction", "Resubmitted", "Review by the agency");
        List<Instant> events = eventTimes(f);
        assertThat(events).hasSize(3);
        assertThat(resubmitted.subList(0, 3)).extracting(CaseProgress.Step::startedAt).containsExactlyElementsOf(events);
        assertThat(resubmitted.get(2).startedAt()).as("the resubmission's time, not the return's").isAfter(resubmitted.get(1).startedAt());
        assertThat(resubmitted.subList(0, 3)).noneMatch(CaseProgress.Step::current);
        assertCurrentReview(resubmitted.get(3), review);

        filings.approve(cyReviewer, taskOf(f));
        List<CaseProgress.Step> opened = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(opened).extracting(CaseProgress.Step::name).containsExactly("提交申请", "退回补正", "重新提交", "备案成功");
        assertThat(opened).extracting(CaseProgress.Step::nameEn)
                .containsExactly("Application submitted", "Returned for correction", "Resubmitted", "Filed");
        assertThat(opened).extracting(CaseProgress.Step::startedAt).containsExactlyElementsOf(eventTimes(f));
        // none of the engine's names: its checks, decisions and hand-overs are not the applicant's steps
        Set<String> engineNames = Set.of("收到备案申请", "校验参保状态", "确定审核方式", "转人工审核", "审核备案申请", "退回备案",
                "申请人修改后重新提交", "开通备案", "备案已开通");
        assertThat(opened).extracting(CaseProgress.Step::name).doesNotContainAnyElementsOf(engineNames);
        assertThat(opened).noneMatch(CaseProgress.Step::current);
    }

    /** The review in hand: current, due when its task is due, handled by the insured area's agency. */
    private void assertCurrentReview(CaseProgress.Step step, Task review) {
        assertThat(step.name()).isEqualTo("经办机构审核");
        assertThat(step.current()).isTrue();
        assertThat(step.startedAt()).isEqualTo(review.getCreateTime().toInstant());
        assertThat(review.getDueDate()).as("the review kit sets a working-day due date").isNotNull();
        assertThat(step.dueAt()).isEqualTo(review.getDueDate().toInstant());
        assertThat(step.agencyName()).isEqualTo(areas.find("110105").orElseThrow().agencyName()).isNotBlank();
        assertThat(step.agencyPhone()).isEqualTo(agencyPhone());
    }

    private String agencyPhone() {
        String phone = areas.find("110105").orElseThrow().agencyPhone();
        assertThat(phone).as("demo data gives the area a phone").isNotBlank();
        return phone;
    }

    /** The times of the filing's history events that change its status: the steps the applicant sees. */
    private List<Instant> eventTimes(Filing f) {
        List<Instant> times = new java.util.ArrayList<>();
        FilingStatus previous = null;
        for (Filing.Event e : filings.history(zhangwei, f.id())) {
            if (e.status() != previous) {
                times.add(e.at());
            }
            previous = e.status();
        }
        return times;
    }

    private String taskOf(Filing f) {
        return inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500).stream()
                .filter(t -> t.processInstanceId().equals(f.processInstanceId())).findFirst().orElseThrow().taskId();
    }

    private CaseProgress itemOf(AppUser user, Filing f) {
        return filings.progress(user).stream().filter(p -> p.processInstanceId().equals(f.processInstanceId()))
                .findFirst().orElseThrow();
    }
}
