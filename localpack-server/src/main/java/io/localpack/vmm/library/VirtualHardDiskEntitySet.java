package io.localpack.vmm.library;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import io.localpack.vmm.vm.GuestOperatingSystem;
import io.localpack.vmm.vm.VirtualMachineEntitySet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The read-only {@code VirtualHardDisks} entity set: the disks of the subscription's VMs and the library disks granted
 * to it.
 */
@Configuration(proxyBeanMethods = false)
public class VirtualHardDiskEntitySet {

    /** VMM.VirtualHardDisk (spec 2.4, DAS's member list): a VM's disks and the library's granted ones. */
    @Bean
    @Order(78)
    EntitySetDeclaration<VirtualHardDisk> virtualHardDisks(VirtualHardDiskRepository disks) {
        TenantScope.Visibility<VirtualHardDisk> owned = TenantScope.ownedRows();
        TenantScope.Visibility<VirtualHardDisk> granted =
                TenantScope.grantedRows(VirtualHardDiskGrant.class, "diskId");
        return EntitySetDeclaration.builder("VirtualHardDisks", "VirtualHardDisk", VirtualHardDisk.class)
                .property("Accessibility", STRING, VirtualHardDisk::getAccessibility).queryable("accessibility")
                .property("AddedTime", DATE_TIME, VirtualHardDisk::getAddedTime).queryable("addedTime")
                .property("CloudId", GUID, VirtualHardDisk::getCloudId).queryable("cloudId")
                .property("Description", STRING, VirtualHardDisk::getDescription).queryable("description")
                .property("Directory", STRING, VirtualHardDisk::getDirectory).queryable("directory")
                .property("Enabled", BOOLEAN, VirtualHardDisk::getEnabled).queryable("enabled")
                .property("FamilyName", STRING, VirtualHardDisk::getFamilyName).queryable("familyName")
                .property("HostVolumeId", GUID, d -> null)
                .key("ID", VirtualHardDisk::getId).queryable("id")
                .property("IsOrphaned", BOOLEAN, d -> false)
                .property("IsResourceGroup", BOOLEAN, d -> false)
                .property("JobGroupId", GUID, d -> null)
                .property("LibraryGroup", STRING, d -> null)
                .property("LibraryShareId", GUID, VirtualHardDisk::getLibraryShareId).queryable("libraryShareId")
                .property("Location", STRING, VirtualHardDisk::getSharePath)
                .property("MaximumSize", INT64, VirtualHardDisk::getMaximumSize).queryable("maximumSize")
                .property("ModifiedTime", DATE_TIME, VirtualHardDisk::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, VirtualHardDisk::getName).queryable("name")
                .property("Namespace", STRING, d -> null)
                .property("OperatingSystem", STRING, VirtualHardDisk::getOperatingSystem).queryable("operatingSystem")
                .property("OperatingSystemId", GUID, d -> null)
                .complex("OperatingSystemInstance", VirtualMachineEntitySet.OPERATING_SYSTEM,
                        d -> GuestOperatingSystem.named(d.getOperatingSystem()))
                .complex("Owner", CommonTypes.USER_AND_ROLE, d -> null)
                .property("OwnerSid", STRING, d -> null)
                .property("ParentDiskId", GUID, VirtualHardDisk::getParentDiskId).queryable("parentDiskId")
                .property("Release", STRING, VirtualHardDisk::getRelease).queryable("release")
                .property("ReleaseTime", DATE_TIME, VirtualHardDisk::getReleaseTime).queryable("releaseTime")
                .property("SANCopyCapable", BOOLEAN, d -> false)
                .property("SharePath", STRING, VirtualHardDisk::getSharePath).queryable("sharePath")
                .property("Size", INT64, VirtualHardDisk::getSize).queryable("size")
                .key("StampId", VirtualHardDisk::getStampId).queryable("stampId")
                .property("State", STRING, VirtualHardDisk::getState).queryable("state")
                .primitiveCollection("Tag", STRING, d -> SeparatedValues.of(d.getTags()))
                .property("TemplateId", GUID, d -> null)
                .property("Type", STRING, VirtualHardDisk::getVhdFormat)
                .property("VHDType", STRING, VirtualHardDisk::getVhdType).queryable("vhdType")
                .property("VirtualizationPlatform", STRING, d -> "HyperV")
                .property("VMId", GUID, VirtualHardDisk::getVmId).queryable("vmId")
                .scope((subscriptionId, root, query, cb) -> cb.or(owned.of(subscriptionId, root, query, cb),
                        granted.of(subscriptionId, root, query, cb)), disks::findVisible)
                .build();
    }
}
