package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one settlement is calculated from: the policy version in force on the discharge date, the
 * hospital's grade, the discharge date, the fee categories, and the person's usage so far (of this
 * year, or of an earlier year, which then counts as nothing).
 */
public record SettlementInput(PolicyVersion policy, HospitalGrade grade, LocalDate dischargeDate, List<FeeLine> fees,
                              YearToDateUsage usage) {

    public SettlementInput {
        if (policy == null || grade == null || dischargeDate == null || fees == null || usage == null || fees.stream().anyMatch(Objects::isNull)) {
            throw new BusinessRuleException("结算缺少政策、医院等级、出院日期、费用或年度累计",
                    "A settlement needs the policy, the hospital grade, the discharge date, the fees and the year-to-date usage");
        }
        fees = List.copyOf(fees);
    }
}
