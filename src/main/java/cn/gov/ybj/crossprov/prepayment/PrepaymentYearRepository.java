package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface PrepaymentYearRepository extends JpaRepository<PrepaymentYear, Integer> {

    /** the year's provinces' transfers and arrivals are decided one at a time */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT y FROM PrepaymentYear y WHERE y.year = :year")
    Optional<PrepaymentYear> lock(int year);
}
