package io.localpack.vmroles;

import io.localpack.domain.Refusal.Kind;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.tenancy.SubscriptionLookup;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.quota.CloudQuotas;
import io.localpack.vmm.quota.QuotaDimension;
import io.localpack.vmm.vm.NewVmNetworkAdapterInput;
import io.localpack.vmm.vm.VirtualMachine;
import io.localpack.vmm.vm.VirtualMachinesOfRoles;
import io.localpack.vmm.vm.VirtualMachinesOfRoles.InstanceDisk;
import io.localpack.vmm.vm.VirtualMachinesOfRoles.NewInstance;
import io.localpack.vmm.vm.VirtualMachinesOfRoles.RoleHardware;
import io.localpack.vmroles.Models.CloudService;
import io.localpack.vmroles.Models.NewVmRole;
import io.localpack.vmroles.Models.ResourceDefinition;
import io.localpack.vmroles.Models.RoleUpdate;
import io.localpack.vmroles.Models.Ticket;
import io.localpack.vmroles.Models.VmRole;
import io.localpack.vmroles.VmRoleRules.ScaleBounds;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes of cloud services and VM Roles (docs/vm-roles.md). A change is checked, written with the state it
 * passes through (Provisioning, Deprovisioning) and its job queued, in one transaction, so a refused request changes
 * nothing; the jobs ({@link VmRoleJobHandlers}) do the rest. A role's machines are real VMM virtual machines
 * ({@link VirtualMachinesOfRoles}), made when the role is created or scaled out.
 */
@Service
public class VmRoleLifecycle {

    public static final String PROVISIONING = "Provisioning";
    public static final String PROVISIONED = "Provisioned";
    public static final String DEPROVISIONING = "Deprovisioning";
    public static final String UPDATING = "Updating";
    public static final String FAILED = "Failed";

    static final String CREATE_CLOUD_SERVICE = "vmroles.cloudservice.create";
    static final String DELETE_CLOUD_SERVICE = "vmroles.cloudservice.delete";
    static final String CREATE_ROLE = "vmroles.vmrole.create";
    static final String SCALE_ROLE = "vmroles.vmrole.scale";
    static final String DELETE_ROLE = "vmroles.vmrole.delete";
    static final String UPDATE_ROLE = "vmroles.vmrole.update";
    static final String ADD_DISK = "vmroles.vmrole.disk.add";
    static final String EXPAND_DISK = "vmroles.vmrole.disk.expand";
    /** Job parameters of the disk jobs: the disk (its VirtualHardDisk ID) and the new capacity in bytes. */
    static final String DISK = "DiskId";
    static final String DISK_BYTES = "DiskMaximumSize";
    /** The most a VHDX holds (64 TB), in MB. */
    private static final long MAX_DISK_MB = 64L * 1024 * 1024;
    private static final int MAX_LUN = 63;
    /** Job parameters: the machines a role job creates and removes (ids, comma-separated). */
    static final String CREATING = "CreatingMachines";
    static final String REMOVING = "RemovingMachines";

    private final VmRoleStore store;
    private final VirtualMachinesOfRoles machines;
    private final RoleNetworkAdapters networkAdapters;
    private final CloudQuotas quotas;
    private final SubscriptionLookup subscriptions;
    private final JobService jobs;
    private final ResourceDefinitions definitions;
    private final Clock clock;

