package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface TopUpRepository extends JpaRepository<TopUp, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT t FROM TopUp t WHERE t.id = :id")
    Optional<TopUp> lock(UUID id);

    boolean existsByPairIdAndStatusIn(UUID pairId, Collection<TopUp.Status> statuses);

    List<TopUp> findByPairIdInOrderByOpenedAtDesc(Collection<UUID> pairIds);

    long countByPairId(UUID pairId);

    List<TopUp> findByStatus(TopUp.Status status);
}
