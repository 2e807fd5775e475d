package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 转移接续 on the embedded PostgreSQL with the real engine and registry: a transfer-out from 厦门
 * (350200) to 北京朝阳 (110105) through all four steps with the registry after it, a transfer-in
 * through the in-area counter, the refusals with nothing written, two submissions at once, and
 * what a third area's clerk gets (nothing). The persons are fixtures of this class only.
 */
@SpringBootTest
@ActiveProfiles("test")
class TransferIntegrationTest {

    static final String OUT_PERSON = "35020319840312761X";   // 350200 since 2015-01, before 110105 2012-03~2015-01
    static final String RACE_PERSON = "350203198607184528";
    static final String ARREARS_PERSON = "350203197902011334";
    static final String RESIDENT_PERSON = "110105198209092567";
    static final String IN_PERSON = "350203199111113376";
    static final String REFUSED_PERSON = "350203197705052188";
    static final String NOTHING_PERSON = "350203198808081234";   // only ever refused

    static final AppUser outPerson = insured("transfer-out-person", OUT_PERSON);
    static final AppUser racePerson = insured("transfer-race-person", RACE_PERSON);
    static final AppUser arrearsPerson = insured("transfer-arrears-person", ARREARS_PERSON);
    static final AppUser residentPerson = insured("transfer-resident-person", RESIDENT_PERSON);
    static final AppUser inPerson = insured("transfer-in-person", IN_PERSON);
    static final AppUser refusedPerson = insured("transfer-refused-person", REFUSED_PERSON);
    static final AppUser nothingPerson = insured("transfer-nothing-person", NOTHING_PERSON);
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser cyCounter = clerk("cy-counter", "110105", "COUNTER");
    static final AppUser hdReviewer = clerk("hd-reviewer", "110108", "REVIEWER");

    @Autowired
    TransferCases transfers;
    @Autowired
    TransferProgress progress;
    @Autowired
    TransferPrints prints;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransferCaseRepository repository;
    @Autowired
    cn.gov.ybj.crossprov.insured.InsuranceRegistry registryService;

    @BeforeEach
    void fixtures() {
        person(OUT_PERSON, "转出甲", "350200", "EMPLOYEE", "IN_SERVICE", "1234.50", "0",
                "110105:2012-03-01:2015-01-01", "350200:2015-01-01:");
        person(RACE_PERSON, "转出乙", "350200", "EMPLOYEE", "IN_SERVICE", "0", "0", "350200:2016-05-01:");
        person(ARREARS_PERSON, "欠费丙", "350200", "EMPLOYEE", "IN_SERVICE", "500", "300.00", "350200:2010-01-01:");
        person(RESIDENT_PERSON, "居民丁", "110105", "RESIDENT", "RESIDENT", "0", "0", "110105:2019-01-01:");
        person(IN_PERSON, "转入戊", "350200", "EMPLOYEE", "IN_SERVICE", "88.80", "0", "350200:2018-01-01:2025-12-01");
        person(REFUSED_PERSON, "转出己", "350200", "EMPLOYEE", "IN_SERVICE", "2000", "0", "350200:2005-07-01:");
        person(NOTHING_PERSON, "拒绝庚", "350200", "EMPLOYEE", "IN_SERVICE", "10", "0", "350200:2011-07-01:");
        TestUsers.bindAll(jdbc);
    }

