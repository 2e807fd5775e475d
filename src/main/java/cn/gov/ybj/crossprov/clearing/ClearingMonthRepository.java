package cn.gov.ybj.crossprov.clearing;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The clearing months, by their month (the 1st). */
interface ClearingMonthRepository extends JpaRepository<ClearingMonth, UUID> {

    Optional<ClearingMonth> findByMonth(LocalDate month);

    boolean existsByMonth(LocalDate month);

    java.util.List<ClearingMonth> findByStatus(ClearingStatus status);

    /** For a confirmation or a dispute: the provinces answer one after the other, none overwrites another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT m FROM ClearingMonth m WHERE m.month = :month")
    Optional<ClearingMonth> lockByMonth(LocalDate month);
}
