package cn.gov.ybj.crossprov.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A discharge settlement as the hospital uploads it (大类费用, 003 第二十七条). Raw values: the
 * service checks them and refuses bad input naming the field ({@link SettlementRefusal#BAD_INPUT}).
 *
 * @param settlementNo   the hospital's settlement number, unique per institution (idempotency key)
 * @param emergency      异地急诊抢救: settled without a filing (视同已备案), recorded as such
 * @param categories     the big fee categories, each with its in-scope and self-paid amount (yuan, ≤ 2 decimals, ≥ 0)
 * @param diagnosisCodes 出院诊断 codes (ICD-10 as the hospital writes them)
 */
public record SettlementUpload(String settlementNo, String personIdNumber, String institutionCode, LocalDate admissionDate,
                               LocalDate dischargeDate, Boolean emergency, List<Category> categories,
                               List<String> diagnosisCodes) {

    public record Category(String category, BigDecimal inScope, BigDecimal selfPaid) {
    }
}