    VmRoleLifecycle(VmRoleStore store, VirtualMachinesOfRoles machines, RoleNetworkAdapters networkAdapters,
            CloudQuotas quotas, SubscriptionLookup subscriptions, JobService jobs, ResourceDefinitions definitions,
            Clock clock) {
        this.store = store;
        this.machines = machines;
        this.networkAdapters = networkAdapters;
        this.quotas = quotas;
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.definitions = definitions;
        this.clock = clock;
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<CloudService> cloudServices(UUID subscriptionId) {
        requireSubscription(subscriptionId);
        return store.cloudServices(subscriptionId);
    }

    @Transactional(readOnly = true)
    public CloudService cloudService(UUID subscriptionId, String name) {
        requireSubscription(subscriptionId);
        return store.cloudService(subscriptionId, name).orElseThrow(() -> VmRoleRefusal.notFound("cloud service",
                name));
    }

    @Transactional(readOnly = true)
    public List<VmRole> roles(UUID subscriptionId, String cloudServiceName) {
        return store.roles(subscriptionId, cloudService(subscriptionId, cloudServiceName).id());
    }

    @Transactional(readOnly = true)
    public VmRole role(UUID subscriptionId, String cloudServiceName, String roleName) {
        CloudService service = cloudService(subscriptionId, cloudServiceName);
        return store.role(subscriptionId, service.id(), roleName).orElseThrow(() -> VmRoleRefusal.notFound(
                "VM Role", roleName));
    }

    /** A role's machines, by name. */
    @Transactional(readOnly = true)
    public List<VirtualMachine> instances(VmRole role) {
        return machines.instances(role.subscriptionId(), role.id());
    }

    /** One machine of the role, by its VMM id (with or without braces); another role's is as missing. */
    @Transactional(readOnly = true)
    public VirtualMachine instance(VmRole role, String vmId) {
        String id = vmId == null ? "" : vmId.replaceAll("[{}]", "").trim();
        return machines.instances(role.subscriptionId(), role.id()).stream()
                .filter(vm -> vm.getId().toString().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> VmRoleRefusal.notFound("virtual machine", vmId));
    }

    /** The machine's disks: its OS disk, then its data disks. */
    @Transactional(readOnly = true)
    public List<InstanceDisk> disks(VmRole role, String vmId) {
        return machines.disks(instance(role, vmId).key());
    }

    @Transactional(readOnly = true)
    public InstanceDisk disk(VmRole role, String vmId, String diskId) {
        String id = diskId == null ? "" : diskId.replaceAll("[{}]", "").trim();
        return disks(role, vmId).stream().filter(d -> d.id().toString().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> VmRoleRefusal.notFound("disk", diskId));
    }

    // ---- cloud services ------------------------------------------------------------------------------------------

    @Transactional
    public Ticket createCloudService(UUID subscriptionId, String name, String label, String principal) {
        requireSubscription(subscriptionId);
        VmRoleRules.checkName(name, "Name");
        if (label == null || label.isBlank()) {
            throw VmRoleRefusal.badRequest("Label", "Label is required.");
        }
        store.cloudService(subscriptionId, name).ifPresent(existing -> {
            throw alreadyExists("cloud service", existing.name());
        });
        UUID stampId = firstCloud(subscriptionId)[1];
        CloudService service = new CloudService(UUID.randomUUID(), subscriptionId, name, label, PROVISIONING);
        try {
            store.insertCloudService(service, now());
        } catch (DuplicateKeyException e) {
            throw alreadyExists("cloud service", name);
        }
        UUID jobId = submit(JobRequest.builder(subscriptionId, CREATE_CLOUD_SERVICE, "Create cloud service")
                .stampId(stampId).target(service.id(), "CloudService", name).owner(principal).cmdletName("New-SCCloudService"));
        return new Ticket(jobId, service);
    }

    /** Removes the cloud service with its VM Roles and their machines, as one job. */
    @Transactional
    public Ticket deleteCloudService(UUID subscriptionId, String name, String principal) {
        CloudService service = cloudService(subscriptionId, name);
        List<VmRole> roles = store.roles(subscriptionId, service.id());
        for (VmRole role : roles) {
            jobs.activeJobOn(role.id()).ifPresent(running -> {
                throw busy("VM Role '" + role.name() + "'", running);
            });
        }
        UUID jobId = submit(JobRequest.builder(subscriptionId, DELETE_CLOUD_SERVICE, "Remove cloud service")
                .stampId(firstCloud(subscriptionId)[1]).target(service.id(), "CloudService", service.name()).owner(principal)
                .cmdletName("Remove-SCCloudService"));
        store.setCloudServiceState(service.id(), DEPROVISIONING, now());
        roles.forEach(role -> store.roleRequested(role.id(), DEPROVISIONING, role.instanceCount(),
                role.nextInstanceNumber(), jobId, now()));
        return new Ticket(jobId, new CloudService(service.id(), subscriptionId, service.name(), service.label(),
                DEPROVISIONING));
    }

    // ---- VM Roles ------------------------------------------------------------------------------------------------

    /**
     * A new VM Role: the definition and parameter values checked, the cloud, size and OS image resolved, the quota
     * checked for the initial instances, and those instances recorded UnderCreation with the role Provisioning.
     */
    @Transactional
    public Ticket createRole(UUID subscriptionId, String cloudServiceName, NewVmRole request, String principal) {
        CloudService service = usableCloudService(subscriptionId, cloudServiceName);
        VmRoleRules.checkName(request.name(), "Name");
        store.role(subscriptionId, service.id(), request.name()).ifPresent(existing -> {
            throw alreadyExists("VM Role", existing.name());
        });
        ResourceDefinition definition = request.definition();
        VmRoleRules.checkDefinition(definition);
        Map<String, String> parameters = VmRoleRules.checkParameters(definition, request.parameterValues());
        ScaleBounds bounds = VmRoleRules.bounds(definition, parameters);
        UUID[] cloud = firstCloud(subscriptionId);
        Sizing sizing = sizing(subscriptionId, cloud[1], definition, parameters);
        UUID roleId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        refuseOverQuota(subscriptionId, cloud[0], cloud[1], sizing, bounds.initial(), "InstanceCount");
        VmRole role = new VmRole(roleId, subscriptionId, service.id(), request.name(),
                request.label() == null ? request.name() : request.label(), definition.json(),
                request.configurationVersion(), VmRoleStore.json(VmRoleRules.masked(definition, parameters)),
                PROVISIONING, bounds.initial(), bounds.initial() + 1, cloud[1], cloud[0], null, null, jobId);
        store.insertRole(role, now());
        List<VmmKey> created = newInstances(role, definition, parameters, sizing, 1, bounds.initial(), principal,
                jobId);
        submit(JobRequest.builder(subscriptionId, CREATE_ROLE, "Deploy VM Role").id(jobId).stampId(cloud[1])
                .target(roleId, "VMRole", role.name()).owner(principal).cmdletName("New-CloudVMRole")
                .parameter(CREATING, ids(created)));
        return new Ticket(jobId, role);
    }

    /**
     * Scale to an absolute instance count within the definition's scale-out bounds: new instances are recorded
     * UnderCreation now, the highest-numbered ones go when scaling in; the role is Provisioning until the job ends.
     */
    @Transactional
    public Ticket scaleRole(UUID subscriptionId, String cloudServiceName, String roleName, long count,
            String principal) {
        usableCloudService(subscriptionId, cloudServiceName);
        VmRole role = role(subscriptionId, cloudServiceName, roleName);
        refuseWhileDeprovisioning(role);
        ResourceDefinition definition = storedDefinition(role);
        Map<String, String> parameters = storedParameters(role);
        VmRoleRules.checkInstanceCount(count, VmRoleRules.bounds(definition, parameters));
        List<VirtualMachine> current = machines.instances(subscriptionId, role.id());
        int target = (int) count;
        UUID jobId = UUID.randomUUID();
        List<VmmKey> created = List.of();
        List<VmmKey> removing = List.of();
        int next = role.nextInstanceNumber();
        jobs.activeJobOn(role.id()).ifPresent(running -> {
            throw busy("VM Role '" + role.name() + "'", running);
        });
        if (target > current.size()) {
            Sizing sizing = sizing(subscriptionId, role.stampId(), definition, parameters);
            refuseOverQuota(subscriptionId, role.cloudId(), role.stampId(), sizing, target - current.size(),
                    "InstanceCount");
            created = newInstances(role, definition, parameters, sizing, next, target - current.size(), principal,
                    jobId);
            next += target - current.size();
        } else if (target < current.size()) {
            removing = current.subList(target, current.size()).stream().map(VirtualMachine::getId)
                    .map(id -> new VmmKey(id, role.stampId())).toList();
        }
        submit(JobRequest.builder(subscriptionId, SCALE_ROLE, "Scale VM Role").id(jobId).stampId(role.stampId())
                .target(role.id(), "VMRole", role.name()).owner(principal).cmdletName("Set-CloudVMRoleScaleOut")
                .parameter(CREATING, ids(created)).parameter(REMOVING, ids(removing)));
        store.roleRequested(role.id(), PROVISIONING, target, next, jobId, now());
        // the role as the request left it: the job may end before the answer is written
        return new Ticket(jobId, store.role(role.id()).orElse(role));
    }

    /**
     * An update (spec 4.3, "RCU"): a new label, another version of the role's definition, and/or a new configuration
     * (a bigger Version, parameter values checked as a create's). Everything the role would then be made of is
     * checked now, against what the request leaves as it was; the changes wait beside the role (Updating) and become
     * its own when the job completes. Its machines keep what they were made with; later scale-outs use the new
     * definition [INFER].
     */
    @Transactional
    public Ticket updateRole(UUID subscriptionId, String cloudServiceName, String roleName, RoleUpdate update,
            String principal) {
        usableCloudService(subscriptionId, cloudServiceName);
        VmRole role = role(subscriptionId, cloudServiceName, roleName);
        refuseWhileDeprovisioning(role);
        jobs.activeJobOn(role.id()).ifPresent(running -> {
            throw busy("VM Role '" + role.name() + "'", running);
        });
        if (update.label() != null && update.label().isBlank()) {
            throw VmRoleRefusal.badRequest("Label", "Label must not be empty.");
        }
        ResourceDefinition current = storedDefinition(role);
        ResourceDefinition definition = current;
        if (update.definition() != null) {
            definition = update.definition();
            VmRoleRules.checkDefinition(definition);
            if (!definition.name().equalsIgnoreCase(current.name())) {
                throw VmRoleRefusal.badRequest("ResourceDefinition.Name", "ResourceDefinition.Name '"
                        + definition.name()
                        + "' is not the role's: an update changes its definition to another version of '"
                        + current.name() + "'.");
            }
        }
        String version = role.configurationVersion();
        Map<String, String> parameters;
        if (update.configurationGiven()) {
            VmRoleRules.checkConfigurationVersion(update.configurationVersion(), role.configurationVersion());
            version = update.configurationVersion().trim();
            parameters = VmRoleRules.checkParameters(definition, update.parameterValues());
        } else {
            // the stored values (secrets masked) against the definition they are to go with
            parameters = VmRoleRules.checkParameters(definition, new java.util.LinkedHashMap<>(
                    storedParameters(role)));
        }
        ScaleBounds bounds = VmRoleRules.bounds(definition, parameters);
        if (role.instanceCount() < bounds.minimum() || role.instanceCount() > bounds.maximum()) {
            String member = "ResourceDefinition.IntrinsicSettings.ScaleOutSettings";
            throw VmRoleRefusal.badRequest(member, member + ": the role has " + role.instanceCount()
                    + " instance(s), outside the new scale-out settings (at least "
                    + bounds.minimum() + (bounds.maximum() == Integer.MAX_VALUE ? "" : ", at most "
                    + bounds.maximum()) + "): scale it first.");
        }
        Sizing sizing = sizing(subscriptionId, role.stampId(), definition, parameters);
        VmRoleRules.computerNames(sizing.computerNamePattern(), role.name(), role.nextInstanceNumber(), 1);
        String masked = update.configurationGiven() ? VmRoleStore.json(VmRoleRules.masked(definition, parameters))
                : role.parameterValuesJson();
        UUID jobId = submit(JobRequest.builder(subscriptionId, UPDATE_ROLE, "Update VM Role")
                .stampId(role.stampId()).target(role.id(), "VMRole", role.name()).owner(principal)
                .cmdletName("Set-CloudVMRole"));
        store.updateRequested(role.id(), update.label() == null ? role.label() : update.label(), definition.json(),
                version, masked, jobId, now());
        return new Ticket(jobId, store.role(role.id()).orElse(role));
    }

    // ---- disks of a role's machines -----------------------------------------------------------------------------

    /**
     * A data disk for one machine of the role (spec 4.4): a copy of the image ("FamilyName:Release") the subscription
     * may use on the role's stamp, at a LUN no other data disk of the machine uses (SCSI bus 0). Its rows are written
     * now (VMM's VirtualHardDisks and VirtualDiskDrives show it); a failed job removes them.
     */
    @Transactional
    public Ticket addDisk(UUID subscriptionId, String cloudServiceName, String roleName, String vmId, String image,
            String lunText, String principal) {
        usableCloudService(subscriptionId, cloudServiceName);
        VmRole role = role(subscriptionId, cloudServiceName, roleName);
        refuseWhileDeprovisioning(role);
        VirtualMachine machine = instance(role, vmId);
        refuseWhileBusy(role, machine);
        if (image == null || image.isBlank()) {
            throw VmRoleRefusal.badRequest("DataVirtualHardDiskImage", "DataVirtualHardDiskImage is required, as"
                    + " \"FamilyName:Release\".");
        }
        int colon = image.lastIndexOf(':');
        if (colon <= 0 || colon == image.length() - 1) {
            throw VmRoleRefusal.badRequest("DataVirtualHardDiskImage", "DataVirtualHardDiskImage must be"
                    + " \"FamilyName:Release\"; it is '" + image + "'.");
        }
        UUID source = machines.libraryDisk(subscriptionId, role.stampId(), image.substring(0, colon),
                image.substring(colon + 1)).orElseThrow(() -> VmRoleRefusal.badRequest("DataVirtualHardDiskImage",
                "DataVirtualHardDiskImage '" + image + "' names no library disk available to this subscription on"
                        + " stamp " + role.stampId() + "."));
        if (lunText == null || !lunText.trim().matches("^\\d{1,2}$") || Integer.parseInt(lunText.trim()) > MAX_LUN) {
            throw VmRoleRefusal.badRequest("DiskLun", "DiskLun must be a whole number from 0 to " + MAX_LUN
                    + (lunText == null ? "." : "; it is '" + lunText + "'."));
        }
        int lun = Integer.parseInt(lunText.trim());
        List<InstanceDisk> disks = machines.disks(machine.key());
        disks.stream().filter(d -> !d.operatingSystem() && d.lun() == lun).findFirst().ifPresent(taken -> {
            throw new VmRoleRefusal(Kind.CONFLICT, "Conflict", "DiskLun", "DiskLun " + lun + " of virtual machine '"
                    + machine.getName() + "' is taken by disk " + taken.id() + ".");
        });
        refuseUnlessIn(machine, "add a disk to it", "Running", "PowerOff", "Paused", "Saved");
        refuseStorageOverQuota(role, CloudQuotas.storageGb(machines.maximumSizeOf(source, role.stampId())),
                "DataVirtualHardDiskImage");
        InstanceDisk disk = machines.attachDataDisk(machine.key(), source, lun);
        UUID jobId = submit(JobRequest.builder(subscriptionId, ADD_DISK, "Add virtual hard disk")
                .stampId(role.stampId()).target(machine.getId(), "VM", machine.getName()).owner(principal)
                .cmdletName("New-SCVirtualDiskDrive").parameter(DISK, disk.id().toString()));
        return new Ticket(jobId, disk);
    }

    /**
     * A disk of a stopped machine grows to {@code sizeText} MB (spec 4.4: WTPA stops the machine first); the new
     * capacity is the disk's when the job completes.
     */
    @Transactional
    public Ticket expandDisk(UUID subscriptionId, String cloudServiceName, String roleName, String vmId,
            String diskId, String bodyId, String sizeText, String principal) {
        usableCloudService(subscriptionId, cloudServiceName);
        VmRole role = role(subscriptionId, cloudServiceName, roleName);
        refuseWhileDeprovisioning(role);
        VirtualMachine machine = instance(role, vmId);
        InstanceDisk disk = disk(role, vmId, diskId);
        if (bodyId != null && !bodyId.replaceAll("[{}]", "").trim().equalsIgnoreCase(disk.id().toString())) {
            throw VmRoleRefusal.badRequest("Id", "Id '" + bodyId + "' is not the disk the URL names (" + disk.id()
                    + ").");
        }
        if (sizeText == null || !sizeText.trim().matches("^\\d{1,9}$")) {
            throw VmRoleRefusal.badRequest("DiskSize", "DiskSize must be the new capacity in MB, a whole number"
                    + (sizeText == null ? "." : "; it is '" + sizeText + "'."));
        }
        long megabytes = Long.parseLong(sizeText.trim());
        long currentMb = disk.maximumSize() / (1024 * 1024);
        if (megabytes <= currentMb) {
            throw VmRoleRefusal.badRequest("DiskSize", "DiskSize " + megabytes + " MB does not grow the disk ("
                    + currentMb + " MB now): a disk can only be expanded.");
        }
        if (megabytes > MAX_DISK_MB) {
            throw VmRoleRefusal.badRequest("DiskSize", "DiskSize " + megabytes + " MB is more than a virtual hard"
                    + " disk holds (" + MAX_DISK_MB + " MB).");
        }
        refuseWhileBusy(role, machine);
        refuseUnlessIn(machine, "expand its disk", "PowerOff");
        long bytes = megabytes * 1024 * 1024;
        refuseStorageOverQuota(role, CloudQuotas.storageGb(bytes) - CloudQuotas.storageGb(disk.maximumSize()),
                "DiskSize");
        UUID jobId = submit(JobRequest.builder(subscriptionId, EXPAND_DISK, "Expand virtual hard disk")
                .stampId(role.stampId()).target(machine.getId(), "VM", machine.getName()).owner(principal)
                .cmdletName("Expand-SCVirtualDiskDrive").parameter(DISK, disk.id().toString())
                .parameter(DISK_BYTES, Long.toString(bytes)));
        return new Ticket(jobId, disk);
    }

    /** Removes the role and its machines through a job; the role is Deprovisioning meanwhile. */
    @Transactional
    public Ticket deleteRole(UUID subscriptionId, String cloudServiceName, String roleName, String principal) {
        usableCloudService(subscriptionId, cloudServiceName);
        VmRole role = role(subscriptionId, cloudServiceName, roleName);
        refuseWhileDeprovisioning(role);
        List<VmmKey> instances = machines.instances(subscriptionId, role.id()).stream().map(VirtualMachine::key)
                .toList();
        UUID jobId = submit(JobRequest.builder(subscriptionId, DELETE_ROLE, "Remove VM Role")
                .stampId(role.stampId()).target(role.id(), "VMRole", role.name()).owner(principal)
                .cmdletName("Remove-CloudVMRole").parameter(REMOVING, ids(instances)));
        store.roleRequested(role.id(), DEPROVISIONING, role.instanceCount(), role.nextInstanceNumber(), jobId, now());
        return new Ticket(jobId, role);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** What each instance is made of: the size profile's hardware and the OS image's library disk. */
    private record Sizing(int cpuCount, int memoryMb, UUID osDiskId, long storageGb, String computerNamePattern,
            List<String> networks) {
    }

    private Sizing sizing(UUID subscriptionId, UUID stampId, ResourceDefinition definition,
            Map<String, String> parameters) {
        String sizeMember = "ResourceDefinition.IntrinsicSettings.HardwareProfile.VMSize";
        String size = VmRoleRules.resolve(definition.vmSize(), parameters, sizeMember);
        int[] hardware = store.sizeProfile(size).orElseThrow(() -> VmRoleRefusal.badRequest(sizeMember,
                "VMSize '" + size + "' names no VM Role size profile."));
        String imageMember = "ResourceDefinition.IntrinsicSettings.StorageProfile.OSVirtualHardDiskImage";
        String[] image = VmRoleRules.imageReference(VmRoleRules.resolve(definition.osVirtualHardDiskImage(),
                parameters, imageMember));
        UUID disk = machines.libraryDisk(subscriptionId, stampId, image[0], image[1]).orElseThrow(() ->
                VmRoleRefusal.badRequest(imageMember, "OSVirtualHardDiskImage '" + image[0] + ":" + image[1]
                        + "' names no library disk available to this subscription on stamp " + stampId + "."));
        String pattern = VmRoleRules.resolve(definition.computerNamePattern(), parameters,
                "ResourceDefinition.IntrinsicSettings.OperatingSystemProfile.ComputerNamePattern");
        List<String> networks = new ArrayList<>();
        for (String reference : definition.networkRefs()) {
            networks.add(VmRoleRules.resolve(reference, parameters,
                    "ResourceDefinition.IntrinsicSettings.NetworkProfile.NetworkAdapters.NetworkRef"));
        }
        return new Sizing(hardware[0], hardware[1], disk, machines.storageGbOf(disk, stampId), pattern, networks);
    }

    private List<VmmKey> newInstances(VmRole role, ResourceDefinition definition, Map<String, String> parameters,
            Sizing sizing, int firstNumber, int count, String principal, UUID jobId) {
        List<NewInstance> instances = new ArrayList<>();
        List<NewVmNetworkAdapterInput> adapters = networkAdapters.adaptersFor(role.subscriptionId(), role.stampId(),
                sizing.networks());
        for (String computerName : VmRoleRules.computerNames(sizing.computerNamePattern(), role.name(), firstNumber,
                count)) {
            instances.add(new NewInstance(computerName, adapters));
        }
        return machines.create(new RoleHardware(role.subscriptionId(), role.stampId(), role.cloudId(), role.id(),
                role.name(), sizing.cpuCount(), sizing.memoryMb(), sizing.osDiskId()), instances, principal, jobId);
    }

    private void refuseOverQuota(UUID subscriptionId, UUID cloudId, UUID stampId, Sizing sizing, int count,
            String member) {
        QuotaDimension over = quotas.exceededBy(subscriptionId, cloudId, stampId, count,
                (long) sizing.cpuCount() * count, (long) sizing.memoryMb() * count, sizing.storageGb() * count);
        if (over != null) {
            throw new VmRoleRefusal(Kind.INVALID, "QuotaExceeded", member, count + " more virtual machine(s) of"
                    + " this role would exceed the " + over + " quota of this subscription in cloud " + cloudId + ".");
        }
    }

    /**
     * The cloud (id, stamp) the subscription's VM Roles go to, and whose stamp its cloud-service jobs carry (a VMM
     * job is keyed by ID and StampId).
     */
    private UUID[] firstCloud(UUID subscriptionId) {
        return store.firstCloud(subscriptionId).orElseThrow(() -> new VmRoleRefusal(Kind.INVALID, "NoCloud", null,
                "The subscription's plan offers no cloud to deploy cloud services and VM Roles to."));
    }

    private CloudService usableCloudService(UUID subscriptionId, String name) {
        CloudService service = cloudService(subscriptionId, name);
        if (DEPROVISIONING.equals(service.provisioningState())) {
            throw new VmRoleRefusal(Kind.CONFLICT, "Conflict", null, "The cloud service '" + service.name()
                    + "' is being removed.");
        }
        return service;
    }

    /** One change at a time: none while a job works on the role or on the machine. */
    private void refuseWhileBusy(VmRole role, VirtualMachine machine) {
        jobs.activeJobOn(role.id()).ifPresent(running -> {
            throw busy("VM Role '" + role.name() + "'", running);
        });
        jobs.activeJobOn(machine.getId()).ifPresent(running -> {
            throw busy("Virtual machine '" + machine.getName() + "'", running);
        });
    }

    /** The machine must be in one of these VMM states (PowerOff is the role API's Stopped). */
    private static void refuseUnlessIn(VirtualMachine machine, String what, String... states) {
        if (!List.of(states).contains(machine.getStatus())) {
            throw new VmRoleRefusal(Kind.CONFLICT, "Conflict", "RuntimeState", "Virtual machine '"
                    + machine.getName() + "' is " + runtimeState(machine.getStatus()) + ": to " + what + " it must be "
                    + String.join(" or ", List.of(states).stream().map(VmRoleLifecycle::runtimeState).toList())
                    + ".");
        }
    }

    private static String runtimeState(String status) {
        return "PowerOff".equals(status) ? "Stopped" : status;
    }

    private void refuseStorageOverQuota(VmRole role, long storageGb, String member) {
        QuotaDimension over = quotas.exceededBy(role.subscriptionId(), role.cloudId(), role.stampId(), 0, 0, 0,
                storageGb);
        if (over != null) {
            throw new VmRoleRefusal(Kind.INVALID, "QuotaExceeded", member, storageGb + " GB more would exceed the "
                    + over + " quota of this subscription in cloud " + role.cloudId() + ".");
        }
    }

    private static void refuseWhileDeprovisioning(VmRole role) {
        if (DEPROVISIONING.equals(role.provisioningState())) {
            throw new VmRoleRefusal(Kind.CONFLICT, "Conflict", null, "The VM Role '" + role.name()
                    + "' is being removed.");
        }
    }

    /** The definition a role was created from, read back from what was stored. */
    private ResourceDefinition storedDefinition(VmRole role) {
        return definitions.parse(role.resourceDefinitionJson());
    }

    private Map<String, String> storedParameters(VmRole role) {
        return definitions.parameterText(role.parameterValuesJson());
    }

    private UUID submit(JobRequest.Builder request) {
        try {
            return jobs.submit(request.build()).id();
        } catch (TargetBusyException e) {
            throw busy("The object", e.runningJobId());
        }
    }

    private void requireSubscription(UUID subscriptionId) {
        if (!subscriptions.exists(subscriptionId)) {
            throw new VmRoleRefusal(Kind.NOT_FOUND, "SubscriptionNotFound", null, "The subscription '"
                    + subscriptionId + "' was not found.");
        }
    }

    private static VmRoleRefusal alreadyExists(String what, String name) {
        return new VmRoleRefusal(Kind.CONFLICT, "ResourceAlreadyExists", "Name", "A " + what + " named '" + name
                + "' already exists.");
    }

    private static VmRoleRefusal busy(String what, UUID runningJob) {
        return new VmRoleRefusal(Kind.CONFLICT, "Conflict", null, what + " is in use by job " + runningJob
                + "; try again when it has finished.");
    }

    private static String ids(List<VmmKey> keys) {
        return keys.stream().map(k -> k.getId().toString()).collect(Collectors.joining(","));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
