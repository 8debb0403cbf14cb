package io.localpack.vmroles.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.localpack.domain.Refusal.Kind;
import io.localpack.tenancy.Caller;
import io.localpack.vmm.vm.VirtualMachine;
import io.localpack.vmm.vm.VirtualMachinesOfRoles;
import io.localpack.vmm.vm.VirtualMachinesOfRoles.InstanceDisk;
import io.localpack.vmroles.Gallery;
import io.localpack.vmroles.Models.CloudService;
import io.localpack.vmroles.Models.NewVmRole;
import io.localpack.vmroles.Models.ResourceDefinition;
import io.localpack.vmroles.Models.RoleUpdate;
import io.localpack.web.JournalSecrets;
import io.localpack.vmroles.Models.Ticket;
import io.localpack.vmroles.Models.VmRole;
import io.localpack.vmroles.VmRoleLifecycle;
import io.localpack.vmroles.VmRoleRefusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * WAP's tenant VM Role and Gallery API on the wire (docs/vm-roles.md): JSON light with {@code api-version=2013-03},
 * lists as {@code value}, single entities bare; changes answer with {@code x-ms-request-id} = the VMM job doing the
 * work. Paths arrive canonical ({@link VmRolePaths}); refusals are {@link VmRoleApiErrors}.
 */
@RestController
class VmRoleApiController {

    static final String API_VERSION = "2013-03";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLES = "/{subscription}/CloudServices/{cloudService}/Resources/MicrosoftCompute/VMRoles";
    /** A gallery key: (PublisherName='p',Name='n',Version='v') or positional ('p','n','v'). */
    private static final Pattern NAMED_KEY = Pattern.compile(
            "(?i)^\\(\\s*PublisherName\\s*=\\s*'((?:[^']|'')*)'\\s*,\\s*Name\\s*=\\s*'((?:[^']|'')*)'\\s*,"
                    + "\\s*Version\\s*=\\s*'((?:[^']|'')*)'\\s*\\)$");
    private static final Pattern POSITIONAL_KEY = Pattern.compile(
            "^\\(\\s*'((?:[^']|'')*)'\\s*,\\s*'((?:[^']|'')*)'\\s*,\\s*'((?:[^']|'')*)'\\s*\\)$");

    private final Gallery gallery;
    private final VmRoleLifecycle roles;
    private final VirtualMachinesOfRoles machines;

    VmRoleApiController(Gallery gallery, VmRoleLifecycle roles, VirtualMachinesOfRoles machines) {
        this.gallery = gallery;
        this.roles = roles;
        this.machines = machines;
    }

    // ---- gallery -------------------------------------------------------------------------------------------------

    @GetMapping({"/{subscription}/Gallery/GalleryItems", "/{subscription}/Gallery/GalleryItems/$/MicrosoftCompute.VMRoleGalleryItem"})
    ResponseEntity<String> galleryItems(HttpServletRequest request, @PathVariable String subscription) {
        UUID id = subscriptionId(subscription, request);
        return list(request, "GalleryItems", gallery.items(id).stream().map(WireShapes::galleryItem).toList());
    }

    @GetMapping("/{subscription}/Gallery/GalleryItems{key}")
    ResponseEntity<String> galleryItem(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String key) {
        UUID id = subscriptionId(subscription, request);
        String[] item = galleryKey(key);
        return one(request, HttpStatus.OK, "GalleryItems/@Element",
                WireShapes.galleryItem(gallery.item(id, item[0], item[1], item[2])), null);
    }

    @GetMapping("/{subscription}/Gallery/GalleryItems{key}/MicrosoftCompute.ResourceDefinitionGalleryItem/ResourceDefinition")
    ResponseEntity<String> resourceDefinition(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String key) {
        return definition(request, subscription, key, false);
    }

    @GetMapping("/{subscription}/Gallery/ViewDefinitions{key}/Content")
    ResponseEntity<String> viewDefinition(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String key) {
        return definition(request, subscription, key, true);
    }

