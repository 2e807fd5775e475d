package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A stored hospital settlement as the API returns it — always read back from the table, so the
 * first answer and every retry are equal. The split as the insured area computed it: the funds by
 * name in the policy's order (附件6: 按照参保地返回的基金款项名称), the deductible, the personal cash
 * and the policy version used; and everything the 住院结算单 prints ({@link SettlementSlips}).
 * <p>
 * Names (areas, provinces, hospital, its grade as printed) are those of the day of the upload,
 * stored with the row: the slip shows what was settled, even after a renamed hospital or a
 * re-imported institution list. Settlements uploaded before V19 have none of the slip fields
 * ({@code null}; the slip prints 「—」).
 *
 * @param personIdNumber       masked ({@code 350*****1238}); the slip prints the full number
 * @param sex                  from the ID number (17th character)
 * @param age                  full years on the admission date, from the ID number's birth date
 * @param socialSecurityCardNo 社会保障卡卡号, masked like the ID number, or null when not uploaded
 * @param insuredAreaName      参保地, full name ({@code 福建省厦门市})
 * @param insuranceType        险种 as printed ({@code 城镇职工基本医疗保险})
 * @param medicalAreaName      就医地: the institution's division, full name ({@code 北京市朝阳区})
 * @param hospitalGradeName    医院等级 as the institution list writes it ({@code 三级甲等}); {@link #hospitalGrade}
 *                             is what the policy used
 * @param days                 共 n 天, see {@link #inpatientDays}
 * @param diagnoses            主要诊断 first, then the 次要诊断, each code with its name (null when not uploaded)
 * @param reversal             the 冲正, or null while {@code SETTLED}
 */
public record HospitalSettlement(String settlementNo, String institutionCode, String status, boolean emergency,
                                 String personName, String personIdNumber, IdNumber.Sex sex, int age,
                                 String socialSecurityCardNo, String insuredAreaCode, String insuredAreaName,
                                 String insuredProvinceName, String insuranceType, String medicalAreaCode,
                                 String medicalAreaName, String medicalProvinceName, String hospitalName,
                                 String hospitalGradeName, HospitalGrade hospitalGrade, String inpatientNo,
                                 AdmissionWay admissionWay, String dischargeDepartment, LocalDate admissionDate,
                                 LocalDate dischargeDate, int days, Money total, Money inScope, Money selfPaid,
                                 Money deductible, List<Fund> funds, Money fundsTotal, Money personalCash, Policy policy,
                                 List<String> diagnosisCodes, List<Diagnosis> diagnoses, Instant settledAt,
                                 Reversal reversal) {

    public static final String SETTLED = "SETTLED";
    public static final String REVERSED = "REVERSED";

    public record Fund(String code, String name, Money amount) {
    }

    /** One 出院诊断: the ICD-10 code as uploaded (upper case) and its name, or null when the hospital sent none. */
    public record Diagnosis(String code, String name) {
    }

    /** The policy version used: key and effective date. */
    public record Policy(String insuredArea, String insuranceType, String personType, LocalDate effectiveFrom) {
    }

    public record Reversal(String reason, String reversedBy, Instant reversedAt) {
    }

    public boolean reversed() {
        return REVERSED.equals(status);
    }

    /**
     * 住院天数 (共 n 天) as medical-insurance settlements count it: discharge date − admission date
     * (the day of admission counts, the day of discharge does not), and at least 1, so an admission
     * discharged the same day is one day.
     */
    public static int inpatientDays(LocalDate admission, LocalDate discharge) {
        return (int) Math.max(1, ChronoUnit.DAYS.between(admission, discharge));
    }
}
