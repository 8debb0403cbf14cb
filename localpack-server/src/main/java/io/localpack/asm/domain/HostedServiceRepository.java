package io.localpack.asm.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostedServiceRepository extends JpaRepository<HostedService, UUID> {

    List<HostedService> findBySubscriptionIdOrderByNameKey(UUID subscriptionId);

    Optional<HostedService> findBySubscriptionIdAndNameKey(UUID subscriptionId, String nameKey);

    boolean existsByNameKey(String nameKey);
}
