package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.AuditAction;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.AuditEntry;
import cn.gov.ybj.crossprov.shared.RegionCode;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/** One audited save of a policy version ({@code app.settlement_policy_audit}); written once, never changed. */
@Entity
@Table(name = "settlement_policy_audit")
class PolicyAuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String changedBy;
    private Instant changedAt;
    private String insuredArea;
    @Enumerated(EnumType.STRING)
    private InsuranceType insuranceType;
    @Enumerated(EnumType.STRING)
    private PersonType personType;
    private LocalDate effectiveFrom;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    @JdbcTypeCode(SqlTypes.JSON)
    private String oldPolicy;
    @JdbcTypeCode(SqlTypes.JSON)
    private String newPolicy;

    protected PolicyAuditRecord() {
        // for JPA
    }

    PolicyAuditRecord(String changedBy, Instant changedAt, PolicyKey key, LocalDate effectiveFrom, AuditAction action,
                      String oldPolicy, String newPolicy) {
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.insuredArea = key.insuredArea().toString();
        this.insuranceType = key.insuranceType();
        this.personType = key.personType();
        this.effectiveFrom = effectiveFrom;
        this.action = action;
        this.oldPolicy = oldPolicy;
        this.newPolicy = newPolicy;
    }

    AuditEntry entry() {
        return new AuditEntry(changedAt, changedBy, new PolicyKey(RegionCode.of(insuredArea), insuranceType, personType),
                effectiveFrom, action, oldPolicy, newPolicy);
    }
}
