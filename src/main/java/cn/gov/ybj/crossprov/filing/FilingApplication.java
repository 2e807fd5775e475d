package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.RegionCode;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person (or a clerk at the counter) submits. {@code treatmentAreaCode} is a city, or the
 * province itself for province-level-only destinations.
 *
 * @param personIdNumber  whom the filing is for: the applicant or a linked family member
 * @param noticeAccepted  告知书 read and accepted
 * @param commitmentAccepted 承诺书 accepted (its text version is stored with the filing)
 * @param commitmentInsteadOfMaterials 个人承诺 instead of materials (long-term types only)
 */
public record FilingApplication(String personIdNumber, String insuredAreaCode, String treatmentAreaCode,
                                InsuranceType insuranceType, FilingType filingType, LocalDate startDate,
                                LocalDate endDate, String contactName, String contactPhone, String contactAddress,
                                String institutionCode, boolean referral, boolean emergency,
                                boolean commitmentInsteadOfMaterials, boolean noticeAccepted,
                                boolean commitmentAccepted, List<Material> materials) {

    public FilingApplication {
        // one stored form, whatever was typed (lower-case x, spaces, full-width digits)
        personIdNumber = IdNumber.canonical(personIdNumber);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /**
     * 004 lists province-level destinations (「天津市」): any code inside a province that pools at province level
     * (北京, 天津, 上海, 重庆, 海南, 西藏, 兵团) is filed as the province itself; other codes stay as they are.
     */
    public FilingApplication atProvinceLevel() {
        if (treatmentAreaCode == null || !RegionCode.isValid(treatmentAreaCode.strip())) {
            return this;
        }
        RegionCode code = RegionCode.of(treatmentAreaCode.strip());
        if (!code.provinceLevelOnly() || code.level() == RegionCode.Level.PROVINCE) {
            return this;
        }
        return new FilingApplication(personIdNumber, insuredAreaCode, code.province().code(), insuranceType, filingType, startDate,
                endDate, contactName, contactPhone, contactAddress, institutionCode, referral, emergency, commitmentInsteadOfMaterials,
                noticeAccepted, commitmentAccepted, materials);
    }

    /** An uploaded file as it arrives; checked by content before anything is stored. */
    public record Material(String kind, String fileName, byte[] content) {
    }
}
