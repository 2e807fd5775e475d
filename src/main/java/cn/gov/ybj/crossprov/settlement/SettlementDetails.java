package cn.gov.ybj.crossprov.settlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * 医疗费用明细 of a settlement, uploaded after it within 5 days of the discharge (003 第三十条), in
 * batches: a batch number already stored is not stored again (a retry), so a batch is idempotent.
 */
public record SettlementDetails(String batchNo, List<Line> lines) {

    /** One item: code and name in the medical area's catalogue, category, quantity (≤ 4 decimals), unit price (≤ 4), amount (≤ 2). */
    public record Line(String itemCode, String itemName, String category, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount) {
    }

    /** What the API answers: the lines of this batch and of all batches so far. */
    public record Receipt(String settlementNo, String batchNo, int batchLines, int totalLines, boolean alreadyStored) {
    }
}
