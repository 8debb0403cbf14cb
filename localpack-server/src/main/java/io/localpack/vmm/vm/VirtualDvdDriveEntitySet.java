package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code VirtualDVDDrives} entity set, read-only: the DVD drives of the subscription's VMs. VMM's type is not
 * published; its members are a small set chosen from Get-SCVirtualDVDDrive.
 */
@Configuration(proxyBeanMethods = false)
public class VirtualDvdDriveEntitySet {

    private static final String PUBLIC = "Public";

    /** VMM.VirtualDVDDrive [INFER]: members chosen from Get-SCVirtualDVDDrive. */
    @Bean
    @Order(73)
    EntitySetDeclaration<VirtualDvdDrive> virtualDvdDrives(VirtualDvdDriveRepository drives) {
        return EntitySetDeclaration.builder("VirtualDVDDrives", "VirtualDVDDrive", VirtualDvdDrive.class)
                .property("Accessibility", STRING, d -> PUBLIC)
                .property("AddedTime", DATE_TIME, VirtualDvdDrive::getAddedTime).queryable("addedTime")
                .property("Bus", BYTE, VirtualDvdDrive::getBus).queryable("bus")
                .property("BusType", STRING, d -> "IDE")
                .property("Connection", STRING, VirtualDvdDrive::getConnection).queryable("connection")
                .property("Enabled", BOOLEAN, d -> true)
                .property("HostDrive", STRING, VirtualDvdDrive::getHostDrive).queryable("hostDrive")
                .key("ID", VirtualDvdDrive::getId).queryable("id")
                .property("ISOId", GUID, VirtualDvdDrive::getIsoId).queryable("isoId")
                .property("ISOLinked", BOOLEAN, d -> d.getIsoId() != null)
                .property("LUN", BYTE, VirtualDvdDrive::getLun).queryable("lun")
                .property("ModifiedTime", DATE_TIME, VirtualDvdDrive::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, VirtualDvdDrive::getName).queryable("name")
                .key("StampId", VirtualDvdDrive::getStampId).queryable("stampId")
                .property("VMId", GUID, VirtualDvdDrive::getVmId).queryable("vmId")
                .scope(TenantScope.ownedRows(), drives::findOwned)
                .build();
    }
}