    // ---- cloud services ------------------------------------------------------------------------------------------

    @GetMapping("/{subscription}/CloudServices")
    ResponseEntity<String> cloudServices(HttpServletRequest request, @PathVariable String subscription) {
        UUID id = subscriptionId(subscription, request);
        return list(request, "CloudServices", roles.cloudServices(id).stream().map(WireShapes::cloudService)
                .toList());
    }

    @GetMapping("/{subscription}/CloudServices/{name}")
    ResponseEntity<String> cloudService(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String name) {
        UUID id = subscriptionId(subscription, request);
        return one(request, HttpStatus.OK, "CloudServices/@Element",
                WireShapes.cloudService(roles.cloudService(id, name)), null);
    }

    /** 201 with the new cloud service (Provisioning), its Location and the job creating it. */
    @PostMapping("/{subscription}/CloudServices")
    ResponseEntity<String> createCloudService(HttpServletRequest request, @PathVariable String subscription,
            @RequestBody(required = false) String body) {
        UUID id = subscriptionId(subscription, request);
        JsonNode members = object(body);
        Ticket ticket = roles.createCloudService(id, JsonResourceDefinitions.text(members, "Name"),
                JsonResourceDefinitions.text(members, "Label"), Caller.principal(request));
        CloudService created = (CloudService) ticket.subject();
        return created(request, "CloudServices/@Element", WireShapes.cloudService(created),
                "/CloudServices/" + created.name(), ticket.jobId());
    }

    /** Removes the cloud service, its VM Roles and their machines as one job: 204 with the job's id. */
    @DeleteMapping("/{subscription}/CloudServices/{name}")
    ResponseEntity<String> deleteCloudService(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String name) {
        UUID id = subscriptionId(subscription, request);
        return noContent(roles.deleteCloudService(id, name, Caller.principal(request)).jobId());
    }

    @GetMapping("/{subscription}/CloudServices/{name}/Resources")
    ResponseEntity<String> resources(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String name) {
        UUID id = subscriptionId(subscription, request);
        roles.cloudService(id, name);
        return list(request, "CloudServices('" + name + "')/Resources", List.of(WireShapes.cloudResource()));
    }

    // ---- VM Roles ------------------------------------------------------------------------------------------------

    @GetMapping(ROLES)
    ResponseEntity<String> vmRoles(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService) {
        UUID id = subscriptionId(subscription, request);
        return list(request, "VMRoles", roles.roles(id, cloudService).stream().map(WireShapes::vmRole).toList());
    }

    @GetMapping(ROLES + "/{role}")
    ResponseEntity<String> vmRole(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role) {
        UUID id = subscriptionId(subscription, request);
        return one(request, HttpStatus.OK, "VMRoles/@Element", WireShapes.vmRole(roles.role(id, cloudService, role)),
                null);
    }

    /** 201 with the new role (Provisioning); x-ms-request-id is the job deploying it. */
    @PostMapping(ROLES)
    ResponseEntity<String> createVmRole(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @RequestBody(required = false) String body) {
        UUID id = subscriptionId(subscription, request);
        JsonNode members = object(body);
        JsonNode configuration = JsonResourceDefinitions.member(members, "ResourceConfiguration");
        if (configuration != null && !configuration.isNull() && !configuration.isObject()) {
            throw VmRoleRefusal.badRequest("ResourceConfiguration", "ResourceConfiguration must be an object.");
        }
        Map<String, Object> values = JsonResourceDefinitions.parameterValues(JsonResourceDefinitions.member(
                configuration, "ParameterValues"));
        hideSecrets(request, null, values);
        ResourceDefinition definition = JsonResourceDefinitions.of(JsonResourceDefinitions.member(members,
                "ResourceDefinition"));
        hideSecrets(request, definition, values);
        NewVmRole request1 = new NewVmRole(JsonResourceDefinitions.text(members, "Name"),
                JsonResourceDefinitions.text(members, "Label"), definition,
                JsonResourceDefinitions.text(configuration, "Version"), values);
        Ticket ticket = roles.createRole(id, cloudService, request1, Caller.principal(request));
        VmRole created = (VmRole) ticket.subject();
        return created(request, "VMRoles/@Element", WireShapes.vmRole(created), "/CloudServices/" + cloudService
                + "/Resources/MicrosoftCompute/VMRoles/" + created.name(), ticket.jobId());
    }