    /** balance and arrears in yuan as text; periods {@code area:start:end} (end empty while open) */
    private void person(String id, String name, String area, String type, String personType, String balance, String arrears,
                        String... periods) {
        int inserted = jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, demo)
                VALUES (?, ?, 'M', DATE '1980-01-01', ?, ?, ?, 'NORMAL', '测试单位', true) ON CONFLICT DO NOTHING
                """).params(id, name, area, type, personType).update();
        if (inserted == 0) {
            return;
        }
        for (String p : periods) {
            String[] f = p.split(":", -1);
            jdbc.sql("""
                    INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month, end_month)
                    VALUES (?, ?, ?, CAST(? AS date), CAST(NULLIF(?, '') AS date))
                    """).params(id, f[0], type, f[1], f[2]).update();
        }
        jdbc.sql("INSERT INTO app.insurance_account (id_number, balance, arrears) VALUES (?, CAST(? AS numeric), CAST(? AS numeric))")
                .params(id, balance, arrears).update();
    }

    @Test
    void transferOutThroughBothAreasMovesTheRegistryAndCreditsTheBalanceOnce() throws Exception {
        TransferCases.Preview preview = transfers.previewOut(outPerson, "110105");
        assertThat(preview.out().areaCode()).isEqualTo("350200");
        assertThat(preview.in().areaCode()).isEqualTo("110105");
        assertThat(preview.in().bankAccountNo()).isNotBlank();
        assertThat(preview.maskedIdNumber()).isEqualTo("350*****761X");
        assertThat(preview.outPeriods()).extracting(TransferCases.Period::from).containsExactly(YearMonth.of(2015, 1));
        assertThat(preview.balance()).isEqualTo(Money.yuan("1234.50"));

        TransferCase c = transfers.applyOut(outPerson, "110105", "13912345678");
        assertThat(c.getStatus()).isEqualTo(TransferStatus.OUT_AREA_REVIEW);
        Task review = task(c);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(TransferCases.OUT_REVIEW_TASK);
        assertThat(inbox.find(xmReviewer, review.getId())).isPresent();
        assertThat(inbox.find(cyReviewer, review.getId())).isEmpty();
        assertThat(transfers.forTask(hdReviewer, review.getId())).isEmpty();
        assertThatThrownBy(() -> transfers.decide(hdReviewer, review.getId(), TransferCases.Decision.approve()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("任务不存在或无权办理");

        assertThat(transfers.decide(xmReviewer, review.getId(), TransferCases.Decision.approve()).getStatus())
                .isEqualTo(TransferStatus.TRANSFERRING_OUT);
        assertThat(prints.certificate(outPerson, c.getId())).isEmpty(); // nothing to print before the transfer-out
        TransferCase out = transfers.decide(xmReviewer, task(c).getId(), TransferCases.Decision.approve());
        YearMonth now = YearMonth.now(ChinaTime.ZONE);
        assertThat(out.getStatus()).isEqualTo(TransferStatus.TRANSFERRING_IN);
        assertThat(out.getCertificateNo()).startsWith("350200-");
        assertThat(out.getBalance()).isEqualTo(Money.yuan("1234.50"));
        assertThat(out.getOutFirstMonth()).isEqualTo(YearMonth.of(2015, 1));
        assertThat(out.getOutLastMonth()).isEqualTo(now);
        assertThat(registry(OUT_PERSON)).containsEntry("pooling_area_code", "350200").containsEntry("status", "SUSPENDED");
        assertThat(balance(OUT_PERSON)).isEqualByComparingTo("0.00");
        assertThat(openPeriods(OUT_PERSON)).isZero();

        String certificate = text(prints.certificate(outPerson, c.getId()).orElseThrow());
        assertThat(certificate).contains(out.getCertificateNo(), String.valueOf(out.getSerialNo()), "转出甲", "壹仟贰佰叁拾肆元伍角整");
        assertThat(prints.certificate(cyReviewer, c.getId())).isPresent();
        assertThat(prints.certificate(hdReviewer, c.getId())).isEmpty();
        assertThat(prints.certificate(racePerson, c.getId())).isEmpty();

        String transferIn = task(c).getId();
        assertThat(transfers.forTask(xmReviewer, transferIn)).isEmpty();
        TransferCases.Decision noAmount = TransferCases.Decision.approve();
        assertThatThrownBy(() -> transfers.decide(cyReviewer, transferIn, noAmount)).hasMessageContaining("与转出地划转金额");
        TransferCases.Decision wrong = new TransferCases.Decision(Reviews.Outcome.APPROVE, null, false, false, Money.yuan("1234.00"));
        assertThatThrownBy(() -> transfers.decide(cyReviewer, transferIn, wrong)).hasMessageContaining("¥1234.50");
        assertThat(balance(OUT_PERSON)).isEqualByComparingTo("0.00");

        TransferCase done = transfers.decide(cyReviewer, transferIn,
                new TransferCases.Decision(Reviews.Outcome.APPROVE, null, false, false, Money.yuan("1234.50")));
        assertThat(done.getStatus()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(done.getBalanceCreditedAt()).isNotNull();
        assertThat(registry(OUT_PERSON)).containsEntry("pooling_area_code", "110105").containsEntry("status", "NORMAL");
        assertThat(balance(OUT_PERSON)).isEqualByComparingTo("1234.50");
        // 2012-03..2015-01 and 2015-01..now in 350200 and from now in 110105: 2015-01 and this month count once
        int expected = (int) (java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.of(2012, 3), now) + 1);
        assertThat(done.getAccumulatedMonths()).isEqualTo(expected);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM app.contribution_period WHERE id_number = ? AND pooling_area_code = '110105' AND end_month IS NULL
                """).param(OUT_PERSON).query(Long.class).single()).isOne();
        assertThatThrownBy(() -> transfers.decide(cyReviewer, transferIn, TransferCases.Decision.approve()))
                .hasMessageContaining("任务不存在或无权办理");
        assertThat(balance(OUT_PERSON)).isEqualByComparingTo("1234.50");

        TransferProgress.Progress p = progress.of(outPerson, c.getId()).orElseThrow();
        assertThat(p.steps()).extracting(TransferProgress.Step::state).containsOnly(TransferProgress.StepState.DONE);
        assertThat(p.steps()).extracting(TransferProgress.Step::activityId).containsExactly("StartEvent_TransferApplied",
                TransferCases.OUT_REVIEW_TASK, TransferCases.TRANSFER_OUT_TASK, TransferCases.TRANSFER_IN_TASK,
                "EndEvent_TransferCompleted");
        assertThat(progress.of(hdReviewer, c.getId())).isEmpty();
        assertThat(progress.of(racePerson, c.getId())).isEmpty();
    }

    @Test
    void transferInIsAcceptedAtTheInAreaCounterAfterIdentityAndDocumentsWereSeen() {
        TransferCase c = transfers.applyIn(inPerson, InsuranceType.EMPLOYEE, "350200", "110105", "13800001111");
        assertThat(c.getStatus()).isEqualTo(TransferStatus.IN_AREA_ACCEPTANCE);
        String acceptance = task(c).getId();
        assertThat(transfers.forTask(xmReviewer, acceptance)).isEmpty(); // nothing reaches the out-area before the check

        assertThatThrownBy(() -> transfers.decide(cyReviewer, acceptance, TransferCases.Decision.approve()))
                .hasMessageContaining("前台经办人员");
        assertThatThrownBy(() -> transfers.decide(cyCounter, acceptance, TransferCases.Decision.approve()))
                .hasMessageContaining("有效身份证件");
        TransferCase accepted = transfers.decide(cyCounter, acceptance,
                new TransferCases.Decision(Reviews.Outcome.APPROVE, null, true, true, null));
        assertThat(accepted.getStatus()).isEqualTo(TransferStatus.OUT_AREA_REVIEW);
        assertThat(accepted.getAcceptedBy()).isEqualTo("clerks:cy-counter");
        assertThat(transfers.forTask(xmReviewer, task(c).getId())).isPresent();

        TransferProgress.Progress p = progress.of(cyCounter, c.getId()).orElseThrow();
        assertThat(p.current().orElseThrow().activityId()).isEqualTo(TransferCases.OUT_REVIEW_TASK);
        assertThat(p.current().orElseThrow().due()).isNotNull();
        assertThat(transfers.list(xmReviewer, Direction.OUT, 50)).extracting(TransferCase::getId).contains(c.getId());
        assertThat(transfers.list(cyCounter, Direction.IN, 50)).extracting(TransferCase::getId).contains(c.getId());
        assertThat(transfers.list(hdReviewer, null, 50)).extracting(TransferCase::getId).doesNotContain(c.getId());
        assertThat(transfers.list(inPerson, Direction.IN, 50)).extracting(TransferCase::getId).containsExactly(c.getId());
        assertThat(transfers.list(outPerson, null, 50)).extracting(TransferCase::getId).doesNotContain(c.getId());
    }

    @Test
    void aRefusalEndsTheCaseWithTheReasonAndLeavesTheRegistryAsItWas() {
        Map<String, Object> before = registry(REFUSED_PERSON);
        TransferCase c = transfers.applyOut(refusedPerson, "110105", "13800002222");
        transfers.decide(xmReviewer, task(c).getId(), TransferCases.Decision.approve());
        assertThatThrownBy(() -> transfers.decide(xmReviewer, task(c).getId(), TransferCases.Decision.refuse(" ")))
                .hasMessageContaining("请填写原因");
        TransferCase refused = transfers.decide(xmReviewer, task(c).getId(), TransferCases.Decision.refuse("缴费记录有误，请先到参保地核实"));

        assertThat(refused.getStatus()).isEqualTo(TransferStatus.REFUSED);
        assertThat(refused.getRefusedStep()).isEqualTo(TransferStatus.TRANSFERRING_OUT);
        assertThat(refused.getRefuseReason()).isEqualTo("缴费记录有误，请先到参保地核实");
        assertThat(refused.getCertificateNo()).isNull();
        assertThat(registry(REFUSED_PERSON)).isEqualTo(before);
        assertThat(balance(REFUSED_PERSON)).isEqualByComparingTo("2000.00");
        assertThat(openPeriods(REFUSED_PERSON)).isOne();
        TransferProgress.Progress p = progress.of(refusedPerson, c.getId()).orElseThrow();
        assertThat(p.steps()).filteredOn(s -> s.state() == TransferProgress.StepState.REFUSED)
                .extracting(TransferProgress.Step::note).containsExactly("缴费记录有误，请先到参保地核实");
        // a refused case does not block a new application
        assertThat(transfers.previewOut(refusedPerson, "110105").out().areaCode()).isEqualTo("350200");
    }

    @Test
    void refusalsAtApplicationWriteNothing() {
        long before = cases();
        assertThatThrownBy(() -> transfers.applyOut(arrearsPerson, "110105", "13800003333")).hasMessageContaining("欠费 ¥300.00");
        assertThatThrownBy(() -> transfers.applyOut(residentPerson, "350200", "13800003333")).hasMessageContaining("职工基本医疗保险");
        assertThatThrownBy(() -> transfers.applyOut(nothingPerson, "350200", "13800003333")).hasMessageContaining("转入地与转出地相同");
        assertThatThrownBy(() -> transfers.applyOut(nothingPerson, "999999", "13800003333")).hasMessageContaining("不是统筹区");
        assertThatThrownBy(() -> transfers.applyOut(nothingPerson, "11010", "13800003333")).hasMessageContaining("6位行政区划代码");
        assertThatThrownBy(() -> transfers.applyOut(nothingPerson, "110105", "1234")).hasMessageContaining("手机号码");
        assertThatThrownBy(() -> transfers.applyIn(nothingPerson, InsuranceType.RESIDENT, "350200", "110105", "13800003333"))
                .hasMessageContaining("险种不符");
        assertThatThrownBy(() -> transfers.applyIn(nothingPerson, InsuranceType.EMPLOYEE, "110105", "350200", "13800003333"))
                .hasMessageContaining("没有参保关系");
        assertThatThrownBy(() -> transfers.applyOut(cyReviewer, "110105", "13800003333")).hasMessageContaining("实名认证");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void twoSubmissionsAtOnceGiveOneCase() throws Exception {
        long before = cases();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<TransferCase>> results = new ArrayList<>();
        Callable<TransferCase> apply = () -> {
            go.await();
            return transfers.applyOut(racePerson, "110105", "13800004444");
        };
        results.add(pool.submit(apply));
        results.add(pool.submit(apply));
        go.countDown();
        int ok = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<TransferCase> f : results) {
            try {
                f.get();
                ok++;
            } catch (java.util.concurrent.ExecutionException e) {
                refusals.add(e.getCause().getMessage());
            }
        }
        pool.shutdown();
        assertThat(ok).isOne();
        assertThat(refusals).singleElement().asString().contains("正在办理的医疗保险关系转移接续");
        assertThat(cases()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM app.transfer_case WHERE person_id_number = ?").param(RACE_PERSON)
                .query(Long.class).single()).isOne();
        assertThatThrownBy(() -> transfers.applyOut(racePerson, "110105", "13800004444")).hasMessageContaining("正在办理");
    }

    @Test
    void theLocalRunsDemoTransferWaitsForItsTransferOutAndStartsOnce() {
        DemoTransferLoader loader = new DemoTransferLoader(transfers, repository, registryService, tasks);
        loader.run(null);
        loader.run(null);
        List<TransferCase> demo = repository.findByPersonIdNumberInOrderBySubmittedAtDesc(List.of(DemoTransferLoader.PERSON));
        assertThat(demo).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(TransferStatus.TRANSFERRING_OUT);
            assertThat(c.getOutAreaCode()).isEqualTo("350200");
            assertThat(c.getInAreaCode()).isEqualTo("110105");
            assertThat(transfers.forTask(xmReviewer, task(c).getId())).isPresent();
        });
    }

    private Task task(TransferCase c) {
        return tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
    }

    private Map<String, Object> registry(String id) {
        return jdbc.sql("SELECT pooling_area_code, status, insurance_type FROM app.insurance_record WHERE id_number = ?")
                .param(id).query().singleRow();
    }

    private java.math.BigDecimal balance(String id) {
        return jdbc.sql("SELECT balance FROM app.insurance_account WHERE id_number = ?").param(id)
                .query(java.math.BigDecimal.class).single();
    }

    private long openPeriods(String id) {
        return jdbc.sql("SELECT count(*) FROM app.contribution_period WHERE id_number = ? AND end_month IS NULL")
                .param(id).query(Long.class).single();
    }

    private long cases() {
        return jdbc.sql("SELECT count(*) FROM app.transfer_case").query(Long.class).single();
    }

    static String text(byte[] pdf) throws java.io.IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
