package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.AuditAction;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.AuditEntry;
import cn.gov.ybj.crossprov.settlement.internal.PolicyFile;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.ybj.crossprov.settlement.TestPolicies.all;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.allGrades;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.inScope;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.table;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored policies on the embedded PostgreSQL with the demo data: the demo file loaded (and
 * the 002 example through the calculator), versions by effective date, the refusals (invalid,
 * in force in the past, not a process admin, someone else saved in between) with nothing written,
 * the audit trail. Each test uses keys of its own area (44xxxx, no demo policies there).
 */
@SpringBootTest
@ActiveProfiles("test")
class SettlementPoliciesTest {

    static final AppUser ADMIN = new AppUser(Realm.CLERKS, "process-admin", "流程管理员",
            Set.of(Roles.CLERK, Roles.PROCESS_ADMIN), List.of("area-110105", "process-admins"), "110105");
    static final AppUser OTHER_ADMIN = new AppUser(Realm.CLERKS, "process-admin-2", "流程管理员二",
            Set.of(Roles.CLERK, Roles.PROCESS_ADMIN), List.of("area-350200", "process-admins"), "350200");
    static final AppUser CLERK = new AppUser(Realm.CLERKS, "cy-reviewer", "审核员",
            Set.of(Roles.CLERK, Roles.REVIEWER), List.of("area-110105"), "110105");

    @Autowired
    SettlementPolicies policies;
    @Autowired
    JdbcClient jdbc;

    private final SettlementCalculator calculator = new SettlementCalculator();
    private final LocalDate today = ChinaTime.today();

