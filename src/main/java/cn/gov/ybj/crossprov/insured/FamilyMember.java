package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.IdNumber;

import java.time.Instant;
import java.util.UUID;

/**
 * A link from an insured person (the owner) to a family member the owner may file for (为他人备案)
 * once the link is {@link Status#ACTIVE}.
 *
 * @param ref       opaque handle for screens and the API, so lists need not carry full ID numbers
 * @param ownerName the owner's name, shown to the member who is asked to confirm
 * @param basis     why the link holds: the member's consent, the registry's 家庭共济 record, or a counter clerk; null while pending
 */
public record FamilyMember(UUID ref, String ownerIdNumber, String ownerName, String memberIdNumber, String memberName,
                           Relationship relationship, Instant createdAt, Status status, Basis basis) {

    public enum Status {
        PENDING("待对方确认", "awaiting the member's confirmation"),
        ACTIVE("已关联", "linked");

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

    public enum Basis { MEMBER_CONSENT, REGISTRY, COUNTER }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public String maskedMemberIdNumber() {
        return IdNumber.mask(memberIdNumber);
    }

    public String maskedOwnerIdNumber() {
        return IdNumber.mask(ownerIdNumber);
    }

    @Override
    public String toString() {
        return "FamilyMember[" + maskedOwnerIdNumber() + " -> " + maskedMemberIdNumber() + ", " + relationship + ", " + status + "]";
    }
}
