package cn.gov.ybj.crossprov.filing.supplement;

import cn.gov.ybj.crossprov.filing.FilingMaterial;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 补充材料: materials a commitment-based long-term filing adds after it opened (004 §2.1.1.3,
 * §2.2.1.4). Each submission is reviewed by a clerk of the insured area; approval makes the
 * filing valid in both places (双向享受待遇), a return lets the person upload again.
 *
 * @param reason why the clerk returned it
 */
public record Supplement(UUID id, UUID filingId, Status status, String reason, Instant submittedAt,
                         Instant decidedAt, List<FilingMaterial> materials) {

    public Supplement {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    public enum Status {
        UNDER_REVIEW("审核中", "Under review"),
        APPROVED("审核通过", "Approved"),
        RETURNED("被退回", "Returned");

        private final String label;
        private final String labelEn;

        Status(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }
}
