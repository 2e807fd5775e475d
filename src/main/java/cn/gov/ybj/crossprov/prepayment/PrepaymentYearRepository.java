package cn.gov.ybj.crossprov.prepayment;

import org.springframework.data.jpa.repository.JpaRepository;

interface PrepaymentYearRepository extends JpaRepository<PrepaymentYear, Integer> {
}