    /** Deductible {@code deductible} per admission; POOLING above it at {@code percent} %, cap 100,000. */
    static PolicyVersion policy(PolicyKey key, LocalDate from, String deductible, String percent) {
        return new PolicyVersion(key, from, DeductibleRule.perAdmission(allGrades(deductible)),
                List.of(FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                        all("0:" + percent), yuan("100000"))));
    }

    private long rows(String table, PolicyKey key) {
        return jdbc.sql("SELECT count(*) FROM app." + table + " WHERE insured_area = ? AND insurance_type = ? AND person_type = ?")
                .params(key.insuredArea().toString(), key.insuranceType().name(), key.personType().name())
                .query(Long.class).single();
    }

    @Test
    void theDemoPoliciesAreLoadedAndTheExampleOf002ComesOutExactly() {
        PolicyCatalogue demo = PolicyFile.demo();
        assertThat(policies.keys()).containsAll(demo.keys());
        for (PolicyKey key : demo.keys()) {
            // stored as JSONB and read back through the validation: the same versions, decimals exact
            assertThat(policies.versions(key)).as(key.toString()).isEqualTo(demo.versions(key));
            assertThat(policies.audit(key)).as(key.toString()).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.action()).isEqualTo(AuditAction.DEMO_LOAD));
        }

        PolicyKey yangling = PolicyKey.of("610403", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE);
        LocalDate discharge = LocalDate.of(2017, 12, 15);
        PolicyVersion version = policies.require(yangling, discharge);
        assertThat(version.effectiveFrom()).isEqualTo(LocalDate.of(2017, 1, 1));
        SettlementResult r = calculator.calculate(version, HospitalGrade.GRADE_3, discharge, inScope("25000"),
                YearToDateUsage.empty(2017));
        assertThat(r.fundsTotal()).isEqualTo(yuan("17500.00"));
        assertThat(r.personalCash()).isEqualTo(yuan("7500.00"));

        // before the first version nothing is in force
        assertThat(policies.inForce(yangling, LocalDate.of(2016, 12, 31))).isEmpty();
        assertThatThrownBy(() -> policies.require(yangling, LocalDate.of(2016, 12, 31)))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleException) e).messageZh()).contains("没有生效的待遇政策");
                    assertThat(((BusinessRuleException) e).messageEn()).contains("No policy of 610403");
                });
    }

    @Test
    void aNewVersionIsUsedFromItsDateOnAndTheOldOneBefore() {
        PolicyKey key = PolicyKey.of("440300", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE);
        PolicyVersion first = policy(key, LocalDate.of(2020, 1, 1), "1000", "70");
        LocalDate next = today.plusDays(30);
        PolicyVersion second = policy(key, next, "800", "80");

        policies.save(ADMIN, first); // a new key may start in the past: no settlement had a basis before
        policies.save(ADMIN, second);

        assertThat(policies.versions(key)).containsExactly(first, second);
        assertThat(policies.inForce(key, next.minusDays(1))).contains(first);
        assertThat(policies.inForce(key, next)).contains(second);
        assertThat(policies.inForce(key, next.plusYears(5))).contains(second);
        // 10,000 in scope: 9,000 × 70 % = 6,300 before the date; 9,200 × 80 % = 7,360 from it on
        assertThat(calculator.calculate(policies.require(key, next.minusDays(1)), HospitalGrade.GRADE_3, next.minusDays(1),
                inScope("10000"), YearToDateUsage.empty(next.minusDays(1).getYear())).fundsTotal()).isEqualTo(yuan("6300.00"));
        assertThat(calculator.calculate(policies.require(key, next), HospitalGrade.GRADE_3, next,
                inScope("10000"), YearToDateUsage.empty(next.getYear())).fundsTotal()).isEqualTo(yuan("7360.00"));
        assertThat(policies.keys()).contains(key);
        assertThat(policies.stored(key)).extracting(SettlementPolicies.StoredVersion::createdBy)
                .containsExactly("clerks:process-admin", "clerks:process-admin");
    }

    @Test
    void anInvalidPolicyIsRefusedWithItsMessageAndNothingIsWritten() {
        PolicyKey key = PolicyKey.of("440100", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE);
        assertThatThrownBy(() -> new PolicyVersion(key, today.plusDays(10), DeductibleRule.perAdmission(allGrades("1000")),
                List.of(FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                        FundRule.allGrades(new RatioBand(yuan("0"), yuan("10000"), new java.math.BigDecimal("70")),
                                new RatioBand(yuan("12000"), null, new java.math.BigDecimal("75"))), yuan("100000")))))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> {
                    assertThat(((InvalidPolicyException) e).messageZh()).contains("第 1 段与第 2 段之间有空缺：10000.00–12000.00");
                    assertThat(((InvalidPolicyException) e).messageEn()).contains("Gap between band 1 and band 2: 10000.00–12000.00");
                });
        assertThatThrownBy(() -> table("0:120")).isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("支付比例应在 0% 到 100% 之间：120%");
        assertThatThrownBy(() -> FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                all("0:70"), Money.yuan("-1"))).isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("年度最高支付限额不能为负数");
        // a valid policy by someone who is not a process admin: refused too
        assertThatThrownBy(() -> policies.save(CLERK, policy(key, today.plusDays(10), "1000", "70")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("只有流程管理员")
                .hasMessageContaining("Only process admins");
        assertThat(rows("settlement_policy_version", key)).isZero();
        assertThat(rows("settlement_policy_audit", key)).isZero();
        assertThat(policies.versions(key)).isEmpty();
    }

    @Test
    void aVersionInForceInThePastIsNeverChanged() {
        PolicyKey yangling = PolicyKey.of("610403", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE);
        PolicyVersion demo = policies.require(yangling, LocalDate.of(2017, 12, 15));
        long auditBefore = policies.audit(yangling).size();

        assertThatThrownBy(() -> policies.save(ADMIN, policy(yangling, demo.effectiveFrom(), "500", "90")))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    BusinessRuleException b = (BusinessRuleException) e;
                    assertThat(b.messageZh()).contains("已经生效，不能修改", "已办理的结算保持其依据", "晚于今天");
                    assertThat(b.messageEn()).contains("cannot be changed", "settlements already made keep their basis");
                });
        // nor slipped in between with an effective date up to today
        assertThatThrownBy(() -> policies.save(ADMIN, policy(yangling, today, "500", "90")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("须晚于今天")
                .hasMessageContaining("keep their basis");
        assertThatThrownBy(() -> policies.save(ADMIN, policy(yangling, LocalDate.of(2018, 1, 1), "500", "90")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("须晚于今天");

        assertThat(policies.require(yangling, LocalDate.of(2017, 12, 15))).isEqualTo(demo);
        assertThat(policies.versions(yangling)).containsExactly(demo);
        assertThat(policies.audit(yangling)).hasSize((int) auditBefore);
    }

    @Test
    void everySaveWritesAnAuditRowWithTheOldAndTheNewPolicy() {
        PolicyKey key = PolicyKey.of("440100", InsuranceType.RESIDENT, PersonType.RESIDENT);
        PolicyVersion first = policy(key, LocalDate.of(2021, 1, 1), "1000", "60");
        LocalDate future = today.plusDays(60);
        PolicyVersion planned = policy(key, future, "900", "65");
        PolicyVersion corrected = policy(key, future, "900", "66");

        policies.save(ADMIN, first);
        policies.save(ADMIN, planned);
        policies.save(OTHER_ADMIN, corrected); // a future version may still be changed
        policies.save(OTHER_ADMIN, corrected); // nothing changed: nothing written

        List<AuditEntry> audit = policies.audit(key);
        assertThat(audit).hasSize(3);
        assertThat(rows("settlement_policy_audit", key)).isEqualTo(3);
        AuditEntry change = audit.get(0);
        assertThat(change.action()).isEqualTo(AuditAction.CHANGE);
        assertThat(change.changedBy()).isEqualTo("clerks:process-admin-2");
        assertThat(change.effectiveFrom()).isEqualTo(future);
        assertThat(PolicyFile.fromJson(PolicyFile.parse(change.oldPolicy()), "old")).isEqualTo(planned);
        assertThat(PolicyFile.fromJson(PolicyFile.parse(change.newPolicy()), "new")).isEqualTo(corrected);
        AuditEntry newVersion = audit.get(1);
        assertThat(newVersion.action()).isEqualTo(AuditAction.NEW_VERSION);
        assertThat(newVersion.changedBy()).isEqualTo("clerks:process-admin");
        // the version that applied from that date before
        assertThat(PolicyFile.fromJson(PolicyFile.parse(newVersion.oldPolicy()), "old")).isEqualTo(first);
        assertThat(audit.get(2).action()).isEqualTo(AuditAction.NEW_VERSION);
        assertThat(audit.get(2).oldPolicy()).isNull();
        assertThat(audit.get(2).changedAt()).isNotNull();
        assertThat(policies.inForce(key, future)).contains(corrected);
        assertThat(policies.stored(key).get(1).revision()).isEqualTo(1);
        assertThat(policies.stored(key).get(1).changedBy()).isEqualTo("clerks:process-admin-2");
    }

    @Test
    void ofTwoConcurrentEditsOfTheSameVersionOneWins() throws Exception {
        PolicyKey key = PolicyKey.of("440100", InsuranceType.EMPLOYEE, PersonType.RETIRED);
        LocalDate future = today.plusDays(90);
        policies.save(ADMIN, policy(key, LocalDate.of(2022, 1, 1), "1000", "70"));
        policies.save(ADMIN, policy(key, future, "1000", "75"));
        long opened = policies.stored(key).get(1).revision();

        // both opened the same revision: the one who saves second is refused, nothing of it written
        policies.save(ADMIN, policy(key, future, "1000", "76"), opened);
        assertThatThrownBy(() -> policies.save(OTHER_ADMIN, policy(key, future, "1000", "77"), opened))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleException) e).messageZh()).contains("已被他人修改或新建，本次未保存，请刷新后重试");
                    assertThat(((BusinessRuleException) e).messageEn()).contains("Someone else changed", "nothing was saved");
                });
        assertThat(policies.inForce(key, future)).contains(policy(key, future, "1000", "76"));

        // at the same moment, in two transactions: exactly one wins
        long revision = policies.stored(key).get(1).revision();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<PolicyVersion>> results = new ArrayList<>();
        try {
            for (String percent : List.of("78", "79")) {
                results.add(pool.submit(() -> {
                    start.await();
                    return policies.save(ADMIN, policy(key, future, "1000", percent), revision);
                }));
            }
            int won = 0;
            int refused = 0;
            for (Future<PolicyVersion> f : results) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessRuleException.class)
                            .hasMessageContaining("请刷新后重试").hasMessageContaining("reload and try again");
                    refused++;
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(policies.stored(key).get(1).revision()).isEqualTo(revision + 1);
        // two creations of the same new version: the second (expecting none) is refused
        LocalDate later = future.plusDays(30);
        policies.save(ADMIN, policy(key, later, "1000", "80"), null);
        assertThatThrownBy(() -> policies.save(OTHER_ADMIN, policy(key, later, "1000", "81"), null))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("已被他人修改或新建");
        assertThat(policies.audit(key)).hasSize(5);
    }
}
