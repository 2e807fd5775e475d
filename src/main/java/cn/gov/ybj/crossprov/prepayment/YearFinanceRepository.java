package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface YearFinanceRepository extends JpaRepository<YearFinance, UUID> {

    List<YearFinance> findByYearOrderByProvince(int year);

    Optional<YearFinance> findByYearAndProvince(int year, String province);

    List<YearFinance> findByPaysTrue();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT f FROM YearFinance f WHERE f.year = :year AND f.province = :province")
    Optional<YearFinance> lock(int year, String province);
}
