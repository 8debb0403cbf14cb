package io.localpack.vmm.quota;

import io.localpack.vmm.common.VmmKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuotaAndUsageComponentRepository extends JpaRepository<QuotaAndUsageComponent, VmmKey> {

    @Query("select q from QuotaAndUsageComponent q where q.subscriptionId = :subscriptionId and q.id = :id"
            + " and q.stampId = :stampId")
    Optional<QuotaAndUsageComponent> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    /** The subscription's quota dimensions in one cloud, with their usage now. */
    @Query("select q from QuotaAndUsageComponent q where q.subscriptionId = :subscriptionId"
            + " and q.cloudId = :cloudId and q.stampId = :stampId")
    List<QuotaAndUsageComponent> findByCloud(@Param("subscriptionId") UUID subscriptionId,
            @Param("cloudId") UUID cloudId, @Param("stampId") UUID stampId);
}
