package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LogicalNetworkRepository extends JpaRepository<LogicalNetwork, VmmKey> {

    /** A logical network granted to the subscription, by its full key. */
    @Query("""
            select l from LogicalNetwork l where l.id = :id and l.stampId = :stampId
              and exists (select 1 from LogicalNetworkGrant g where g.key.subscriptionId = :subscriptionId
                          and g.key.logicalNetworkId = l.id and g.key.stampId = l.stampId)""")
    Optional<LogicalNetwork> findGranted(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

}