    /** Scale to {"InstanceCount": n}: 200 with the role, now Provisioning; x-ms-request-id is the job. */
    @PostMapping(ROLES + "/{role}/Scale")
    ResponseEntity<String> scale(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @RequestBody(required = false) String body) {
        UUID id = subscriptionId(subscription, request);
        JsonNode count = JsonResourceDefinitions.member(object(body), "InstanceCount");
        if (count == null || count.isNull() || count.isContainerNode() || !count.asText().trim().matches("^-?\\d{1,9}$")) {
            throw VmRoleRefusal.badRequest("InstanceCount", "InstanceCount must be a whole number of instances.");
        }
        Ticket ticket = roles.scaleRole(id, cloudService, role, Long.parseLong(count.asText().trim()),
                Caller.principal(request));
        return one(request, HttpStatus.OK, "VMRoles/@Element", WireShapes.vmRole((VmRole) ticket.subject()),
                ticket.jobId());
    }

    /**
     * An update (PUT, MERGE or PATCH; spec 4.3): Label, ResourceDefinition and ResourceConfiguration may change. A
     * full-object body is taken: members sent as null or as the role shows them change nothing; Name and the read-only
     * members may only repeat what the role shows. 204 with the job's id, or 200 with the role (Updating) when the
     * client asks for content ({@code Prefer: return-content}), as the VMM API answers a PUT.
     */
    @RequestMapping(path = ROLES + "/{role}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    ResponseEntity<String> updateVmRole(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @RequestBody(required = false) String body) {
        UUID id = subscriptionId(subscription, request);
        JsonNode members = object(body);
        VmRole current = roles.role(id, cloudService, role);
        JsonNode shown = JSON.valueToTree(WireShapes.vmRole(current));
        String label = null;
        ResourceDefinition definition = null;
        JsonNode configuration = null;
        for (var it = members.fields(); it.hasNext(); ) {
            var member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.startsWith("odata.") || name.contains("@odata.")) {
                continue;
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "name" -> {
                    if (!value.isNull() && !(value.isTextual() && value.asText().equalsIgnoreCase(current.name()))) {
                        throw VmRoleRefusal.badRequest("Name", "Name cannot be changed by an update; the role is '"
                                + current.name() + "'.");
                    }
                }
                case "label" -> {
                    if (!value.isNull() && !value.isTextual()) {
                        throw VmRoleRefusal.badRequest("Label", "Label must be a string.");
                    }
                    label = value.isNull() ? null : value.asText();
                }
                case "resourcedefinition" -> definition = value.isNull() ? null : JsonResourceDefinitions.of(value);
                case "resourceconfiguration" -> {
                    if (!value.isNull() && !value.isObject()) {
                        throw VmRoleRefusal.badRequest("ResourceConfiguration",
                                "ResourceConfiguration must be an object.");
                    }
                    configuration = value.isNull() ? null : value;
                }
                case "provisioningstate", "substate", "instanceview" -> {
                    String canonical = shownName(shown, name);
                    if (!sameAsShown(value, shown.get(canonical))) {
                        throw VmRoleRefusal.badRequest(canonical, canonical + " is read-only: an update may not"
                                + " change it" + ("InstanceView".equals(canonical) ? " (scale the role instead)." : "."));
                    }
                }
                case "vms" -> {
                    if (!value.isNull() && !(value.isArray() && value.isEmpty())) {
                        throw VmRoleRefusal.badRequest("VMs", "VMs is read-only: scale the role to change them.");
                    }
                }
                default -> throw VmRoleRefusal.badRequest(name, "'" + name + "' is not a member of"
                        + " MicrosoftCompute.VMRole.");
            }
        }
        boolean configurationGiven = false;
        String version = null;
        Map<String, Object> values = null;
        if (configuration != null) {
            version = JsonResourceDefinitions.text(configuration, "Version");
            values = JsonResourceDefinitions.parameterValues(JsonResourceDefinitions.member(configuration,
                    "ParameterValues"));
            hideSecrets(request, null, values);
            hideSecrets(request, definition != null ? definition : JsonResourceDefinitions.of(shown.get(
                    "ResourceDefinition")), values);
            // a full-object PUT repeats the configuration the role shows: that is no change
            configurationGiven = !(version != null && version.trim().equals(current.configurationVersion())
                    && JsonResourceDefinitions.parameterValues(TextNode.valueOf(current.parameterValuesJson() == null
                            ? "" : current.parameterValuesJson())).equals(values));
        }
        if (definition != null && JSON.valueToTree(tree(definition.json())).equals(shown.get("ResourceDefinition"))) {
            definition = null;
        }
        Ticket ticket = roles.updateRole(id, cloudService, role, new RoleUpdate(label, definition,
                configurationGiven, version, values), Caller.principal(request));
        String prefer = request.getHeader("Prefer");
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return-content")) {
            return one(request, HttpStatus.OK, "VMRoles/@Element", WireShapes.vmRole((VmRole) ticket.subject()),
                    ticket.jobId());
        }
        return noContent(ticket.jobId());
    }

    /** The member as the role shows it (the client may spell it in another case). */
    private static String shownName(JsonNode shown, String name) {
        for (var it = shown.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return name;
    }

    /**
     * Whether a read-only member sent back says what the role shows: null (anywhere) says nothing, and numbers match
     * their text (InstanceCount is an Int64, a string in JSON light).
     */
    static boolean sameAsShown(JsonNode sent, JsonNode shown) {
        if (sent == null || sent.isNull()) {
            return true;
        }
        if (shown == null || shown.isNull()) {
            return false;
        }
        if (sent.isValueNode() && shown.isValueNode()) {
            return sent.asText().equals(shown.asText());
        }
        if (sent.isArray() && shown.isArray()) {
            if (sent.size() != shown.size()) {
                return false;
            }
            for (int i = 0; i < sent.size(); i++) {
                if (!sameAsShown(sent.get(i), shown.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (sent.isObject() && shown.isObject()) {
            for (var it = sent.fields(); it.hasNext(); ) {
                var member = it.next();
                if (!sameAsShown(member.getValue(), JsonResourceDefinitions.member(shown, member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored resource definition is not JSON", e);
        }
    }

    /** Removes the role and its machines through a job: 204 with the job's id. */
    @DeleteMapping(ROLES + "/{role}")
    ResponseEntity<String> deleteVmRole(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role) {
        UUID id = subscriptionId(subscription, request);
        return noContent(roles.deleteRole(id, cloudService, role, Caller.principal(request)).jobId());
    }

    @GetMapping(ROLES + "/{role}/VMs")
    ResponseEntity<String> vms(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role) {
        UUID id = subscriptionId(subscription, request);
        List<VirtualMachine> instances = roles.instances(roles.role(id, cloudService, role));
        var adapters = machines.adaptersOf(instances.stream().map(VirtualMachine::getId).toList());
        return list(request, "VMs", instances.stream().map(vm -> WireShapes.vm(vm, adapters.get(vm.getId())))
                .toList());
    }

    @GetMapping(ROLES + "/{role}/VMs/{vmId}")
    ResponseEntity<String> vm(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId) {
        UUID id = subscriptionId(subscription, request);
        VirtualMachine machine = roles.instance(roles.role(id, cloudService, role), vmId);
        return one(request, HttpStatus.OK, "VMs/@Element", WireShapes.vm(machine,
                machines.adaptersOf(List.of(machine.getId())).get(machine.getId())), null);
    }

    // ---- disks and network adapters of a role's machine (spec 4.4) ---------------------------------------------

    @GetMapping(ROLES + "/{role}/VMs/{vmId}/Disks")
    ResponseEntity<String> disks(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId) {
        UUID id = subscriptionId(subscription, request);
        return list(request, "Disks", roles.disks(roles.role(id, cloudService, role), vmId).stream()
                .map(WireShapes::disk).toList());
    }

    @GetMapping(ROLES + "/{role}/VMs/{vmId}/Disks/{diskId}")
    ResponseEntity<String> disk(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId,
            @PathVariable String diskId) {
        UUID id = subscriptionId(subscription, request);
        return one(request, HttpStatus.OK, "Disks/@Element", WireShapes.disk(roles.disk(roles.role(id, cloudService,
                role), vmId, diskId)), null);
    }

    /** Adds a data disk {"DataVirtualHardDiskImage":"Family:Release","DiskLun":"3"}: 201 with it, and its job. */
    @PostMapping(ROLES + "/{role}/VMs/{vmId}/Disks")
    ResponseEntity<String> addDisk(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId,
            @RequestBody(required = false) String body) {
        UUID id = subscriptionId(subscription, request);
        JsonNode members = object(body);
        onlyMembers(members, List.of("DataVirtualHardDiskImage", "DiskLun"), List.of("Id", "DiskDataFile",
                "DiskSize"));
        Ticket ticket = roles.addDisk(id, cloudService, role, vmId, JsonResourceDefinitions.text(members,
                "DataVirtualHardDiskImage"), JsonResourceDefinitions.text(members, "DiskLun"),
                Caller.principal(request));
        InstanceDisk disk = (InstanceDisk) ticket.subject();
        return created(request, "Disks/@Element", WireShapes.disk(disk), "/CloudServices/" + cloudService
                + "/Resources/MicrosoftCompute/VMRoles/" + role + "/VMs/" + vmId + "/Disks/" + disk.id(),
                ticket.jobId());
    }

    /**
     * Expands a disk {"Id":"…","DiskSize":"51200"} (PATCH, as WTPA sends it; MERGE and PUT too): the machine must be
     * Stopped and the disk only grows. 204 with the job's id, or 200 with the disk (as it is until the job completes)
     * when the client asks for content.
     */
    @RequestMapping(path = ROLES + "/{role}/VMs/{vmId}/Disks/{diskId}", method = {RequestMethod.PATCH,
        RequestMethod.PUT})
    ResponseEntity<String> expandDisk(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId,
            @PathVariable String diskId, @RequestBody(required = false) String body) {
        UUID id = subscriptionId(subscription, request);
        JsonNode members = object(body);
        VmRole vmRole = roles.role(id, cloudService, role);
        JsonNode shown = JSON.valueToTree(WireShapes.disk(roles.disk(vmRole, vmId, diskId)));
        for (var it = members.fields(); it.hasNext(); ) {
            var member = it.next();
            String name = member.getKey();
            if (name.startsWith("odata.") || name.equalsIgnoreCase("Id") || name.equalsIgnoreCase("DiskSize")) {
                continue;
            }
            String canonical = shownName(shown, name);
            if (!shown.has(canonical)) {
                throw VmRoleRefusal.badRequest(name, "'" + name + "' is not a member of"
                        + " MicrosoftCompute.VMRoleVMDisk.");
            }
            if (!sameAsShown(member.getValue(), shown.get(canonical))) {
                throw VmRoleRefusal.badRequest(canonical, canonical + " cannot be changed; only DiskSize can.");
            }
        }
        Ticket ticket = roles.expandDisk(id, cloudService, role, vmId, diskId, JsonResourceDefinitions.text(members,
                "Id"), JsonResourceDefinitions.text(members, "DiskSize"), Caller.principal(request));
        String prefer = request.getHeader("Prefer");
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return-content")) {
            return one(request, HttpStatus.OK, "Disks/@Element", WireShapes.disk((InstanceDisk) ticket.subject()),
                    ticket.jobId());
        }
        return noContent(ticket.jobId());
    }

    @GetMapping(ROLES + "/{role}/VMs/{vmId}/Nics")
    ResponseEntity<String> nics(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId) {
        UUID id = subscriptionId(subscription, request);
        VmRole vmRole = roles.role(id, cloudService, role);
        VirtualMachine machine = roles.instance(vmRole, vmId);
        List<String> names = adapterNames(vmRole);
        return list(request, "Nics", machines.adaptersOf(List.of(machine.getId())).getOrDefault(machine.getId(),
                List.of()).stream().map(nic -> WireShapes.nic(nic, names)).toList());
    }

    @GetMapping(ROLES + "/{role}/VMs/{vmId}/Nics/{nicId}")
    ResponseEntity<String> nic(HttpServletRequest request, @PathVariable String subscription,
            @PathVariable String cloudService, @PathVariable String role, @PathVariable String vmId,
            @PathVariable String nicId) {
        UUID id = subscriptionId(subscription, request);
        VmRole vmRole = roles.role(id, cloudService, role);
        VirtualMachine machine = roles.instance(vmRole, vmId);
        String wanted = nicId.replaceAll("[{}]", "").trim();
        return one(request, HttpStatus.OK, "Nics/@Element", machines.adaptersOf(List.of(machine.getId()))
                .getOrDefault(machine.getId(), List.of()).stream()
                .filter(nic -> nic.getId().toString().equalsIgnoreCase(wanted)).findFirst()
                .map(nic -> WireShapes.nic(nic, adapterNames(vmRole)))
                .orElseThrow(() -> VmRoleRefusal.notFound("network adapter", nicId)), null);
    }

    /** The Name of each NetworkAdapters entry of the role's definition, by slot (null where it has none). */
    private static List<String> adapterNames(VmRole role) {
        List<String> names = new ArrayList<>();
        JsonNode adapters = JsonResourceDefinitions.member(JsonResourceDefinitions.member(JsonResourceDefinitions
                .member(tree(role.resourceDefinitionJson()), "IntrinsicSettings"), "NetworkProfile"),
                "NetworkAdapters");
        if (adapters != null && adapters.isArray()) {
            adapters.forEach(adapter -> names.add(JsonResourceDefinitions.text(adapter, "Name")));
        }
        return names;
    }

    /**
     * A body of these members only (case-blind; OData annotations aside); {@code ignoredWhenNull} may come as null,
     * as a client serialising the whole entity sends them.
     */
    private static void onlyMembers(JsonNode members, List<String> taken, List<String> ignoredWhenNull) {
        for (var it = members.fields(); it.hasNext(); ) {
            var member = it.next();
            String name = member.getKey();
            if (name.startsWith("odata.") || taken.stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            if (member.getValue().isNull() && ignoredWhenNull.stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            throw VmRoleRefusal.badRequest(name, "'" + name + "' is not taken here; send "
                    + String.join(" and ", taken) + ".");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /**
     * The secrets among parameter values, for the request journal to mask inside the ParameterValues string:
     * passwords of Credential parameters ("user:password"), SecureString values, and values of parameters whose name
     * says Password or Credential (before the definition is known, or when it does not declare them).
     */
    static void hideSecrets(HttpServletRequest request, ResourceDefinition definition, Map<String, Object> values) {
        values.forEach((name, value) -> {
            if (!(value instanceof String text)) {
                return;
            }
            String type = definition == null ? null : definition.parameters().stream()
                    .filter(p -> name.equals(p.name())).map(p -> p.type()).findFirst().orElse(null);
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if ("securestring".equalsIgnoreCase(type)) {
                JournalSecrets.hide(request, text);
            } else if ("credential".equalsIgnoreCase(type) || lower.contains("credential")
                    || lower.contains("password")) {
                int colon = text.indexOf(':');
                JournalSecrets.hide(request, colon >= 0 ? text.substring(colon + 1) : text);
            }
        });
    }

    private ResponseEntity<String> definition(HttpServletRequest request, String subscription, String key,
            boolean view) {
        UUID id = subscriptionId(subscription, request);
        String[] item = galleryKey(key);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-cache")
                .header("x-ms-request-id", UUID.randomUUID().toString())
                .body(gallery.definition(id, item[0], item[1], item[2], view));
    }

    /** Every URL of the API needs api-version=2013-03 (checked before anything else). */
    private static UUID subscriptionId(String text, HttpServletRequest request) {
        String version = request.getParameter("api-version");
        if (version == null || version.isBlank()) {
            throw VmRoleRefusal.badRequest("api-version", "The api-version query parameter is required; this API"
                    + " answers api-version=" + API_VERSION + ".");
        }
        if (!API_VERSION.equals(version.trim())) {
            throw VmRoleRefusal.badRequest("api-version", "api-version '" + version + "' is not supported; this API"
                    + " answers api-version=" + API_VERSION + ".");
        }
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // as a missing subscription
        }
        throw new VmRoleRefusal(Kind.NOT_FOUND, "SubscriptionNotFound", null, "The subscription '" + text
                + "' was not found.");
    }

    private static String[] galleryKey(String key) {
        Matcher named = NAMED_KEY.matcher(key);
        Matcher positional = POSITIONAL_KEY.matcher(key);
        Matcher match = named.matches() ? named : positional.matches() ? positional : null;
        if (match == null) {
            throw VmRoleRefusal.badRequest("(key)", "A gallery item is named (PublisherName='…',Name='…',Version='…');"
                    + " the key '" + key + "' is not.");
        }
        return new String[] {unquoted(match.group(1)), unquoted(match.group(2)), unquoted(match.group(3))};
    }

    private static String unquoted(String value) {
        return value.replace("''", "'");
    }

    private static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw VmRoleRefusal.badRequest("(body)", "The request needs a JSON body.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw VmRoleRefusal.badRequest("(body)", "The body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
        if (node == null || !node.isObject()) {
            throw VmRoleRefusal.badRequest("(body)", "The body must be a JSON object.");
        }
        return node;
    }

    private static String root(HttpServletRequest request) {
        Object root = request.getAttribute(VmRolePaths.ROOT_ATTRIBUTE);
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return base + (root instanceof String r ? r : "");
    }

    private static ResponseEntity<String> list(HttpServletRequest request, String set, List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("odata.metadata", root(request) + "/$metadata#" + set);
        body.put("value", new ArrayList<>(items));
        return answer(HttpStatus.OK, body, null, null);
    }

    private static ResponseEntity<String> one(HttpServletRequest request, HttpStatus status, String element,
            Map<String, Object> entity, UUID jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("odata.metadata", root(request) + "/$metadata#" + element);
        body.putAll(entity);
        return answer(status, body, null, jobId);
    }

    private static ResponseEntity<String> created(HttpServletRequest request, String element,
            Map<String, Object> entity, String path, UUID jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("odata.metadata", root(request) + "/$metadata#" + element);
        body.putAll(entity);
        return answer(HttpStatus.CREATED, body, root(request) + path, jobId);
    }

    private static ResponseEntity<String> noContent(UUID jobId) {
        return ResponseEntity.noContent().header("x-ms-request-id", jobId.toString())
                .header("DataServiceVersion", "1.0;").build();
    }

    private static ResponseEntity<String> answer(HttpStatus status, Object body, String location, UUID jobId) {
        try {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                    .contentType(MediaType.parseMediaType(VmRoleApiErrors.CONTENT_TYPE))
                    .header("DataServiceVersion", "3.0;").header("Cache-Control", "no-cache")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("x-ms-request-id", (jobId == null ? UUID.randomUUID() : jobId).toString());
            if (location != null) {
                answer.header("Location", location);
            }
            return answer.body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer", e);
        }
    }
}
