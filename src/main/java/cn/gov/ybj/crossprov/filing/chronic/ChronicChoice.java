package cn.gov.ybj.crossprov.filing.chronic;

import java.time.Instant;
import java.util.UUID;

/**
 * 门诊慢特病医疗机构选择 (004 §3): one designated institution of the filing's destination chosen
 * for one disease the person is qualified for, reviewed by the insured area's clerks.
 *
 * @param serial 医药机构变更流水号
 * @param reason why the review refused it
 */
public record ChronicChoice(UUID id, String serial, UUID filingId, String personIdNumber, String personName,
                            String diseaseCode, String diseaseName, String institutionCode, String institutionName,
                            Status status, String reason, Instant submittedAt, Instant decidedAt) {

    public enum Status {
        UNDER_REVIEW("审核中"), APPROVED("审核通过"), REFUSED("审核未通过");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Under review or approved: the institution counts as chosen for the disease. */
        public boolean live() {
            return this != REFUSED;
        }
    }
}
