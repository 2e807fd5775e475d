package cn.gov.ybj.crossprov.clearing;

import java.time.YearMonth;

/**
 * Published (a Spring application event, in the case's transaction) when every province has confirmed a
 * month's tables and its notices are published: what each province pays each other this month is final
 * ({@link ClearingFinance#pairAmounts}). The prepayment fund measures its usage on it (003 第二十条).
 */
public record ClearingMonthConfirmed(YearMonth month) {
}
