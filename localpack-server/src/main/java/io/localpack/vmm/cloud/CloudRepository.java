package io.localpack.vmm.cloud;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CloudRepository extends JpaRepository<Cloud, VmmKey> {

    /** A cloud of the subscription's plan, by its full key. */
    @Query("""
            select c from Cloud c where c.id = :id and c.stampId = :stampId
              and exists (select 1 from CloudGrant g where g.key.subscriptionId = :subscriptionId
                          and g.key.cloudId = c.id and g.key.stampId = c.stampId)""")
    Optional<Cloud> findGranted(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
