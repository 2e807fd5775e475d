package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.IdNumber;

import java.time.Instant;
import java.util.UUID;

/**
 * A person the owner may file for (为他人备案).
 *
 * @param ref opaque handle for screens and the API, so lists need not carry full ID numbers
 */
public record FamilyMember(UUID ref, String ownerIdNumber, String memberIdNumber, String memberName,
                           Relationship relationship, Instant createdAt) {

    public String maskedMemberIdNumber() {
        return IdNumber.mask(memberIdNumber);
    }

    @Override
    public String toString() {
        return "FamilyMember[" + IdNumber.mask(ownerIdNumber) + " -> " + maskedMemberIdNumber() + ", " + relationship + "]";
    }
}
