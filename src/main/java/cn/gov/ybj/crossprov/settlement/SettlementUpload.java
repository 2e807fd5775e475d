package cn.gov.ybj.crossprov.settlement;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A discharge settlement as the hospital uploads it (大类费用, 003 第二十七条), with what the
 * 住院结算单 (附件6) prints besides the amounts. Raw values: the service checks them and refuses bad
 * input naming the field ({@link SettlementRefusal#BAD_INPUT}).
 *
 * @param settlementNo         the hospital's settlement number, unique per institution (idempotency key)
 * @param socialSecurityCardNo 社会保障卡卡号, optional (附件6: 可选); 1–40 letters and digits
 * @param inpatientNo          住院号, 1–40 of {@code [A-Za-z0-9_-]}
 * @param admissionWay         入院方式: an {@link AdmissionWay} name ({@code OUTPATIENT}, {@code EMERGENCY_ROOM},
 *                             {@code TRANSFER}, {@code OTHER}) or its label; a string so that a wrong value is
 *                             refused naming the field like every other check
 * @param dischargeDepartment  出院科室, 1–40 characters
 * @param emergency            异地急诊抢救: settled without a filing (视同已备案), recorded as such
 * @param categories           the big fee categories, each with its in-scope and self-paid amount (yuan, ≤ 2 decimals, ≥ 0)
 * @param diagnosisCodes       出院诊断 codes (ICD-10 as the hospital writes them): the first is the 主要诊断, the others 次要诊断
 * @param diagnosisNames       optional: the names of the diagnoses, as many as codes and in their order, each ≤ 60 characters
 */
public record SettlementUpload(String settlementNo, String personIdNumber, String socialSecurityCardNo,
                               String institutionCode, String inpatientNo,
                               @Schema(allowableValues = {"OUTPATIENT", "EMERGENCY_ROOM", "TRANSFER", "OTHER"},
                                       description = "入院方式：门诊 OUTPATIENT, 急诊 EMERGENCY_ROOM, 转院 TRANSFER, 其他 OTHER")
                               String admissionWay,
                               String dischargeDepartment, LocalDate admissionDate, LocalDate dischargeDate,
                               Boolean emergency, List<Category> categories, List<String> diagnosisCodes,
                               List<String> diagnosisNames) {

    public record Category(String category, BigDecimal inScope, BigDecimal selfPaid) {
    }
}
