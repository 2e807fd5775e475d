package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.shared.Money;

/** What {@code payer} (the insured province) pays {@code receiver} (the medical province) in a month: a cell of 附件7. */
public record PairAmount(String payer, String receiver, Money amount) {
}
