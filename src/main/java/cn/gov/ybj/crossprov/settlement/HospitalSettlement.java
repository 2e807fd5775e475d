package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored hospital settlement as the API returns it — always read back from the table, so the
 * first answer and every retry are equal. The split as the insured area computed it: the funds by
 * name in the policy's order (附件6: 按照参保地返回的基金款项名称), the deductible, the personal cash
 * and the policy version used.
 *
 * @param personIdNumber masked ({@code 350***********1238})
 * @param reversal       the 冲正, or null while {@code SETTLED}
 */
public record HospitalSettlement(String settlementNo, String institutionCode, String status, boolean emergency,
                                 String personName, String personIdNumber, String insuredAreaCode,
                                 String medicalAreaCode, HospitalGrade hospitalGrade, LocalDate admissionDate,
                                 LocalDate dischargeDate, Money total, Money inScope, Money selfPaid, Money deductible,
                                 List<Fund> funds, Money fundsTotal, Money personalCash, Policy policy,
                                 List<String> diagnosisCodes, Instant settledAt, Reversal reversal) {

    public static final String SETTLED = "SETTLED";
    public static final String REVERSED = "REVERSED";

    public record Fund(String code, String name, Money amount) {
    }

    /** The policy version used: key and effective date. */
    public record Policy(String insuredArea, String insuranceType, String personType, LocalDate effectiveFrom) {
    }

    public record Reversal(String reason, String reversedBy, Instant reversedAt) {
    }
}
