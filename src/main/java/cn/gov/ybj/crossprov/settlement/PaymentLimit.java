package cn.gov.ybj.crossprov.settlement;

/** What, if anything, kept a fund below its band shares in a settlement. */
public enum PaymentLimit {
    NONE,
    /** 年度最高支付限额: the cap ran out in or before this settlement. */
    ANNUAL_CAP,
    /** The earlier funds had already paid all but this much of the in-scope amount. */
    IN_SCOPE_REMAINDER
}
