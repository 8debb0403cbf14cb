package io.localpack.vmroles.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.vmm.vm.VirtualMachine;
import io.localpack.vmm.vm.VirtualMachinesOfRoles.InstanceDisk;
import io.localpack.vmm.vm.VirtualNetworkAdapter;
import io.localpack.vmroles.Models.CloudService;
import io.localpack.vmroles.Models.GalleryItem;
import io.localpack.vmroles.Models.VmRole;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The MicrosoftCompute entities as WAP writes them in JSON light (members in the proxy's names and order). */
final class WireShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireShapes() {
    }

    static Map<String, Object> galleryItem(GalleryItem item) {
        String key = "(PublisherName='" + quoted(item.publisher()) + "',Name='" + quoted(item.name())
                + "',Version='" + quoted(item.version()) + "')";
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("odata.type", "MicrosoftCompute.VMRoleGalleryItem");
        shape.put("Name", item.name());
        shape.put("Version", item.version());
        shape.put("Publisher", item.publisher());
        shape.put("PublisherLabel", item.publisherLabel());
        shape.put("Label", item.label());
        shape.put("Description", item.description());
        shape.put("PublishDate", item.publishDate() == null ? null
                : item.publishDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        shape.put("IconUrl", item.iconUrl());
        shape.put("ContentUrl", null);
        // relative to /{subscription}/, as clients resolve them
        shape.put("ResourceDefinitionUrl", "Gallery/GalleryItems" + key
                + "/MicrosoftCompute.ResourceDefinitionGalleryItem/ResourceDefinition");
        shape.put("ResourceDefinition@odata.mediaContentType", "application/json");
        shape.put("ViewDefinitionUrl", "Gallery/ViewDefinitions" + key + "/Content");
        return shape;
    }

    static Map<String, Object> cloudService(CloudService service) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Name", service.name());
        shape.put("Label", service.label());
        shape.put("ProvisioningState", service.provisioningState());
        return shape;
    }

    static Map<String, Object> cloudResource() {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("ResourceProviderNamespace", "MicrosoftCompute");
        return shape;
    }

    static Map<String, Object> vmRole(VmRole role) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Name", role.name());
        shape.put("Label", role.label());
        shape.put("ResourceDefinition", tree(role.resourceDefinitionJson()));
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("Version", role.configurationVersion());
        configuration.put("ParameterValues", role.parameterValuesJson());
        shape.put("ResourceConfiguration", configuration);
        shape.put("ProvisioningState", role.provisioningState());
        List<Map<String, Object>> messages = new ArrayList<>();
        if (role.substateMessage() != null) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("VMId", null);
            message.put("MessageQualifier", role.substateQualifier());
            message.put("Message", role.substateMessage());
            messages.add(message);
        }
        shape.put("Substate", Map.of("VMRoleMessages", messages));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("VIPs", List.of());
        view.put("InstanceCount", Integer.toString(role.instanceCount())); // Int64: a string in JSON light
        view.put("ResolvedResourceDefinition", null);
        shape.put("InstanceView", view);
        return shape;
    }

    /**
     * A role's machine (MicrosoftCompute.VM): its VMM id, computer name, run state and the addresses to connect to,
     * one per address of its adapters (RDP for Windows, SSH otherwise [INFER]).
     */
    static Map<String, Object> vm(VirtualMachine machine, List<VirtualNetworkAdapter> adapters) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Id", machine.getId().toString());
        shape.put("ComputerName", machine.getComputerName());
        shape.put("RuntimeState", runtimeState(machine.getStatus()));
        int port = machine.getOperatingSystem() != null
                && machine.getOperatingSystem().toLowerCase(Locale.ROOT).contains("windows") ? 3389 : 22;
        List<Map<String, Object>> addresses = new ArrayList<>();
        for (VirtualNetworkAdapter adapter : adapters == null ? List.<VirtualNetworkAdapter>of() : adapters) {
            String ips = adapter.getIpv4Addresses();
            if (ips == null || ips.isBlank()) {
                continue;
            }
            for (String ip : ips.split(";")) {
                Map<String, Object> address = new LinkedHashMap<>();
                address.put("IPAddress", ip.trim());
                address.put("NetworkName", adapter.getVmNetworkName());
                address.put("Port", port);
                addresses.add(address);
            }
        }
        shape.put("ConnectToAddresses", addresses);
        return shape;
    }

    /**
     * A disk of a role's machine (MicrosoftCompute.VMRoleVMDisk, spec 4.4): its VHD's id, the image it was copied
     * from, its LUN, its file and its capacity in MB (Int64: a string in JSON light).
     */
    static Map<String, Object> disk(InstanceDisk disk) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Id", disk.id().toString());
        shape.put("DataVirtualHardDiskImage", disk.familyName() == null || disk.release() == null ? null
                : disk.familyName() + ":" + disk.release());
        shape.put("DiskLun", disk.lun());
        shape.put("DiskDataFile", disk.dataFile());
        shape.put("DiskSize", Long.toString(disk.maximumSize() / (1024 * 1024)));
        return shape;
    }

    /**
     * A network adapter of a role's machine (MicrosoftCompute.VMRoleVMNic): its VMM id, the name the role's
     * definition gives the adapter in its slot (else VMM's), and the addresses it holds now.
     */
    static Map<String, Object> nic(VirtualNetworkAdapter adapter, List<String> definitionNames) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("Id", adapter.getId().toString());
        int slot = adapter.getSlotId() == null ? -1 : adapter.getSlotId();
        String name = slot >= 0 && slot < definitionNames.size() && definitionNames.get(slot) != null
                ? definitionNames.get(slot) : adapter.getName();
        shape.put("NetworkAdapterName", name);
        List<String> addresses = new ArrayList<>();
        for (String list : new String[] {adapter.getIpv4Addresses(), adapter.getIpv6Addresses()}) {
            if (list != null && !list.isBlank()) {
                for (String address : list.split(";")) {
                    if (!address.isBlank()) {
                        addresses.add(address.trim());
                    }
                }
            }
        }
        shape.put("CurrentIpAddresses", addresses);
        return shape;
    }

    /** VMM's Status as the role API's RuntimeState: Running, Stopped, Paused, Saved, or the VMM token itself. */
    static String runtimeState(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "Running" -> "Running";
            case "PowerOff" -> "Stopped";
            case "Paused" -> "Paused";
            case "Saved" -> "Saved";
            default -> status;
        };
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored resource definition is not JSON", e);
        }
    }

    private static String quoted(String value) {
        return value.replace("'", "''");
    }
}
