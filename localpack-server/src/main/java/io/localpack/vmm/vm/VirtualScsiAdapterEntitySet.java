package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code VirtualSCSIAdapters} entity set, read-only: the SCSI adapters of the subscription's VMs. VMM's type is
 * not published; its members are a small set chosen from Get-SCVirtualScsiAdapter.
 */
@Configuration(proxyBeanMethods = false)
public class VirtualScsiAdapterEntitySet {

    private static final String PUBLIC = "Public";

    /** VMM.VirtualSCSIAdapter [INFER]: members chosen from Get-SCVirtualScsiAdapter. */
    @Bean
    @Order(74)
    EntitySetDeclaration<VirtualScsiAdapter> virtualScsiAdapters(VirtualScsiAdapterRepository adapters) {
        return EntitySetDeclaration.builder("VirtualSCSIAdapters", "VirtualSCSIAdapter", VirtualScsiAdapter.class)
                .property("Accessibility", STRING, a -> PUBLIC)
                .property("AdapterID", INT32, VirtualScsiAdapter::getAdapterId).queryable("adapterId")
                .property("AddedTime", DATE_TIME, VirtualScsiAdapter::getAddedTime).queryable("addedTime")
                .property("Enabled", BOOLEAN, a -> true)
                .key("ID", VirtualScsiAdapter::getId).queryable("id")
                .property("IsSynthetic", BOOLEAN, VirtualScsiAdapter::getIsSynthetic).queryable("isSynthetic")
                .property("ModifiedTime", DATE_TIME, VirtualScsiAdapter::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, VirtualScsiAdapter::getName).queryable("name")
                .property("SCSIControllerType", STRING, VirtualScsiAdapter::getScsiControllerType)
                .queryable("scsiControllerType")
                .property("Shared", BOOLEAN, VirtualScsiAdapter::getShared).queryable("shared")
                .key("StampId", VirtualScsiAdapter::getStampId).queryable("stampId")
                .property("VMId", GUID, VirtualScsiAdapter::getVmId).queryable("vmId")
                .scope(TenantScope.ownedRows(), adapters::findOwned)
                .build();
    }
}
