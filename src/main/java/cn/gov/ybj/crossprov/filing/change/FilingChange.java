package cn.gov.ybj.crossprov.filing.change;

import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.insured.InsuranceType;

import java.time.LocalDate;

/**
 * 信息变更: what a person asks to change on an opened online filing. A {@code null} (or blank)
 * value keeps the filing's current value. Destination, insurance type, filing type and employer
 * are only carried so that a change of them can be refused: those need a new filing (001 承诺书 4).
 *
 * @param institutionCode changeable only where the filing has or needs a designated institution
 * @param employer        the filing keeps no employer: any non-blank value is refused
 */
public record FilingChange(LocalDate startDate, LocalDate endDate, String contactName, String contactPhone,
                           String contactAddress, String institutionCode, String treatmentAreaCode,
                           InsuranceType insuranceType, FilingType filingType, String employer) {

    /** A change of the period and contact details only. */
    public static FilingChange of(LocalDate startDate, LocalDate endDate, String contactName, String contactPhone,
                                  String contactAddress) {
        return new FilingChange(startDate, endDate, contactName, contactPhone, contactAddress, null, null, null, null, null);
    }

    public FilingChange withInstitution(String code) {
        return new FilingChange(startDate, endDate, contactName, contactPhone, contactAddress, code, treatmentAreaCode,
                insuranceType, filingType, employer);
    }
}
