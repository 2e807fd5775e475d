package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.util.List;

/**
 * One fund's part of a settlement, for the slip (附件6: 基金支付金额 by fund name) and to explain it:
 * {@code base} is the amount it paid on ({@link FundBase}), {@code capLeft} what its annual cap still
 * allowed before this settlement, {@code amount} what it pays, {@code aboveCap} what of its paying
 * range lay beyond the point its cap ran out (the base of an {@link FundBase#ABOVE_CAP_OF} fund
 * after it), {@code bands} the band by band shares.
 */
public record FundPayment(String code, String name, Money base, Money capLeft, Money amount, PaymentLimit limitedBy,
                          Money aboveCap, List<BandShare> bands) {

    public FundPayment {
        bands = List.copyOf(bands);
    }
}
