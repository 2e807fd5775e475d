package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface PrepaymentPairRepository extends JpaRepository<PrepaymentPair, UUID> {

    List<PrepaymentPair> findByYearOrderByPayingProvinceAscReceivingProvinceAsc(int year);

    List<PrepaymentPair> findByPayingProvinceAndReceivingProvince(String payingProvince, String receivingProvince);

    Optional<PrepaymentPair> findByYearAndPayingProvinceAndReceivingProvince(int year, String payingProvince, String receivingProvince);

    /** a top-up arriving and a month measured do not overwrite each other */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM PrepaymentPair p WHERE p.id = :id")
    Optional<PrepaymentPair> lock(UUID id);
}
