package io.localpack.vmm.vm;

import io.localpack.tenancy.SubscriptionRepository;
import io.localpack.vmm.cloud.CloudRepository;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.library.HardwareProfile;
import io.localpack.vmm.library.HardwareProfileRepository;
import io.localpack.vmm.library.VirtualHardDisk;
import io.localpack.vmm.library.VirtualHardDiskRepository;
import io.localpack.vmm.library.VmTemplate;
import io.localpack.vmm.library.VmTemplateRepository;
import io.localpack.vmm.network.NetworkAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a new machine is made from, checked the way SPF checks it: the cloud, template, hardware profile and library
 * disk must each be granted to the subscription and on the request's stamp; anything else is a 400 naming the member.
 */
@Component
class VirtualMachineSources {

    /** Where the files of new machines go on their host, as in the bundled fixtures. */
    static final String HOST_FOLDER = "C:\\ClusterStorage\\Volume1\\";

    private final CloudRepository clouds;
    private final VmTemplateRepository templates;
    private final HardwareProfileRepository profiles;
    private final VirtualHardDiskRepository disks;
    private final SubscriptionRepository subscriptions;
    private final NewVirtualMachineDevices devices;
    private final NetworkAddresses networks;

    VirtualMachineSources(CloudRepository clouds, VmTemplateRepository templates, HardwareProfileRepository profiles,
            VirtualHardDiskRepository disks, SubscriptionRepository subscriptions, NewVirtualMachineDevices devices,
            NetworkAddresses networks) {
        this.clouds = clouds;
        this.templates = templates;
        this.profiles = profiles;
        this.disks = disks;
        this.subscriptions = subscriptions;
        this.devices = devices;
        this.networks = networks;
    }

    /** The machine to create, the library disk its OS disk copies, and its adapters. */
    record Resolved(VirtualMachine.Blueprint blueprint, VirtualHardDisk disk,
            List<NewVmNetworkAdapterInput> adapters) {
    }

    Resolved resolve(UUID subscriptionId, NewVirtualMachine request) {
        UUID stampId = request.stampId();
        clouds.findGranted(subscriptionId, request.cloudId(), stampId).orElseThrow(() -> VmmRequestException.invalid(
                "CloudId " + request.cloudId() + " does not name a cloud of this subscription on stamp " + stampId));
        boolean fromTemplate = request.vmTemplateId() != null;
        if (fromTemplate && (request.virtualHardDiskId() != null || request.hardwareProfileId() != null)) {
            throw VmmRequestException.invalid("Give VMTemplateId, or VirtualHardDiskId with HardwareProfileId, not"
                    + " both");
        }
        if (!fromTemplate && request.virtualHardDiskId() == null) {
            throw VmmRequestException.invalid("VMTemplateId or VirtualHardDiskId is required");
        }
        VmTemplate template = fromTemplate ? templates.findGranted(subscriptionId, request.vmTemplateId(), stampId)
                .orElseThrow(() -> notGranted("VMTemplateId", request.vmTemplateId(), "VM template", stampId)) : null;
        HardwareProfile profile = request.hardwareProfileId() == null ? null
                : profile(subscriptionId, stampId, request.hardwareProfileId());
        UUID diskId = fromTemplate ? template.getVirtualHardDiskId() : request.virtualHardDiskId();
        VirtualHardDisk disk = disks.findVisible(subscriptionId, diskId, stampId)
                .filter(d -> d.getVmId() == null) // a library disk, not another machine's
                .orElseThrow(() -> fromTemplate
                        ? VmmRequestException.invalid("VM template " + template.getName() + " has no disk available"
                                + " to this subscription on stamp " + stampId)
                        : notGranted("VirtualHardDiskId", diskId, "library disk", stampId));

        int cpuCount = firstOf(request.cpuCount(), fromTemplate ? template.getCpuCount()
                : profile != null ? profile.getCpuCount() : null, DEFAULT_CPU_COUNT);
        int memoryMb = firstOf(request.memoryMb(), fromTemplate ? template.getMemoryMb()
                : profile != null ? profile.getMemoryMb() : null, DEFAULT_MEMORY_MB);
        boolean dynamicMemory = Boolean.TRUE.equals(request.dynamicMemoryEnabled() != null
                ? request.dynamicMemoryEnabled() : fromTemplate && Boolean.TRUE.equals(template.getDynamicMemoryEnabled()));
        Integer dynamicMinimum = request.dynamicMemoryMinimumMb() != null ? request.dynamicMemoryMinimumMb()
                : fromTemplate ? template.getDynamicMemoryMinimumMb() : null;
        Integer dynamicMaximum = request.dynamicMemoryMaximumMb() != null ? request.dynamicMemoryMaximumMb()
                : fromTemplate ? template.getDynamicMemoryMaximumMb() : null;
        new VirtualMachineUpdate(request.name(), null, cpuCount, memoryMb, dynamicMemory, dynamicMinimum,
                dynamicMaximum, null).validate();
        if (dynamicMemory && ((dynamicMinimum != null && dynamicMinimum > memoryMb)
                || (dynamicMaximum != null && dynamicMaximum < memoryMb))) {
            throw VmmRequestException.invalid("Dynamic memory needs DynamicMemoryMinimumMB <= Memory <="
                    + " DynamicMemoryMaximumMB; they would be " + dynamicMinimum + ", " + memoryMb + " and "
                    + dynamicMaximum);
        }
        int generation = fromTemplate ? valueOr(template.getGeneration(), 1)
                : profile != null ? valueOr(profile.getGeneration(), 1) : 1;
        String computerName = request.computerName() != null && !request.computerName().isBlank()
                && !"*".equals(request.computerName()) ? request.computerName() : computerNameOf(request.name());
        VirtualMachine.Blueprint blueprint = new VirtualMachine.Blueprint(request.name(), computerName,
                request.description(), cpuCount, memoryMb, dynamicMemory, dynamicMinimum, dynamicMaximum,
                fromTemplate ? template.getDynamicMemoryBufferPercentage() : null, generation,
                fromTemplate ? template.getCpuType() : null,
                fromTemplate && template.getOperatingSystem() != null ? template.getOperatingSystem()
                        : disk.getOperatingSystem(),
                fromTemplate ? template.getId() : null,
                fromTemplate ? template.getHardwareProfileId() : request.hardwareProfileId(),
                disk.getId(), disk.getSize(), HOST_FOLDER + request.name());
        return new Resolved(blueprint, disk, adapters(subscriptionId, stampId, request, template));
    }

