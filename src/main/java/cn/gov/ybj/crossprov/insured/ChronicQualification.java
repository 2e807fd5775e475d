package cn.gov.ybj.crossprov.insured;

import java.time.LocalDate;

/**
 * 门诊慢特病资格: the insured area has approved the person for a chronic or special outpatient
 * disease (病种, national code such as {@code M03900} 高血压).
 *
 * @param validUntil last day of validity; {@code null} while it has no end
 */
public record ChronicQualification(String personIdNumber, String diseaseCode, String diseaseName,
                                   String insuredAreaCode, LocalDate approvedOn, LocalDate validUntil) {

    public boolean validOn(LocalDate day) {
        return !approvedOn.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }
}
