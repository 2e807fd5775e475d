package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.LocalDate;

/**
 * A line of 结算信息查询: one settlement with its split. {@code personIdNumber} is masked.
 * {@code institutionCode} + {@code settlementNo} name it (the hospital's key, for ever).
 */
public record SettlementSummary(String institutionCode, String settlementNo, String personName, String personIdNumber,
                                String insuredAreaCode, String medicalAreaCode, LocalDate admissionDate,
                                LocalDate dischargeDate, Money total, Money fundsTotal, Money personalCash,
                                String status, boolean emergency) {
}
