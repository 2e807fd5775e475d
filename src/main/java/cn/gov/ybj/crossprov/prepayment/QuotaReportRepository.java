package cn.gov.ybj.crossprov.prepayment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface QuotaReportRepository extends JpaRepository<QuotaReport, UUID> {

    List<QuotaReport> findByYearOrderByPayingProvince(int year);

    Optional<QuotaReport> findByYearAndPayingProvince(int year, String payingProvince);
}
