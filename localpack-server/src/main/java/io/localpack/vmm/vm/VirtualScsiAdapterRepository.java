package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VirtualScsiAdapterRepository extends JpaRepository<VirtualScsiAdapter, VmmKey> {

    /** A row of the subscription's VMs, by its full key: another tenant's is as absent as a missing one. */
    @Query("select d from VirtualScsiAdapter d where d.subscriptionId = :subscriptionId and d.id = :id and d.stampId = :stampId")
    Optional<VirtualScsiAdapter> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
