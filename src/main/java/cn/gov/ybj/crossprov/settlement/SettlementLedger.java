package cn.gov.ybj.crossprov.settlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * A hospital's ledger of one day (日对账单, 003 第二十九条): every settlement it booked with a discharge
 * on that day, as it booked it. Amounts in yuan, at most two decimals.
 *
 * @param lines at most {@value DailyReconciliation#MAX_LEDGER_LINES}; none is a day without settlements
 */
public record SettlementLedger(List<Line> lines) {

    /**
     * @param insuredAreaCode 参保地 as the settlement's answer gave it (places a line the application
     *                        does not know in its province pair)
     * @param status          {@code SETTLED} or {@code REVERSED} (冲正)
     */
    public record Line(String settlementNo, String insuredAreaCode, String status, BigDecimal total,
                       BigDecimal fundsTotal, BigDecimal personalCash) {
    }
}
