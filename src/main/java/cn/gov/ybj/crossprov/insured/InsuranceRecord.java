package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.IdNumber;

import java.time.LocalDate;

/**
 * 参保信息: the current insurance relation of one person.
 *
 * @param sex      {@code M} or {@code F}
 * @param employer 单位名称; {@code null} for residents and where unknown
 */
public record InsuranceRecord(String idNumber, String name, String sex, LocalDate birthDate, String poolingAreaCode,
                              InsuranceType insuranceType, PersonType personType, InsuranceStatus status, String employer) {

    /** For lists and logs: {@code 110*****0029}. */
    public String maskedIdNumber() {
        return IdNumber.mask(idNumber);
    }

    @Override
    public String toString() {
        return "InsuranceRecord[" + maskedIdNumber() + ", " + poolingAreaCode + ", " + insuranceType + ", " + status + "]";
    }
}
