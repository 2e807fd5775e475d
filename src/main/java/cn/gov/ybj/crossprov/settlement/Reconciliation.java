package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * 日对账 of one day (the settlements' discharge date): per 就医省 × 参保省, the counts and sums as the
 * hospitals' ledgers give them against those the insured area computed (the stored settlements), and
 * the settlements that differ, with their numbers.
 *
 * @param institutionCode  the one institution reconciled, or null for a province's or the nation's day
 * @param mismatchCount    all mismatches of the day in view; {@code mismatches} holds at most
 *                         {@value DailyReconciliation#MAX_MISMATCHES_LISTED} of them
 */
public record Reconciliation(LocalDate date, String institutionCode, List<Pair> pairs, Side hospital, Side platform,
                             long mismatchCount, List<Mismatch> mismatches) {

    public boolean matches() {
        return mismatchCount == 0;
    }

    public boolean truncated() {
        return mismatches.size() < mismatchCount;
    }

    /** One side's settlements not reversed: count and sums; and how many were reversed. */
    public record Side(long count, Money total, Money fundsTotal, Money personalCash, long reversed) {
        public static final Side NONE = new Side(0, Money.ZERO, Money.ZERO, Money.ZERO, 0);

        Side plus(Side o) {
            return new Side(count + o.count, total.plus(o.total), fundsTotal.plus(o.fundsTotal),
                    personalCash.plus(o.personalCash), reversed + o.reversed);
        }
    }

    /** A province pair: 就医省 (the hospitals', receives the money) and 参保省 (pays). */
    public record Pair(String medicalProvince, String insuredProvince, Side hospital, Side platform, long mismatches) {
        public boolean matches() {
            return mismatches == 0;
        }
    }

    /** A settlement that differs; a side that has no line is null. */
    public record Mismatch(String institutionCode, String settlementNo, String medicalProvince, String insuredProvince,
                           Kind kind, Line hospital, Line platform) {
    }

    public record Line(String status, Money total, Money fundsTotal, Money personalCash) {
    }

    public enum Kind {
        NOT_SUBMITTED("医院未报送当日对账单", "The hospital has not sent its ledger of the day"),
        MISSING_AT_HOSPITAL("医院对账单中无此笔结算", "Not in the hospital's ledger"),
        MISSING_AT_PLATFORM("参保地无此笔结算", "Unknown to the insured area"),
        STATUS("结算状态不符（结算／冲正）", "Status differs (settled / reversed)"),
        AMOUNT("金额不符", "Amounts differ");

        private final String label;
        private final String labelEn;

        Kind(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }
}
