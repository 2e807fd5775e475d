package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.filing.change.FilingChanges;
import cn.gov.ybj.crossprov.filing.change.FilingChange;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** 信息变更 on the embedded PostgreSQL with the real engine, registry simulator and constraints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingChangeIntegrationTest {

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String REN = "350206196301159864";   // 任春梅, 厦门 350200, self-service
    static final String ZHU = "350212197309274017";   // 朱文博, 厦门 350200, self-service
    static final String TAN = "350211194411268211";   // 谭天佑, 厦门 350200, self-service
    static final String SHEN = "110105199512021336";  // 沈晓东, 北京朝阳 110105, quick

    static final AppUser ren = insured("chg-ren", REN);
    static final AppUser zhu = insured("chg-zhu", ZHU);
    static final AppUser tan = insured("chg-tan", TAN);
    static final AppUser shen = insured("chg-shen", SHEN);
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");

    @Autowired
    FilingManagement filings;

    @Autowired
    FilingCancellations cancellations;

    @Autowired
    FilingChanges filingChanges;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDays workingDays;



    static FilingApplication application(String person, String insuredArea, String treatment, LocalDate start, LocalDate end) {
        return new FilingApplication(person, insuredArea, treatment, InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY,
                start, end, "联系人", "13800138000", "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of());
    }

    private Filing openQuick(AppUser user, String person, String treatment, LocalDate start, LocalDate end) {
        Filing f = filings.submit(user, application(person, "110105", treatment, start, end), UUID.randomUUID().toString());
        String task = inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 1000).stream()
                .filter(t -> t.processInstanceId().equals(f.processInstanceId())).findFirst().orElseThrow().taskId();
        Filing opened = filings.approve(cyReviewer, task);
        assertThat(opened.status()).isEqualTo(FilingStatus.OPENED);
        return opened;
    }

    private String changeTask(FilingChangeRecord change) {
        return inbox.page(xmReviewer, new ClerkInbox.Filter("Task_ReviewChange", null, null, false), 0, 1000).stream()
                .filter(t -> filingChanges.forReviewTask(xmReviewer, t.taskId()).map(c -> c.id().equals(change.id())).orElse(false))
                .findFirst().orElseThrow().taskId();
    }

    private long count(String sql, UUID filingId) {
        return jdbc.sql(sql).param("id", filingId).query(Long.class).single();
    }

    @Test
    void selfServiceChangesApplyAtOnceAsVersionsAndAreReported() throws Exception {
        Filing f = filings.submit(ren, application(REN, "350200", "110000", LocalDate.of(2029, 1, 1),
                LocalDate.of(2029, 3, 31)), "chg-self-1");
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);

        FilingChangeRecord first = filingChanges.request(ren, f.id(),
                FilingChange.of(null, LocalDate.of(2029, 6, 30), "任女士", null, null));
        assertThat(first.status()).isEqualTo(FilingChangeRecord.Status.APPLIED);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.changes()).extracting(FilingChangeRecord.FieldChange::field).containsExactly("endDate", "contactName");
        Filing afterFirst = filings.find(ren, f.id()).orElseThrow();
        assertThat(afterFirst.endDate()).isEqualTo(LocalDate.of(2029, 6, 30));
        assertThat(afterFirst.contactName()).isEqualTo("任女士");
        assertThat(jdbc.sql("SELECT previous->>'endDate' FROM app.filing_change WHERE id = :id").param("id", first.id())
                .query(String.class).single()).isEqualTo("2029-03-31");

        FilingChangeRecord second = filingChanges.request(ren, f.id(),
                FilingChange.of(null, null, "任建国", null, null));
        assertThat(second.status()).isEqualTo(FilingChangeRecord.Status.APPLIED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.filingVersion()).isEqualTo(first.filingVersion() + 1);
        assertThat(count("SELECT version FROM app.filing WHERE id = :id", f.id())).isEqualTo(second.filingVersion().longValue());

        assertThat(filingChanges.history(ren, f.id())).extracting(FilingChangeRecord::version).containsExactly(2, 1);
        assertThat(filingChanges.history(ren, f.id()).get(1).summary()).contains("结束日期：2029-03-31 → 2029-06-30");
        assertThat(filings.history(ren, f.id())).extracting(Filing.Event::action).containsSubsequence("信息变更", "信息变更");
        assertThat(RegistryReceipts.receipts(jdbc, f.id(), "信息变更", 2)).hasSize(2);
        // the registry hears what happened and the new values
        String received = mvc.perform(get("/sim/national-registry/filing-events").with(SecurityMockMvcRequestPostProcessors.jwt()
                        .authorities(new SimpleGrantedAuthority("ROLE_PROCESS_ADMIN")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(received).contains("\"action\":\"信息变更\"", "任建国");

        // the same values again change nothing
        assertThatThrownBy(() -> filingChanges.request(ren, f.id(), FilingChange.of(null, null, "任建国", null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("未修改任何信息");
        // the new period may not overlap another active filing of the person
        filings.submit(ren, application(REN, "350200", "310000", LocalDate.of(2029, 9, 1), LocalDate.of(2029, 9, 30)), "chg-self-2");
        assertThatThrownBy(() -> filingChanges.request(ren, f.id(), FilingChange.of(null, LocalDate.of(2029, 9, 15), null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("重叠");
        assertThat(filingChanges.history(ren, f.id())).hasSize(2);
    }

    @Test
    void aPhoneChangeIsReviewedByTheAreaClerkAndApprovalAppliesAQuickFilingIsNotChangedOnline() throws Exception {
        Filing f = filings.submit(ren, application(REN, "350200", "440100", LocalDate.of(2030, 2, 1), LocalDate.of(2030, 7, 31)),
                "chg-ren-review");
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);

        FilingChangeRecord pending = filingChanges.request(ren, f.id(), FilingChange.of(null, null, null, "13933334444", null));
        assertThat(pending.status()).isEqualTo(FilingChangeRecord.Status.PENDING);
        assertThat(filings.find(ren, f.id()).orElseThrow().contactPhone()).isEqualTo("13800138000");
        assertThat(filings.options(ren, f).changePending()).isTrue();
        // cancelling waits for the review: the change would otherwise be decided on a closed filing
        assertThatThrownBy(() -> cancellations.request(ren, f.id())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("未审核的信息变更");
        assertThat(count("SELECT count(*) FROM app.filing_cancellation WHERE filing_id = :id", f.id())).isZero();
        assertThatThrownBy(() -> filingChanges.request(ren, f.id(), FilingChange.of(null, LocalDate.of(2030, 8, 31), null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("未审核通过的信息变更");

        String task = changeTask(pending);
        ClerkInbox.Item item = inbox.find(xmReviewer, task).orElseThrow();
        assertThat(item.due()).isEqualTo(workingDays.deadline(item.created(), 2).toInstant());
        // another area's clerk sees nothing and cannot decide
        assertThat(filingChanges.forReviewTask(cyReviewer, task)).isEmpty();
        assertThatThrownBy(() -> filingChanges.approve(cyReviewer, task)).isInstanceOf(BusinessRuleException.class);
        assertThat(mvc.perform(get("/api/change-reviews/" + task).with(clerkToken("cy-reviewer", "110105")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/change-reviews/" + task).with(clerkToken("cy-reviewer", "110105"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/change-reviews/" + task).with(clerkToken("xm-reviewer", "350200")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("13800138000", "13933334444");

        FilingChangeRecord applied = filingChanges.approve(xmReviewer, task);
        assertThat(applied.status()).isEqualTo(FilingChangeRecord.Status.APPLIED);
        assertThat(applied.decidedBy()).isEqualTo("clerks:xm-reviewer");
        assertThat(filings.find(ren, f.id()).orElseThrow().contactPhone()).isEqualTo("13933334444");
        assertThat(RegistryReceipts.receipts(jdbc, f.id(), "信息变更", 1)).hasSize(1);

        // the dates change at once
        FilingChangeRecord dates = filingChanges.request(ren, f.id(), FilingChange.of(null, LocalDate.of(2030, 8, 31), null, null, null));
        assertThat(dates.status()).isEqualTo(FilingChangeRecord.Status.APPLIED);
        assertThat(dates.version()).isEqualTo(2);

        // 004: a quick filing offers no 信息变更 online; its changes are made at the counter
        Filing quick = openQuick(shen, SHEN, "350200", LocalDate.of(2029, 2, 1), LocalDate.of(2029, 7, 31));
        assertThat(filings.actions(shen, quick)).doesNotContain(cn.gov.ybj.crossprov.filing.FilingAction.CHANGE);
        assertThatThrownBy(() -> filingChanges.request(shen, quick.id(), FilingChange.of(null, LocalDate.of(2029, 8, 31), null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("快速备案不支持在线信息变更");
        assertThat(count("SELECT count(*) FROM app.filing_change WHERE filing_id = :id", quick.id())).isZero();
    }

    @Test
    void refusedReviewKeepsTheFilingsValuesAndTheReason() {
        Filing f = filings.submit(tan, application(TAN, "350200", "440100", LocalDate.of(2030, 3, 1), LocalDate.of(2030, 5, 31)),
                "chg-tan-refused");
        FilingChangeRecord pending = filingChanges.request(tan, f.id(), FilingChange.of(null, null, null, null, "广州市天河区新地址 9 号"));
        assertThat(pending.status()).isEqualTo(FilingChangeRecord.Status.PENDING);
        String task = changeTask(pending);

        assertThatThrownBy(() -> filingChanges.refuse(xmReviewer, task, " ")).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("原因");
        FilingChangeRecord refused = filingChanges.refuse(xmReviewer, task, "新地址无法核实");
        assertThat(refused.status()).isEqualTo(FilingChangeRecord.Status.REFUSED);
        assertThat(refused.reason()).isEqualTo("新地址无法核实");
        assertThat(refused.version()).isNull();
        Filing after = filings.find(tan, f.id()).orElseThrow();
        assertThat(after.contactAddress()).isEqualTo("北京市朝阳区示例路 1 号");
        assertThat(filings.history(tan, f.id())).extracting(Filing.Event::action).contains("信息变更审核未通过");
        assertThat(count("SELECT count(*) FROM app.filing_event WHERE filing_id = :id AND action LIKE '信息变更%' AND reportable", f.id()))
                .isZero();
        // the filing may be changed again afterwards
        assertThat(filingChanges.request(tan, f.id(), FilingChange.of(null, null, "谭天佑家属", null, null)).status())
                .isEqualTo(FilingChangeRecord.Status.APPLIED);
    }

    @Test
    void destinationInsuranceEmployerChangesAndClosedFilingsAreRefusedAndNothingChanges() {
        Filing f = filings.submit(zhu, application(ZHU, "350200", "120000", LocalDate.of(2029, 4, 1),
                LocalDate.of(2029, 4, 30)), "chg-zhu-1");
        long changes = count("SELECT count(*) FROM app.filing_change WHERE filing_id = :id", f.id());
        long events = count("SELECT count(*) FROM app.filing_event WHERE filing_id = :id", f.id());

        for (FilingChange c : List.of(
                new FilingChange(null, LocalDate.of(2029, 5, 31), null, null, null, null, "310000", null, null, null),
                new FilingChange(null, null, null, null, null, null, null, InsuranceType.RESIDENT, null, null),
                new FilingChange(null, null, null, null, null, null, null, null, null, "厦门新单位有限公司"))) {
            assertThatThrownBy(() -> filingChanges.request(zhu, f.id(), c)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageStartingWith("变更就医地、参保单位或险种需重新办理备案")
                    .hasMessageContaining("Changing the destination, employer or insurance type needs a new filing");
        }
        jdbc.sql("UPDATE app.filing SET status = 'CLOSED' WHERE id = :id").param("id", f.id()).update();
        assertThatThrownBy(() -> filingChanges.request(zhu, f.id(), FilingChange.of(null, LocalDate.of(2029, 5, 31), null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("该备案已关闭，不能变更");

        assertThat(count("SELECT count(*) FROM app.filing_change WHERE filing_id = :id", f.id())).isEqualTo(changes);
        assertThat(count("SELECT count(*) FROM app.filing_event WHERE filing_id = :id", f.id())).isEqualTo(events);
        Filing after = filings.find(zhu, f.id()).orElseThrow();
        assertThat(after.endDate()).isEqualTo(LocalDate.of(2029, 4, 30));
        assertThat(after.treatmentAreaCode()).isEqualTo("120000");
    }

    @Test
    void theApiChangesOwnFilingsOnlyAndAnswersRefusalsIn422() throws Exception {
        Filing f = filings.submit(tan, application(TAN, "350200", "500000", LocalDate.of(2029, 5, 1),
                LocalDate.of(2029, 5, 31)), "chg-tan-1");
        RequestPostProcessor owner = insuredToken("chg-tan", TAN);
        RequestPostProcessor other = insuredToken("chg-ren", REN);

        var ok = mvc.perform(post("/api/filings/" + f.id() + "/changes").with(owner).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endDate\":\"2029-06-15\",\"contactName\":\"谭女士\"}")).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"APPLIED\"", "\"version\":1");

        var bad = mvc.perform(post("/api/filings/" + f.id() + "/changes").with(owner).contentType(MediaType.APPLICATION_JSON)
                .content("{\"contactPhone\":\"12345\"}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("联系电话格式不正确", "phone number");
        var newFiling = mvc.perform(post("/api/filings/" + f.id() + "/changes").with(owner).contentType(MediaType.APPLICATION_JSON)
                .content("{\"treatmentAreaCode\":\"310000\"}")).andReturn().getResponse();
        assertThat(newFiling.getStatus()).isEqualTo(422);
        assertThat(newFiling.getContentAsString(StandardCharsets.UTF_8)).contains("变更就医地、参保单位或险种需重新办理备案");

        assertThat(mvc.perform(post("/api/filings/" + f.id() + "/changes").with(other).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endDate\":\"2029-06-20\"}")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/changes").with(other)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/filings/" + UUID.randomUUID() + "/changes").with(owner)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        String mine = mvc.perform(get("/api/filings/" + f.id() + "/changes").with(owner)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("2029-05-31", "2029-06-15", "谭女士");
        assertThat(filings.find(tan, f.id()).orElseThrow().endDate()).isEqualTo(LocalDate.of(2029, 6, 15));
        assertThat(mvc.perform(get("/api/public/openapi")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"/api/filings/{id}/changes\"", "\"/api/change-reviews/{taskId}\"");
    }


    private static RequestPostProcessor clerkToken(String username, String area) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", "reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }
}
