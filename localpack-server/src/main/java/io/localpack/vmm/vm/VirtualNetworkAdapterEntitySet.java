package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.DECIMAL;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT16;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.library.VmTemplateGrant;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.List;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code VirtualNetworkAdapters} entity set, read-only here: the adapters of the subscription's VMs and of the VM
 * templates granted to it.
 */
@Configuration(proxyBeanMethods = false)
public class VirtualNetworkAdapterEntitySet {

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
