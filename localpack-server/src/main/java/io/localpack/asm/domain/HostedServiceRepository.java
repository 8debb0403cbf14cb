package io.localpack.asm.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The reads every ASM request makes are written as JPQL, not derived from the method names: Spring Data runs a derived
 * query as a criteria query, which Hibernate translates to SQL again on every call, where a JPQL string's translation
 * is cached (it was a tenth of a B5 request's CPU).
 */
interface HostedServiceRepository extends JpaRepository<HostedService, UUID> {

    @Query("select s from HostedService s where s.subscriptionId = :subscriptionId order by s.nameKey")
    List<HostedService> findBySubscriptionIdOrderByNameKey(UUID subscriptionId);

    @Query("select s from HostedService s where s.subscriptionId = :subscriptionId and s.nameKey = :nameKey")
    Optional<HostedService> findBySubscriptionIdAndNameKey(UUID subscriptionId, String nameKey);

    boolean existsByNameKey(String nameKey);
}
