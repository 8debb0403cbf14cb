package io.localpack.vmm.library;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HardwareProfileRepository extends JpaRepository<HardwareProfile, VmmKey> {

    /** A hardware profile granted to the subscription, by its full key. */
    @Query("""
            select p from HardwareProfile p where p.id = :id and p.stampId = :stampId
              and exists (select 1 from HardwareProfileGrant g where g.key.subscriptionId = :subscriptionId
                          and g.key.profileId = p.id and g.key.stampId = p.stampId)""")
    Optional<HardwareProfile> findGranted(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
