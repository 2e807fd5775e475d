package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.RegionCode;

import java.time.LocalDate;

/**
 * Port: whether direct settlement for persons insured in a province is suspended (暂停参保地跨省异地
 * 就医直接结算, 003 第二十四条: the paying province did not pay its 预付金 or clearing funds in time).
 * The hospital upload refuses such settlements ({@code PAYING_PROVINCE_SUSPENDED}).
 *
 * <p>The hook for the prepayment issue, which will implement it from its own records. Until then the
 * default bean ({@code settlement.internal.SettlementConfiguration}) suspends nobody; a bean of this
 * type elsewhere replaces it.
 */
public interface PrepaymentSuspensions {

    /** @param insuredProvince the province code ({@code 350000}) of the person's insured area */
    boolean suspended(RegionCode insuredProvince, LocalDate dischargeDate);

    /** The default: no province is suspended. */
    PrepaymentSuspensions NONE = (province, date) -> false;
}
