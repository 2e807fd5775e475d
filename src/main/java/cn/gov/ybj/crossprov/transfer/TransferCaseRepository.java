package cn.gov.ybj.crossprov.transfer;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The transfer cases; lists are newest first and bounded by the callers' pages. */
interface TransferCaseRepository extends JpaRepository<TransferCase, UUID> {

    Optional<TransferCase> findByProcessInstanceId(String processInstanceId);

    List<TransferCase> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

    List<TransferCase> findByPersonIdNumberInOrderBySubmittedAtDesc(Collection<String> idNumbers);

    List<TransferCase> findByOutAreaCodeOrderBySubmittedAtDesc(String area, Pageable page);

    List<TransferCase> findByInAreaCodeOrderBySubmittedAtDesc(String area, Pageable page);

    @Query("SELECT c FROM TransferCase c WHERE c.outAreaCode = :area OR c.inAreaCode = :area ORDER BY c.submittedAt DESC")
    List<TransferCase> findForArea(String area, Pageable page);

    boolean existsByPersonIdNumberAndStatusNotIn(String idNumber, Collection<TransferStatus> ended);
}
