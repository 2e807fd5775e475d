package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface SuspensionRepository extends JpaRepository<Suspension, UUID> {

    List<Suspension> findByStatusIn(Collection<Suspension.Status> statuses);

    List<Suspension> findAllByOrderByRequestedAtDesc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT s FROM Suspension s WHERE s.id = :id")
    Optional<Suspension> lock(UUID id);
}
