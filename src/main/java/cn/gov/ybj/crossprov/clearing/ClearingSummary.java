package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A clearing month as an officer may see it. The national centre sees every province and dispute
 * and the national figures; a provincial officer their own province's state and the disputes on
 * its pairs, the national figures null.
 *
 * @param settlements              reconciled settlements in the tables (national)
 * @param fundsTotal               their fund payment, 附件7's grand total (national)
 * @param unreconciledSettlements  settled settlements of the month not reconciled when generated: left out (national)
 */
public record ClearingSummary(YearMonth month, ClearingStatus status, String generatedBy, Instant generatedAt,
                              long generationMs, Long settlements, Money fundsTotal, Long unreconciledSettlements,
                              Money unreconciledFunds, Instant confirmedAt, List<ProvinceState> provinces,
                              List<DisputeState> disputes) {

    public record ProvinceState(String province, String name, ProvinceStatus status, String confirmedBy,
                                Instant confirmedAt) {
    }

    /** {@code province} disputes its pair with {@code pairProvince}. */
    public record DisputeState(String province, String pairProvince, String reason, String raisedBy, Instant raisedAt) {
    }
}
