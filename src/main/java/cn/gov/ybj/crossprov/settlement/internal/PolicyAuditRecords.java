package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** The audit trail of the policy versions. */
interface PolicyAuditRecords extends JpaRepository<PolicyAuditRecord, Long> {

    List<PolicyAuditRecord> findByInsuredAreaAndInsuranceTypeAndPersonTypeOrderByChangedAtDescIdDesc(
            String insuredArea, InsuranceType insuranceType, PersonType personType);
}
