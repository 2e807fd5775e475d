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
 * @param confirmDue               the provinces' deadline, the 25th of the next month (null before the case)
 * @param noticesPublishedAt       when the 付款/收款通知书 were published (第三十五条), or null
 */
public record ClearingSummary(YearMonth month, ClearingStatus status, String generatedBy, Instant generatedAt,
                              long generationMs, Long settlements, Money fundsTotal, Long unreconciledSettlements,
                              Money unreconciledFunds, Instant confirmDue, Instant confirmedAt, Instant noticesPublishedAt,
                              List<ProvinceState> provinces,
                              List<DisputeState> disputes) {

    /** @param escalatedAt when it was escalated to the centre for not confirming by the deadline, or null */
    public record ProvinceState(String province, String name, ProvinceStatus status, String confirmedBy,
                                Instant confirmedAt, Instant escalatedAt) {
    }

    /** {@code province} disputes its pair with {@code pairProvince}; open while {@code resolution} is null. */
    public record DisputeState(String province, String pairProvince, String reason, String raisedBy, Instant raisedAt,
                               DisputeResolution resolution, String resolutionNote, String resolvedBy, Instant resolvedAt) {
    }
}
