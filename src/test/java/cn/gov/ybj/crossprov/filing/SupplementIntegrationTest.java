package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.filing.supplement.Supplements;
import cn.gov.ybj.crossprov.filing.supplement.Supplement;
import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.filing.ui.FilingActions;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.PDF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** 补充材料 on the embedded PostgreSQL with the real engine, registry simulator and constraints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SupplementIntegrationTest {

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String WANG = "150622195405183412";  // 王思远, 鄂尔多斯 150600, self-service area
    static final String ZHENG = "231281194510133331"; // 郑凯, 绥化 231200, self-service area
    static final byte[] PNG = cn.gov.ybj.crossprov.BadFiles.png(); // a real image: uploads are decoded
    static final String APPROVED_ACTION = "补充材料审核通过，备案地和参保地双向享受待遇";

    static final AppUser wang = insured("supp-wangsiyuan", WANG);
    static final AppUser zheng = insured("supp-zhengkai", ZHENG);
    static final AppUser ordosClerk = clerk("supp-ordos-reviewer", "150600", "REVIEWER");
    static final AppUser suihuaClerk = clerk("supp-suihua-reviewer", "231200", "REVIEWER");
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");

    @Autowired
    FilingManagement filings;

    @Autowired
    FilingCancellations cancellations;

    @Autowired
    Supplements supplements;
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



    /** A long-term filing on a personal commitment; the DMN opens it at once in a self-service area. */
    private Filing commitmentFiling(AppUser user, String person, String area, String treatment, LocalDate start, LocalDate end) {
        Filing f = filings.submit(user, new FilingApplication(person, area, treatment, InsuranceType.EMPLOYEE,
                FilingType.LONG_TERM_RESIDENT, start, end, "联系人", "13800138000", "演示路 8 号", null, false, false,
                true, true, true, List.of()), UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(f.commitmentBased()).isTrue();
        return f;
    }

    static List<FilingApplication.Material> pdf(String name) {
        return List.of(new FilingApplication.Material(null, name, PDF));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM app." + table).query(Long.class).single();
    }

    private String processOf(Supplement s) {
        return jdbc.sql("SELECT process_instance_id FROM app.filing_supplement WHERE id = :id")
                .param("id", s.id()).query(String.class).single();
    }

    private String taskOf(Supplement s, AppUser clerk) {
        String pi = processOf(s);
        return inbox.page(clerk, ClerkInbox.Filter.ALL, 0, 1000).stream()
                .filter(t -> t.processInstanceId().equals(pi)).findFirst().orElseThrow().taskId();
    }

    @Test
    void approvedSupplementMarksTheFilingValidInBothPlacesAndIsReported() throws Exception {
        Filing f = commitmentFiling(wang, WANG, "150600", "110000", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31));
        assertThat(FilingActions.allowed(f, filings.options(wang, f))).contains(FilingActions.Action.SUPPLEMENT);

        Supplement s = supplements.submit(wang, f.id(), pdf("居住证.pdf"));
        assertThat(s.status()).isEqualTo(Supplement.Status.UNDER_REVIEW);
        assertThat(s.materials()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(FilingType.LONG_TERM_RESIDENT.material());
            assertThat(m.contentType()).isEqualTo("application/pdf");
            assertThat(filings.materialContent(wang, f.id(), m.id())).contains(PDF);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing_material WHERE supplement_id = :s AND filing_id = :f")
                .param("s", s.id()).param("f", f.id()).query(Long.class).single()).isOne();
        // the filing's own materials stay apart from the supplement's
        assertThat(filings.materials(wang, f.id())).isEmpty();
        assertThat(FilingActions.allowed(f, filings.options(wang, f))).doesNotContain(FilingActions.Action.SUPPLEMENT);
        assertThatThrownBy(() -> supplements.submit(wang, f.id(), pdf("again.pdf")))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("补充材料正在审核中，请勿重复提交" + " / ");

        // the review is the insured area's, due in 2 working days, also though the filing was self-service
        String taskId = taskOf(s, ordosClerk);
        ClerkInbox.Item task = inbox.find(ordosClerk, taskId).orElseThrow();
        assertThat(task.taskDefinitionKey()).isEqualTo("Task_ReviewSupplement");
        assertThat(task.due()).isEqualTo(workingDays.deadline(task.created(), 2).toInstant());
        assertThat(engine.getTaskService().getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId)
                .containsExactly("area-150600");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(processOf(s)).timers().singleResult()
                .getDuedate().toInstant()).isEqualTo(task.due());
        Map<String, CaseSummaries.CaseSummary> summary = new java.util.HashMap<>();
        summaries.forEach(c -> summary.putAll(c.summarize(List.of(processOf(s)))));
        assertThat(summary.get(processOf(s))).satisfies(c -> {
            assertThat(c.caseType()).isEqualTo("补充材料");
            assertThat(c.reference()).isEqualTo(f.applicationSerial());
            assertThat(c.reviewRoute()).isEqualTo("clerk/supplement-review/{taskId}");
        });
        assertThat(supplements.forReviewTask(ordosClerk, taskId)).map(Supplement::id).contains(s.id());

        // another area's clerk sees nothing and cannot decide
        assertThat(inbox.page(xmReviewer, ClerkInbox.Filter.ALL, 0, 1000)).extracting(ClerkInbox.Item::taskId).doesNotContain(taskId);
        assertThat(supplements.forReviewTask(xmReviewer, taskId)).isEmpty();
        assertThatThrownBy(() -> supplements.approve(xmReviewer, taskId)).isInstanceOf(BusinessRuleException.class);
        RequestPostProcessor xm = clerkToken("xm-reviewer", "350200");
        assertThat(mvc.perform(get("/api/supplement-reviews/" + taskId).with(xm)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/supplement-reviews/" + taskId).with(xm).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"APPROVE\"}")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(filings.find(wang, f.id()).orElseThrow().bothPlaces()).isFalse();

        assertThat(mvc.perform(get("/api/supplement-reviews/" + taskId).with(clerkToken("supp-ordos-reviewer", "150600")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(s.id().toString(), "居住证.pdf");
        Supplement approved = supplements.approve(ordosClerk, taskId);
        assertThat(approved.status()).isEqualTo(Supplement.Status.APPROVED);
        Filing after = filings.find(wang, f.id()).orElseThrow();
        assertThat(after.bothPlaces()).isTrue();
        assertThat(after.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(jdbc.sql("SELECT reportable FROM app.filing_event WHERE filing_id = :f AND action = :a")
                .param("f", f.id()).param("a", APPROVED_ACTION).query(Boolean.class).single()).isTrue();
        assertThat(RegistryReceipts.receipts(jdbc, f.id(), APPROVED_ACTION, 1)).singleElement().asString().startsWith("NR");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processOf(s))
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_SupplementApproved");

        // once approved: no action, and a second supplement is refused
        assertThat(FilingActions.allowed(after, filings.options(wang, after))).doesNotContain(FilingActions.Action.SUPPLEMENT);
        long before = count("filing_supplement");
        assertThatThrownBy(() -> supplements.submit(wang, f.id(), pdf("more.pdf")))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("补充材料已审核通过" + " / ");
        assertThat(count("filing_supplement")).isEqualTo(before);
    }

    @Test
    void returnedSupplementMayBeUploadedAgainThroughTheApi() throws Exception {
        Filing f = commitmentFiling(zheng, ZHENG, "231200", "310000", LocalDate.of(2031, 2, 1), LocalDate.of(2031, 10, 31));
        RequestPostProcessor person = insuredToken("supp-zhengkai", ZHENG);
        var created = mvc.perform(multipart("/api/filings/" + f.id() + "/supplements")
                        .file(new MockMultipartFile("files", "房产证.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "居住证.png", "image/png", PNG)).with(person))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        Supplement first = supplements.ofFiling(zheng, f.id()).get(0);
        assertThat(first.materials()).extracting(FilingMaterial::contentType).containsExactlyInAnyOrder("application/pdf", "image/png");

        String taskId = taskOf(first, suihuaClerk);
        RequestPostProcessor clerk = clerkToken("supp-suihua-reviewer", "231200");
        var noReason = mvc.perform(post("/api/supplement-reviews/" + taskId).with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"RETURN\"}")).andReturn().getResponse();
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("退回时请填写退回原因");
        var returned = mvc.perform(post("/api/supplement-reviews/" + taskId).with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"RETURN\",\"returnReason\":\"房产证明不清晰\"}")).andReturn().getResponse();
        assertThat(returned.getStatus()).isEqualTo(200);
        assertThat(returned.getContentAsString(StandardCharsets.UTF_8)).contains("RETURNED", "房产证明不清晰");
        assertThat(jdbc.sql("SELECT reportable FROM app.filing_event WHERE filing_id = :f AND action = '补充材料审核退回'")
                .param("f", f.id()).query(Boolean.class).single()).isFalse();
        Filing afterReturn = filings.find(zheng, f.id()).orElseThrow();
        assertThat(afterReturn.bothPlaces()).isFalse();
        assertThat(FilingActions.allowed(afterReturn, filings.options(zheng, afterReturn))).contains(FilingActions.Action.SUPPLEMENT);

        // upload again: a new supplement with a new case
        var again = mvc.perform(multipart("/api/filings/" + f.id() + "/supplements")
                .file(new MockMultipartFile("files", "房产证-清晰.pdf", "application/pdf", PDF)).with(person)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(201);
        String list = mvc.perform(get("/api/filings/" + f.id() + "/supplements").with(person)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("RETURNED", "房产证明不清晰", "UNDER_REVIEW", "房产证-清晰.pdf");
        List<Supplement> history = supplements.ofFiling(zheng, f.id());
        assertThat(history).extracting(Supplement::status).containsExactly(Supplement.Status.RETURNED, Supplement.Status.UNDER_REVIEW);
        assertThat(processOf(history.get(1))).isNotEqualTo(processOf(history.get(0)));
        Supplement second = history.get(1);
        String material = second.materials().get(0).id().toString();
        var content = mvc.perform(get("/api/filings/" + f.id() + "/supplements/" + second.id() + "/materials/" + material)
                .with(person)).andReturn().getResponse();
        assertThat(content.getStatus()).isEqualTo(200);
        assertThat(content.getContentType()).isEqualTo("application/pdf");
        assertThat(taskOf(second, suihuaClerk)).isNotEqualTo(taskId);
    }

    @Test
    void refusalsSayWhyAndWriteNothing() throws Exception {
        // not on a personal commitment
        Filing temporary = filings.submit(wang, new FilingApplication(WANG, "150600", "120000", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, LocalDate.of(2032, 1, 1), LocalDate.of(2032, 1, 31), "联系人", "13800138000",
                "演示路 8 号", null, false, false, false, true, true, List.of()), UUID.randomUUID().toString());
        Filing withMaterials = filings.submit(wang, new FilingApplication(WANG, "150600", "120000", InsuranceType.EMPLOYEE,
                FilingType.LONG_TERM_RESIDENT, LocalDate.of(2032, 3, 1), LocalDate.of(2032, 12, 31), "联系人", "13800138000",
                "演示路 8 号", null, false, false, false, true, true, pdf("居住证.pdf")), UUID.randomUUID().toString());
        assertThat(withMaterials.status()).isEqualTo(FilingStatus.OPENED);
        Filing commitment = commitmentFiling(wang, WANG, "150600", "440100", LocalDate.of(2033, 1, 1), LocalDate.of(2033, 6, 30));
        Filing closed = commitmentFiling(wang, WANG, "150600", "440100", LocalDate.of(2033, 7, 1), LocalDate.of(2033, 12, 31));
        jdbc.sql("UPDATE app.filing SET status = 'CLOSED' WHERE id = :id").param("id", closed.id()).update();
        long supplementRows = count("filing_supplement");
        long materials = count("filing_material");
        long events = count("filing_event");

        for (Filing f : List.of(temporary, withMaterials)) {
            assertThatThrownBy(() -> supplements.submit(wang, f.id(), pdf("x.pdf"))).isInstanceOf(BusinessRuleException.class)
                    .hasMessageStartingWith("该备案不是以个人承诺方式办理的长期居住备案，无需补充材料" + " / ");
        }
        assertThatThrownBy(() -> supplements.submit(wang, closed.id(), pdf("x.pdf")))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("只有备案成功（已开通）的备案可以补充材料" + " / ");
        assertThatThrownBy(() -> supplements.submit(wang, commitment.id(), List.of()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("至少上传一个");
        assertThatThrownBy(() -> supplements.submit(wang, commitment.id(), List.of(
                new FilingApplication.Material(null, "ok.pdf", PDF),
                new FilingApplication.Material(null, "fake.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("不是 PDF、JPG 或 PNG");
        assertThatThrownBy(() -> supplements.submit(wang, commitment.id(), List.of(
                new FilingApplication.Material(null, "big.pdf", java.util.Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1)))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("10 MB");
        var api = mvc.perform(multipart("/api/filings/" + temporary.id() + "/supplements")
                .file(new MockMultipartFile("files", "x.pdf", "application/pdf", PDF)).with(insuredToken("supp-wangsiyuan", WANG)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("无需补充材料", "personal commitment");
        var badFile = mvc.perform(multipart("/api/filings/" + commitment.id() + "/supplements")
                .file(new MockMultipartFile("files", "note.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                .with(insuredToken("supp-wangsiyuan", WANG))).andReturn().getResponse();
        assertThat(badFile.getStatus()).isEqualTo(422);
        assertThat(badFile.getContentAsString(StandardCharsets.UTF_8)).contains("不是 PDF、JPG 或 PNG");

        assertThat(count("filing_supplement")).isEqualTo(supplementRows);
        assertThat(count("filing_material")).isEqualTo(materials);
        assertThat(count("filing_event")).isEqualTo(events);
        assertThat(FilingActions.allowed(temporary, filings.options(wang, temporary))).doesNotContain(FilingActions.Action.SUPPLEMENT);
    }

    @Test
    void anotherPersonsFilingIsAbsent() throws Exception {
        Filing f = commitmentFiling(wang, WANG, "150600", "500000", LocalDate.of(2034, 1, 1), LocalDate.of(2034, 12, 31));
        long before = count("filing_supplement");
        RequestPostProcessor other = insuredToken("supp-zhengkai", ZHENG);
        assertThat(mvc.perform(multipart("/api/filings/" + f.id() + "/supplements")
                .file(new MockMultipartFile("files", "x.pdf", "application/pdf", PDF)).with(other))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/supplements").with(other)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThatThrownBy(() -> supplements.submit(zheng, f.id(), pdf("x.pdf"))).isInstanceOf(BusinessRuleException.class)
                .hasMessageStartingWith("备案不存在" + " / ");
        assertThat(supplements.ofFiling(zheng, f.id())).isEmpty();
        assertThat(count("filing_supplement")).isEqualTo(before);
        assertThat(mvc.perform(get("/api/filings/" + f.id() + "/supplements").with(insuredToken("supp-wangsiyuan", WANG)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void closingTheFilingEndsTheSupplementsReview() {
        Filing f = commitmentFiling(zheng, ZHENG, "231200", "320100", LocalDate.of(2037, 1, 1), LocalDate.of(2037, 12, 31));
        Supplement s = supplements.submit(zheng, f.id(), pdf("closing.pdf"));
        String pi = processOf(s);
        assertThat(inbox.page(suihuaClerk, ClerkInbox.Filter.ALL, 0, 1000)).anyMatch(t -> t.processInstanceId().equals(pi));

        cancellations.request(zheng, f.id()); // self-service: closes at once

        assertThat(filings.find(zheng, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(supplements.ofFiling(zheng, f.id())).singleElement().satisfies(after -> {
            assertThat(after.status()).isEqualTo(Supplement.Status.RETURNED);
            assertThat(after.reason()).isEqualTo("备案已关闭，未审结的申请已终止");
        });
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(inbox.page(suihuaClerk, ClerkInbox.Filter.ALL, 0, 1000)).noneMatch(t -> t.processInstanceId().equals(pi));
        assertThat(filings.history(zheng, f.id())).extracting(Filing.Event::action).contains("备案已关闭，未审结的申请已终止");
    }

    @Test
    void twoSubmissionsRacingAreDecidedByTheDatabase() throws Exception {
        Filing f = commitmentFiling(zheng, ZHENG, "231200", "320100", LocalDate.of(2035, 1, 1), LocalDate.of(2035, 12, 31));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = new ArrayList<>();
        try {
            Callable<Supplement> submit = () -> {
                go.await();
                return supplements.submit(zheng, f.id(), pdf("race.pdf"));
            };
            List<Future<Supplement>> results = List.of(pool.submit(submit), pool.submit(submit));
            go.countDown();
            for (Future<Supplement> r : results) {
                try {
                    outcomes.add(r.get().status().name());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessRuleException.class)
                            .hasMessageStartingWith("补充材料正在审核中，请勿重复提交" + " / ");
                    outcomes.add("REFUSED");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsExactlyInAnyOrder("UNDER_REVIEW", "REFUSED");
        assertThat(supplements.ofFiling(zheng, f.id())).singleElement()
                .satisfies(s -> assertThat(s.materials()).hasSize(1));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("supplemental-materials")
                .variableValueEquals("filingId", f.id().toString()).count()).isOne();
    }


    private static RequestPostProcessor clerkToken(String username, String area) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", "reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }
}
