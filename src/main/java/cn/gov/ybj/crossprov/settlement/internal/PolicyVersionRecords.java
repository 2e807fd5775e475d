package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The stored policy versions. */
interface PolicyVersionRecords extends JpaRepository<PolicyVersionRecord, Long> {

    Optional<PolicyVersionRecord> findByInsuredAreaAndInsuranceTypeAndPersonTypeAndEffectiveFrom(
            String insuredArea, InsuranceType insuranceType, PersonType personType, LocalDate effectiveFrom);

    List<PolicyVersionRecord> findByInsuredAreaAndInsuranceTypeAndPersonTypeOrderByEffectiveFrom(
            String insuredArea, InsuranceType insuranceType, PersonType personType);

    /**
     * Grows with every save (an insert adds a row, a change raises the row's version; rows are
     * never deleted): the cache's cheap check whether another node saved.
     */
    @Query("SELECT count(r) + coalesce(sum(r.version), 0) FROM PolicyVersionRecord r")
    long fingerprint();
}