    /** An update naming another hardware profile: the profile's CPU count and memory, unless the request sets them. */
    VirtualMachineUpdate withProfile(UUID subscriptionId, UUID stampId, VirtualMachineUpdate update) {
        HardwareProfile profile = profile(subscriptionId, stampId, update.hardwareProfileId());
        return update.withProfileHardware(profile.getCpuCount(), profile.getMemoryMb());
    }

    /** The new machine's owner: the caller, in the subscription's tenant role. */
    UserAndRole owner(UUID subscriptionId, String principal) {
        String role = subscriptions.findById(subscriptionId).map(s -> s.tenantRoleName()).orElse(null);
        return new UserAndRole(principal, role, subscriptionId);
    }

    /**
     * The adapter inputs, with each named network's id (an all-null entry is an adapter not connected); without any,
     * one unconnected input per adapter of the template (at least one).
     */
    private List<NewVmNetworkAdapterInput> adapters(UUID subscriptionId, UUID stampId, NewVirtualMachine request,
            VmTemplate template) {
        List<NewVirtualMachine.NewAdapter> inputs = request.adapters();
        if (inputs.isEmpty()) {
            int count = template == null ? 1 : Math.max(1, devices.templateAdapterCount(template.getId(), stampId));
            return java.util.Collections.nCopies(count, null);
        }
        List<NewVmNetworkAdapterInput> adapters = new ArrayList<>();
        for (NewVirtualMachine.NewAdapter input : inputs) {
            String macType = addressType("MACAddressType", input.macAddressType());
            String ipv4Type = addressType("IPv4AddressType", input.ipv4AddressType());
            String ipv6Type = addressType("IPv6AddressType", input.ipv6AddressType());
            NetworkAddresses.JoinableNetwork network = !input.connected() ? null
                    : networks.joinable(subscriptionId, stampId, input.vmNetworkId(), input.vmNetworkName())
                            .orElseThrow(() -> VmmRequestException.invalid(input.vmNetworkId() != null
                                    ? "NewVirtualNetworkAdapterInput.VMNetworkId " + input.vmNetworkId()
                                            + " does not name a VM network of this subscription on stamp " + stampId
                                    : "NewVirtualNetworkAdapterInput.VMNetworkName '" + input.vmNetworkName()
                                            + "' does not name a VM network of this subscription on stamp "
                                            + stampId));
            adapters.add(new NewVmNetworkAdapterInput(network == null ? null : network.name(),
                    network == null ? null : network.id(), null, macType, input.macAddress(), ipv4Type, ipv6Type,
                    input.vlanEnabled(), input.vlanId() == null ? null : input.vlanId().shortValue()));
        }
        return adapters;
    }

    private HardwareProfile profile(UUID subscriptionId, UUID stampId, UUID profileId) {
        return profiles.findGranted(subscriptionId, profileId, stampId)
                .orElseThrow(() -> notGranted("HardwareProfileId", profileId, "hardware profile", stampId));
    }

    private static String addressType(String member, String value) {
        if (value == null) {
            return "Dynamic";
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "dynamic" -> "Dynamic";
            case "static" -> "Static";
            default -> throw VmmRequestException.invalid("NewVirtualNetworkAdapterInput." + member
                    + " must be Dynamic or Static; it is '" + value + "'");
        };
    }

    /** VMM's computer name rules: at most 15 characters, letters, digits and hyphens. */
    static String computerNameOf(String name) {
        String cleaned = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]+", "-").replaceAll("^-+|-+$", "");
        cleaned = cleaned.isEmpty() ? "VM" : cleaned;
        return cleaned.length() > 15 ? cleaned.substring(0, 15) : cleaned;
    }

    private static VmmRequestException notGranted(String member, UUID id, String what, UUID stampId) {
        return VmmRequestException.invalid(member + " " + id + " does not name a " + what + " available to this"
                + " subscription on stamp " + stampId);
    }

    private static int firstOf(Integer first, Integer second, int otherwise) {
        return first != null ? first : second != null ? second : otherwise;
    }

    private static int valueOr(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static final int DEFAULT_CPU_COUNT = VirtualMachineLifecycle.DEFAULT_CPU_COUNT;
    private static final int DEFAULT_MEMORY_MB = VirtualMachineLifecycle.DEFAULT_MEMORY_MB;
}
