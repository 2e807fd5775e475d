package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.PolicyVersion;
import cn.gov.ybj.crossprov.shared.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored policy version, the aggregate of {@code app.settlement_policy_version}: the key and
 * effective date as columns, the deductible and the funds as JSONB in the policy file's format.
 * {@link #policy()} reads it back through the model's validation.
 */
@Entity
@Table(name = "settlement_policy_version")
class PolicyVersionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String insuredArea;
    @Enumerated(EnumType.STRING)
    private InsuranceType insuranceType;
    @Enumerated(EnumType.STRING)
    private PersonType personType;
    private LocalDate effectiveFrom;
    @JdbcTypeCode(SqlTypes.JSON)
    private String deductible;
    @JdbcTypeCode(SqlTypes.JSON)
    private String funds;
    private String createdBy;
    private Instant createdAt;
    private String changedBy;
    private Instant changedAt;
    /** null until first saved: Spring Data then persists the new row instead of merging a copy */
    @Version
    @Column(nullable = false)
    private Long version;

    protected PolicyVersionRecord() {
        // for JPA
    }

    PolicyVersionRecord(PolicyVersion policy, String account, Instant now) {
        PolicyKey key = policy.key();
        this.insuredArea = key.insuredArea().toString();
        this.insuranceType = key.insuranceType();
        this.personType = key.personType();
        this.effectiveFrom = policy.effectiveFrom();
        this.createdBy = account;
        this.createdAt = now;
        content(policy, account, now);
    }

    /** New content for the same key and date. */
    void content(PolicyVersion policy, String account, Instant now) {
        if (!policy.key().equals(key()) || !policy.effectiveFrom().equals(effectiveFrom)) {
            throw new IllegalArgumentException(policy + " is not " + key() + " from " + effectiveFrom);
        }
        this.deductible = PolicyFile.write(PolicyFile.deductibleJson(policy.deductible()));
        this.funds = PolicyFile.write(PolicyFile.fundsJson(policy.funds()));
        this.changedBy = account;
        this.changedAt = now;
    }

    PolicyKey key() {
        return new PolicyKey(RegionCode.of(insuredArea), insuranceType, personType);
    }

    /** The stored policy, validated like the file; refused with the row's id and the position of the problem. */
    PolicyVersion policy() {
        ObjectNode p = PolicyFile.toKeyJson(key(), effectiveFrom);
        p.set("deductible", PolicyFile.parse(deductible));
        p.set("funds", PolicyFile.parse(funds));
        return PolicyFile.fromJson(p, "settlement_policy_version id " + id);
    }

    Long id() {
        return id;
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    long revision() {
        return version == null ? 0 : version;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    String changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }
}
