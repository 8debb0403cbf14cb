package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A network adapter of a VM (owned by the VM's subscription) or of a VM template (no subscription: visible to the
 * subscriptions granted the template). Address lists are stored as values separated by ';'.
 */
@Entity
@Table(name = "virtual_network_adapters")
@IdClass(VmmKey.class)
public class VirtualNetworkAdapter {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_id")
    private UUID vmId;
    @Column(name = "template_id")
    private UUID templateId;
    private String name;
    private String description;
    @Column(name = "slot_id")
    private Integer slotId;
    @Column(name = "vm_network_id")
    private UUID vmNetworkId;
    @Column(name = "vm_network_name")
    private String vmNetworkName;
    @Column(name = "vm_subnet_id")
    private UUID vmSubnetId;
    @Column(name = "mac_address")
    private String macAddress;
    @Column(name = "mac_address_type")
    private String macAddressType;
    @Column(name = "ipv4_address_type")
    private String ipv4AddressType;
    @Column(name = "ipv6_address_type")
    private String ipv6AddressType;
    @Column(name = "ipv4_addresses")
    private String ipv4Addresses;
    @Column(name = "ipv6_addresses")
    private String ipv6Addresses;
    @Column(name = "vlan_enabled")
    private Boolean vlanEnabled;
    @Column(name = "vlan_id")
    private Integer vlanId;
    @Column(name = "mac_address_spoofing_enabled")
    private Boolean macAddressSpoofingEnabled;
    @Column(name = "is_synthetic")
    private Boolean isSynthetic;
    private Boolean enabled;
    private String accessibility;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VirtualNetworkAdapter() {
    }

    /**
     * The adapter a new VM gets for one entry of its NewVirtualNetworkAdapterInput: connected to the named network
     * (an all-null entry leaves it unconnected), addresses Dynamic unless the entry says Static, no address yet.
     *
     * @param slot the adapter's slot, 0 for the first
     */
    public static VirtualNetworkAdapter forNewVm(VirtualMachine vm, int slot, NewVmNetworkAdapterInput input,
            OffsetDateTime now) {
        NewVmNetworkAdapterInput given = input != null ? input
                : new NewVmNetworkAdapterInput(null, null, null, null, null, null, null, null, null);
        VirtualNetworkAdapter adapter = new VirtualNetworkAdapter();
        adapter.id = UUID.randomUUID();
        adapter.stampId = vm.getStampId();
        adapter.subscriptionId = vm.getSubscriptionId();
        adapter.vmId = vm.getId();
        adapter.name = slot == 0 ? "Network Adapter" : "Network Adapter " + (slot + 1);
        adapter.slotId = slot;
        adapter.vmNetworkId = given.vmNetworkId();
        adapter.vmNetworkName = given.vmNetworkName();
        adapter.macAddressType = addressType(given.macAddressType());
        adapter.macAddress = "Static".equals(adapter.macAddressType) ? given.macAddress() : null;
        adapter.ipv4AddressType = addressType(given.ipv4AddressType());
        adapter.ipv6AddressType = addressType(given.ipv6AddressType());
        adapter.vlanEnabled = Boolean.TRUE.equals(given.vlanEnabled());
        adapter.vlanId = given.vlanId() == null ? 0 : given.vlanId().intValue();
        adapter.macAddressSpoofingEnabled = false;
        adapter.isSynthetic = true;
        adapter.enabled = true;
        adapter.accessibility = "Public";
        adapter.addedTime = now;
        adapter.modifiedTime = now;
        return adapter;
    }

    /** Static or Dynamic as VMM spells them; anything else (null included) is Dynamic. */
    private static String addressType(String given) {
        return given != null && given.trim().toLowerCase(Locale.ROOT).equals("static") ? "Static" : "Dynamic";
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public UUID getVmId() {
        return vmId;
    }

    public UUID getTemplateId() {
        return templateId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Integer getSlotId() {
        return slotId;
    }

    public UUID getVmNetworkId() {
        return vmNetworkId;
    }

    public String getVmNetworkName() {
        return vmNetworkName;
    }

    public UUID getVmSubnetId() {
        return vmSubnetId;
    }

    public String getMacAddress() {
        return macAddress;
    }

    public String getMacAddressType() {
        return macAddressType;
    }

    public String getIpv4AddressType() {
        return ipv4AddressType;
    }

    public String getIpv6AddressType() {
        return ipv6AddressType;
    }

    public String getIpv4Addresses() {
        return ipv4Addresses;
    }

    public String getIpv6Addresses() {
        return ipv6Addresses;
    }

    public Boolean getVlanEnabled() {
        return vlanEnabled;
    }

    public Integer getVlanId() {
        return vlanId;
    }

    public Boolean getMacAddressSpoofingEnabled() {
        return macAddressSpoofingEnabled;
    }

    public Boolean getIsSynthetic() {
        return isSynthetic;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public String getAccessibility() {
        return accessibility;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
