package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.DECIMAL;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT16;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.library.VmTemplateGrant;
import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The sets of a VM's devices and checkpoints, each read-only here, each row owned by its VM's subscription (network
 * adapters of templates are visible through the template's grant). VMM's types for VirtualDVDDrive and
 * VirtualSCSIAdapter are not published; their members are a small set chosen from VMM's PowerShell objects
 * (Get-SCVirtualDVDDrive, Get-SCVirtualScsiAdapter).
 */
@Configuration(proxyBeanMethods = false)
public class VirtualMachineDeviceEntitySets {

    private static final String PUBLIC = "Public";

    /** VMM.VirtualNetworkAdapter (spec 2.2). Unmodelled members (pools, VMware, bandwidth) read null or []. */
    @Bean
    @Order(71)
    EntitySetDeclaration<VirtualNetworkAdapter> virtualNetworkAdapters(VirtualNetworkAdapterRepository adapters) {
        return EntitySetDeclaration.builder("VirtualNetworkAdapters", "VirtualNetworkAdapter",
                        VirtualNetworkAdapter.class)
                .property("Accessibility", STRING, VirtualNetworkAdapter::getAccessibility).queryable("accessibility")
                .property("AddedTime", DATE_TIME, VirtualNetworkAdapter::getAddedTime).queryable("addedTime")
                .primitiveCollection("ChildObjectIDs", GUID, a -> List.of())
                .property("Description", STRING, VirtualNetworkAdapter::getDescription).queryable("description")
                .property("EnableMACAddressSpoofing", BOOLEAN, VirtualNetworkAdapter::getMacAddressSpoofingEnabled)
                .property("Enabled", BOOLEAN, VirtualNetworkAdapter::getEnabled).queryable("enabled")
                .property("EthernetAddress", STRING, VirtualNetworkAdapter::getMacAddress)
                .property("EthernetAddressType", STRING, VirtualNetworkAdapter::getMacAddressType)
                .key("ID", VirtualNetworkAdapter::getId).queryable("id")
                .primitiveCollection("IPv4AddressPoolsId", GUID, a -> List.of())
                .primitiveCollection("IPv4Addresses", STRING, a -> SeparatedValues.of(a.getIpv4Addresses()))
                .property("IPv4AddressType", STRING, VirtualNetworkAdapter::getIpv4AddressType)
                .queryable("ipv4AddressType")
                .primitiveCollection("IPv6AddressPoolsId", GUID, a -> List.of())
                .primitiveCollection("IPv6Addresses", STRING, a -> SeparatedValues.of(a.getIpv6Addresses()))
                .property("IPv6AddressType", STRING, VirtualNetworkAdapter::getIpv6AddressType)
                .queryable("ipv6AddressType")
                .property("IsSynthetic", BOOLEAN, VirtualNetworkAdapter::getIsSynthetic).queryable("isSynthetic")
                .property("Location", STRING, a -> null)
                .property("MACAddress", STRING, VirtualNetworkAdapter::getMacAddress).queryable("macAddress")
                .property("MACAddressesSpoofingEnabled", BOOLEAN, VirtualNetworkAdapter::getMacAddressSpoofingEnabled)
                .property("MACAddressesSpoolingEnabled", BOOLEAN, VirtualNetworkAdapter::getMacAddressSpoofingEnabled)
                .property("MACAddressSpoofingEnabled", BOOLEAN, VirtualNetworkAdapter::getMacAddressSpoofingEnabled)
                .queryable("macAddressSpoofingEnabled")
                .property("MACAddressType", STRING, VirtualNetworkAdapter::getMacAddressType).queryable("macAddressType")
                .property("ModifiedTime", DATE_TIME, VirtualNetworkAdapter::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, VirtualNetworkAdapter::getName).queryable("name")
                .property("ParentId", GUID, a -> a.getVmId() != null ? a.getVmId() : a.getTemplateId())
                .property("PhysicalAddress", STRING, VirtualNetworkAdapter::getMacAddress)
                .property("PhysicalAddressType", STRING, VirtualNetworkAdapter::getMacAddressType)
                .property("RequiredBandwidth", DECIMAL, a -> null)
                .property("SlotId", INT32, VirtualNetworkAdapter::getSlotId).queryable("slotId")
                .key("StampId", VirtualNetworkAdapter::getStampId).queryable("stampId")
                .property("Tag", STRING, a -> null)
                .property("TemplateId", GUID, VirtualNetworkAdapter::getTemplateId).queryable("templateId")
                .property("VirtualNetworkAdapterType", STRING,
                        a -> Boolean.FALSE.equals(a.getIsSynthetic()) ? "Emulated" : "Synthetic")
                .property("VLanEnabled", BOOLEAN, VirtualNetworkAdapter::getVlanEnabled).queryable("vlanEnabled")
                .property("VLanId", INT16, a -> a.getVlanId() == null ? null : a.getVlanId().shortValue())
                .queryable("vlanId")
                .property("VMId", GUID, VirtualNetworkAdapter::getVmId).queryable("vmId")
                .property("VmwAdapterIndex", INT32, a -> null)
                .property("VMNetworkId", GUID, VirtualNetworkAdapter::getVmNetworkId).queryable("vmNetworkId")
                .property("VMNetworkName", STRING, VirtualNetworkAdapter::getVmNetworkName).queryable("vmNetworkName")
                .property("VMNetworkOptimizationEnabled", BOOLEAN, a -> false)
                .property("VMSubnetId", GUID, VirtualNetworkAdapter::getVmSubnetId).queryable("vmSubnetId")
                .property("VMwarePortGroup", STRING, a -> null)
                .scope(ownedOrOfGrantedTemplate(), adapters::findVisible)
                .build();
    }

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

    /**
     * VMM.VMCheckPoint (spec 2.7, complete). CheckpointID is Hyper-V's id of the checkpoint, which LocalPack does
     * not keep apart from its VMM id; the write-only members (VMCheckPointAction, Confirm, RunAsynchronously) read
     * null.
     */
    @Bean
    @Order(75)
    EntitySetDeclaration<VmCheckpoint> vmCheckpoints(VmCheckpointRepository checkpoints) {
        return EntitySetDeclaration.builder("VMCheckPoints", "VMCheckPoint", VmCheckpoint.class)
                .key("ID", VmCheckpoint::getId).queryable("id")
                .key("StampId", VmCheckpoint::getStampId).queryable("stampId")
                .property("VMId", GUID, VmCheckpoint::getVmId).queryable("vmId")
                .property("Name", STRING, VmCheckpoint::getName).queryable("name")
                .property("Description", STRING, VmCheckpoint::getDescription).queryable("description")
                .property("VMCheckPointAction", STRING, c -> null)
                .property("Confirm", BOOLEAN, c -> null)
                .property("Accessibility", STRING, c -> PUBLIC)
                .property("AddedTime", DATE_TIME, VmCheckpoint::getAddedTime).queryable("addedTime")
                .property("ModifiedTime", DATE_TIME, VmCheckpoint::getModifiedTime).queryable("modifiedTime")
                .property("CheckpointID", GUID, VmCheckpoint::getId)
                .property("ParentCheckpointID", GUID, VmCheckpoint::getParentCheckpointId)
                .queryable("parentCheckpointId")
                .property("Enabled", BOOLEAN, c -> true)
                .property("RunAsynchronously", BOOLEAN, c -> null)
                .scope(TenantScope.ownedRows(), checkpoints::findOwned)
                .build();
    }

    /** Adapters of the subscription's VMs, and adapters of the VM templates granted to it. */
    private static TenantScope.Visibility<VirtualNetworkAdapter> ownedOrOfGrantedTemplate() {
        TenantScope.Visibility<VirtualNetworkAdapter> owned = TenantScope.ownedRows();
        return (subscriptionId, root, query, cb) -> {
            Subquery<Integer> grant = query.subquery(Integer.class);
            Root<VmTemplateGrant> g = grant.from(VmTemplateGrant.class);
            grant.select(cb.literal(1)).where(
                    cb.equal(g.get("key").get("subscriptionId"), subscriptionId),
                    cb.equal(g.get("key").get("templateId"), root.get("templateId")),
                    cb.equal(g.get("key").get("stampId"), root.get("stampId")));
            return cb.or(owned.of(subscriptionId, root, query, cb), cb.exists(grant));
        };
    }
}
