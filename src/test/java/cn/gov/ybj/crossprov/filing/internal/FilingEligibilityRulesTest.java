package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceStatus;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 002 一 / 003 第七条: who each type is for, each rule with a setting per insured area. */
class FilingEligibilityRulesTest {

    static InsuranceRecord person(PersonType type) {
        return new InsuranceRecord("350203196209151238", "陈静", "女", LocalDate.of(1962, 9, 15), "350200", InsuranceType.EMPLOYEE,
                type, InsuranceStatus.NORMAL, null);
    }

    static FilingApplication application(FilingType type, boolean commitment) {
        return new FilingApplication("350203196209151238", "350200", "110000", InsuranceType.EMPLOYEE, type, LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 12, 31), "陈静", "13800138000", "北京", null, false, false, commitment, true, true, List.of());
    }

    @Test
    void aResettledRetireeMustBeRetiredUnlessTheAreaSaysOtherwise() {
        FilingEligibilityRules rules = new FilingEligibilityRules(new MockEnvironment()
                .withProperty("app.filing.eligibility.areas.110105.retired-required", "false"));
        assertThatThrownBy(() -> rules.check("350200", application(FilingType.RETIRED_RESETTLED, false), person(PersonType.IN_SERVICE)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("异地安置退休人员须为退休人员：该人员参保登记为在职")
                .hasMessageContaining("must be retired");
        assertThatCode(() -> rules.check("350200", application(FilingType.RETIRED_RESETTLED, false), person(PersonType.RETIRED)))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check("110105", application(FilingType.RETIRED_RESETTLED, false), person(PersonType.IN_SERVICE)))
                .as("the area's own setting").doesNotThrowAnyException();
        assertThatCode(() -> rules.check("350200", application(FilingType.LONG_TERM_RESIDENT, false), person(PersonType.IN_SERVICE)))
                .as("other types").doesNotThrowAnyException();
    }

    @Test
    void aYearElsewhereIsDeclaredByDefaultAndProvenWhereTheAreaAsks() {
        FilingEligibilityRules rules = new FilingEligibilityRules(new MockEnvironment()
                .withProperty("app.filing.eligibility.areas.350200.one-year", "PROVEN"));
        for (FilingType type : List.of(FilingType.LONG_TERM_RESIDENT, FilingType.STATIONED_WORKER)) {
            assertThatCode(() -> rules.check("210600", application(type, true), person(PersonType.IN_SERVICE))).as(type + " declared")
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> rules.check("350200", application(type, true), person(PersonType.IN_SERVICE))).as(type + " proven")
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("一年以上的证明材料").hasMessageContaining("不接受个人承诺");
            assertThatCode(() -> rules.check("350200", application(type, false), person(PersonType.IN_SERVICE))).as(type + " with materials")
                    .doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> new FilingEligibilityRules(new MockEnvironment().withProperty("app.filing.eligibility.one-year", "MAYBE")))
                .isInstanceOf(IllegalStateException.class);
    }
}
