package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.library.VmTemplateGrant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VirtualNetworkAdapterRepository extends JpaRepository<VirtualNetworkAdapter, VmmKey> {

    /** An adapter of the subscription's VMs, or of a VM template granted to it, by its full key. */
    @Query("""
            select a from VirtualNetworkAdapter a where a.id = :id and a.stampId = :stampId
              and (a.subscriptionId = :subscriptionId
                   or exists (select 1 from VmTemplateGrant g where g.key.subscriptionId = :subscriptionId
                              and g.key.templateId = a.templateId and g.key.stampId = a.stampId))""")
    Optional<VirtualNetworkAdapter> findVisible(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    /** The adapters of some machines, in slot order per machine. */
    @Query("select a from VirtualNetworkAdapter a where a.vmId in :vmIds order by a.vmId, a.slotId")
    java.util.List<VirtualNetworkAdapter> findByVmIds(@Param("vmIds") java.util.Collection<UUID> vmIds);
}
