package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.change.FilingChange;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.filing.change.FilingChanges;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.clerkToken;
import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 备案查询 for clerks of the insured area (issue 17 point 2) and what the counter does with a filing it found
 * (窗口信息变更), on the embedded PostgreSQL with the real engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingSearchIntegrationTest {

    static final String WU = "110105198201150371";    // 吴海涛, 朝阳 110105 (quick filing), employee
    static final String ZHANG = "110105197204183588"; // 张玉兰, 朝阳 110105, resident, no account: counter
    static final String LI = "35020520041220857X";    // 黎明, 厦门 350200 (self-service), resident

    static final AppUser wu = insured("search-wu", WU);
    static final AppUser li = insured("search-li", LI);
    static final AppUser cyCounter = clerk("cy-counter", "110105", "COUNTER");
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser xmCounter = clerk("xm-counter", "350200", "COUNTER");
    static final AppUser bjOfficer = new AppUser(Realm.PROVINCIAL, "bj-clearing", "bj", Set.of("OFFICER"), List.of(), "110000");

    @Autowired
    FilingManagement filings;
    @Autowired
    FilingChanges changes;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static FilingApplication application(String person, String area, InsuranceType insurance, String treatment,
                                         LocalDate start, LocalDate end) {
        return new FilingApplication(person, area, treatment, insurance, FilingType.OTHER_TEMPORARY, start, end,
                "联系人", "13800138000", "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of());
    }

    static FilingQuery query(String id, String name, String number, FilingStatus status, FilingType type, String dest,
                             LocalDate from, LocalDate to) {
        return new FilingQuery(id, name, number, status, type, dest, from, to, 0, 20);
    }

    @Test
    void aClerkFindsTheAreasFilingsByEveryCriterionAndNobodyElseFindsThem() throws Exception {
        Filing online = filings.submit(wu, application(WU, "110105", InsuranceType.EMPLOYEE, "310000",
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 3, 31)), "search-1");
        Filing counter = filings.submit(cyCounter, application(ZHANG, "110105", InsuranceType.RESIDENT, "440300",
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 6, 30)), "search-2");
        Filing elsewhere = filings.submit(li, application(LI, "350200", InsuranceType.RESIDENT, "440300",
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 3, 31)), "search-3");
        assertThat(online.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(counter.status()).isEqualTo(FilingStatus.OPENED);
        LocalDate today = LocalDate.now(cn.gov.ybj.crossprov.shared.ChinaTime.ZONE);

        // the ID number exact, in any case and with spaces; the name exact; either number
        assertThat(ids(cyCounter, query(" " + WU + " ", null, null, null, null, null, null, null))).containsExactly(online.id());
        assertThat(ids(cyReviewer, query(null, "张玉兰", null, null, null, null, null, null))).contains(counter.id())
                .doesNotContain(online.id());
        assertThat(ids(cyCounter, query(null, "张玉", null, null, null, null, null, null))).doesNotContain(counter.id());
        assertThat(ids(cyCounter, query(null, null, counter.filingNumber(), null, null, null, null, null))).containsExactly(counter.id());
        assertThat(ids(cyCounter, query(null, null, counter.applicationSerial().toLowerCase(), null, null, null, null, null)))
                .containsExactly(counter.id());
        // status, type, destination (a province finds its cities; another province nothing) and dates, combined
        assertThat(ids(cyCounter, query(WU, null, null, FilingStatus.SUBMITTED, FilingType.OTHER_TEMPORARY, "310000", today, today)))
                .containsExactly(online.id());
        assertThat(ids(cyCounter, query(WU, null, null, FilingStatus.OPENED, null, null, null, null))).isEmpty();
        assertThat(ids(cyCounter, query(WU, null, null, null, FilingType.REFERRAL, null, null, null))).isEmpty();
        assertThat(ids(cyCounter, query(ZHANG, null, null, null, null, "440000", null, null))).containsExactly(counter.id());
        assertThat(ids(cyCounter, query(ZHANG, null, null, null, null, "440300", null, null))).containsExactly(counter.id());
        assertThat(ids(cyCounter, query(ZHANG, null, null, null, null, "440100", null, null))).isEmpty();
        assertThat(ids(cyCounter, query(ZHANG, null, null, null, null, "310000", null, null))).isEmpty();
        assertThat(ids(cyCounter, query(ZHANG, null, null, null, null, null, today.plusDays(1), null))).isEmpty();
        assertThat(ids(cyCounter, query(ZHANG, null, null, null, null, null, null, today.minusDays(1)))).isEmpty();

        // pages newest first: a page of one says another follows
        FilingQuery.Page first = filings.search(cyCounter, new FilingQuery(null, null, null, null, null, null, today, today, 0, 1));
        FilingQuery.Page second = filings.search(cyCounter, new FilingQuery(null, null, null, null, null, null, today, today, 1, 1));
        assertThat(first.items()).hasSize(1);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).hasSize(1);
        assertThat(second.items().get(0).id()).isNotEqualTo(first.items().get(0).id());
        assertThat(second.items().get(0).submittedAt()).isBeforeOrEqualTo(first.items().get(0).submittedAt());

        // another area's clerk, the person, an officer: nothing
        assertThat(ids(xmCounter, query(WU, null, null, null, null, null, null, null))).isEmpty();
        assertThat(ids(xmCounter, query(LI, null, null, null, null, null, null, null))).containsExactly(elsewhere.id());
        assertThat(ids(cyCounter, query(LI, null, null, null, null, null, null, null))).isEmpty();
        assertThat(ids(wu, query(WU, null, null, null, null, null, null, null))).isEmpty();
        assertThat(ids(bjOfficer, query(WU, null, null, null, null, null, null, null))).isEmpty();

        // a criterion that cannot match is refused in both languages
        assertThatThrownBy(() -> filings.search(cyCounter, query("110105198201150372", null, null, null, null, null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("校验位").hasMessageContaining("check digit");
        assertThatThrownBy(() -> filings.search(cyCounter, query(null, null, null, null, null, "44", null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("行政区划代码");
        assertThatThrownBy(() -> filings.search(cyCounter, query(null, null, null, null, null, null, today, today.minusDays(1))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("申请日期");
        assertThatThrownBy(() -> filings.search(cyCounter, new FilingQuery(null, null, null, null, null, null, null, null, 0, 101)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("每页");
    }

    @Test
    void theSearchOverRestIsTheClerksAloneAndMasksIdNumbers() throws Exception {
        Filing f = filings.submit(cyCounter, application("110105199709045614", "110105", InsuranceType.RESIDENT, "320500",
                LocalDate.of(2030, 2, 1), LocalDate.of(2030, 4, 30)), "search-rest-1"); // 杜勇
        var found = mvc.perform(get("/api/clerk/filings").param("idNumber", "110105199709045614")
                .with(clerkToken("cy-counter", "110105", "counter"))).andReturn().getResponse();
        assertThat(found.getStatus()).isEqualTo(200);
        String body = found.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(f.id().toString(), "\"hasMore\":false", "\"statusLabel\":\"备案成功\"")
                .doesNotContain("110105199709045614");
        assertThat(mvc.perform(get("/api/clerk/filings").param("idNumber", "110105199709045614")
                        .with(clerkToken("xm-counter", "350200", "counter"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"items\":[]");
        assertThat(mvc.perform(get("/api/clerk/filings").param("idNumber", "110105199709045614")
                .with(insuredToken("search-wu", WU))).andReturn().getResponse().getStatus()).isEqualTo(403);
        var badStatus = mvc.perform(get("/api/clerk/filings").param("status", "LOST").with(clerkToken("cy-counter", "110105", "counter")))
                .andReturn().getResponse();
        assertThat(badStatus.getStatus()).isEqualTo(400);
        assertThat(badStatus.getContentAsString(StandardCharsets.UTF_8)).contains("status");
        var badId = mvc.perform(get("/api/clerk/filings").param("idNumber", "110105199709045615").with(clerkToken("cy-counter", "110105", "counter")))
                .andReturn().getResponse();
        assertThat(badId.getStatus()).isEqualTo(422);
        assertThat(badId.getContentAsString(StandardCharsets.UTF_8)).contains("校验位");
    }

    /** 003 第九条(一): the insured area's counter changes residence, phone or institution and confirms it on the spot. */
    @Test
    void theCounterChangesAFilingItFoundAtOnceAndOnlyInItsArea() {
        String person = "110105197308284754"; // 王龙
        Filing f = filings.submit(cyCounter, application(person, "110105", InsuranceType.RESIDENT, "330100",
                LocalDate.of(2030, 3, 1), LocalDate.of(2030, 5, 31)), "search-change-1");
        assertThat(changes.mayChangeAtCounter(cyCounter, f)).isTrue();
        assertThat(changes.mayChangeAtCounter(cyReviewer, f)).isFalse();
        assertThat(changes.mayChangeAtCounter(xmCounter, f)).isFalse();

        FilingChangeRecord done = changes.request(cyCounter, f.id(),
                FilingChange.of(null, null, null, "13911112222", "杭州市西湖区示例路 9 号"));
        assertThat(done.status()).as("online this would wait for the insured area's review").isEqualTo(FilingChangeRecord.Status.APPLIED);
        Filing now = filings.find(cyCounter, f.id()).orElseThrow();
        assertThat(now.contactPhone()).isEqualTo("13911112222");
        assertThat(now.contactAddress()).isEqualTo("杭州市西湖区示例路 9 号");
        assertThat(filings.history(cyCounter, f.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("信息变更");
            assertThat(e.actor()).isEqualTo(cyCounter.account());
        });
        assertThat(inbox.page(cyReviewer, new ClerkInbox.Filter("Task_ReviewChange", null, null, false), 0, 1000))
                .noneMatch(t -> changes.forReviewTask(cyReviewer, t.taskId()).map(c -> c.filingId().equals(f.id())).orElse(false));

        assertThatThrownBy(() -> changes.request(xmCounter, f.id(), FilingChange.of(null, null, null, "13911113333", null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("备案不存在");
        assertThatThrownBy(() -> changes.request(cyReviewer, f.id(), FilingChange.of(null, null, null, "13911113333", null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("窗口办理");
    }

    private List<UUID> ids(AppUser user, FilingQuery q) {
        return filings.search(user, q).items().stream().map(Filing::id).toList();
    }
}
