package io.localpack.vmm.library;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VirtualHardDiskRepository extends JpaRepository<VirtualHardDisk, VmmKey> {

    /** A disk of the subscription's VMs, or a library disk granted to it, by its full key. */
    @Query("""
            select d from VirtualHardDisk d where d.id = :id and d.stampId = :stampId
              and (d.subscriptionId = :subscriptionId
                   or exists (select 1 from VirtualHardDiskGrant g where g.key.subscriptionId = :subscriptionId
                              and g.key.diskId = d.id and g.key.stampId = d.stampId))""")
    Optional<VirtualHardDisk> findVisible(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
