package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The split of one settlement, with the amounts of the settlement slip (附件6): 总费用
 * ({@code total}), 统筹内费用 ({@code inScope}), 自费费用 ({@code selfPaid}), 本次起付标准
 * ({@code deductible}), 基金支付金额 per fund in the policy's order ({@code funds}), 基金支付合计
 * ({@code fundsTotal}) and 个人现金支付 ({@code personalCash} = total − fundsTotal); plus the policy
 * version used and the person's usage before (after a year change: empty) and after it.
 */
public record SettlementResult(PolicyKey policy, LocalDate policyEffectiveFrom, HospitalGrade grade,
                               LocalDate dischargeDate, Money total, Money inScope, Money selfPaid, Money deductible,
                               List<FundPayment> funds, Money fundsTotal, Money personalCash,
                               YearToDateUsage usageBefore, YearToDateUsage usageAfter) {

    public SettlementResult {
        funds = List.copyOf(funds);
    }

    /** What the fund with this code pays; 0 when the policy has no such fund. */
    public Money paidBy(String fundCode) {
        return funds.stream().filter(f -> f.code().equals(fundCode)).map(FundPayment::amount).findFirst().orElse(Money.ZERO);
    }
}
