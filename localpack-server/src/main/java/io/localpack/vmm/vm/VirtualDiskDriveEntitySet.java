package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The {@code VirtualDiskDrives} entity set, read-only here: the disk drives of the subscription's VMs. */
@Configuration(proxyBeanMethods = false)
public class VirtualDiskDriveEntitySet {

    private static final String PUBLIC = "Public";

    /** VMM.VirtualDiskDrive (spec 2.3, complete). File, path and size are the attached disk's: read them there. */
    @Bean
    @Order(72)
    EntitySetDeclaration<VirtualDiskDrive> virtualDiskDrives(VirtualDiskDriveRepository drives) {
        return EntitySetDeclaration.builder("VirtualDiskDrives", "VirtualDiskDrive", VirtualDiskDrive.class)
                .key("ID", VirtualDiskDrive::getId).queryable("id")
                .key("StampId", VirtualDiskDrive::getStampId).queryable("stampId")
                .property("Bus", BYTE, VirtualDiskDrive::getBus).queryable("bus")
                .property("BusType", STRING, VirtualDiskDrive::getBusType).queryable("busType")
                .property("IsVHD", BOOLEAN, d -> true)
                .property("LUN", BYTE, VirtualDiskDrive::getLun).queryable("lun")
                .property("Name", STRING, VirtualDiskDrive::getName).queryable("name")
                .property("VMId", GUID, VirtualDiskDrive::getVmId).queryable("vmId")
                .property("TemplateId", GUID, d -> null)
                .property("ISOId", GUID, d -> null)
                .property("HostDrive", STRING, d -> null)
                .property("ISOLinked", BOOLEAN, d -> false)
                .property("Accessibility", STRING, d -> PUBLIC)
                .property("Description", STRING, d -> null)
                .property("AddedTime", DATE_TIME, VirtualDiskDrive::getAddedTime).queryable("addedTime")
                .property("ModifiedTime", DATE_TIME, VirtualDiskDrive::getModifiedTime).queryable("modifiedTime")
                .property("Enabled", BOOLEAN, d -> true)
                .property("VirtualHardDiskId", GUID, VirtualDiskDrive::getVirtualHardDiskId)
                .queryable("virtualHardDiskId")
                .property("VolumeType", STRING, VirtualDiskDrive::getVolumeType).queryable("volumeType")
                .property("IDE", BOOLEAN, d -> "IDE".equals(d.getBusType()))
                .property("SCSI", BOOLEAN, d -> "SCSI".equals(d.getBusType()))
                .property("FileName", STRING, d -> null)
                .property("Path", STRING, d -> null)
                .property("Size", INT64, d -> null)
                .navigation("VirtualHardDisk", "VirtualHardDisks",
                        d -> d.getVirtualHardDiskId() == null ? null
                                : new VmmKey(d.getVirtualHardDiskId(), d.getStampId()))
                .scope(TenantScope.ownedRows(), drives::findOwned)
                .build();
    }
}
