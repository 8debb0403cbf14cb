package io.localpack.vmm.vm;

import io.localpack.jobs.HeldObjects;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.service.Service;
import io.localpack.vmm.service.ServiceMachines;
import io.localpack.vmm.service.ServiceStates;
import io.localpack.vmm.template.ServiceTemplate;
import io.localpack.vmm.tier.ComputerTier;
import io.localpack.vmm.tier.ComputerTierRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The virtual machines side of the service life cycle, over {@link VirtualMachineRepository}, together with the
 * computer tiers the machines belong to ({@link ComputerTierRepository}).
 */
@Component
public class VirtualMachinesOfServices implements ServiceMachines {

    private final VirtualMachineRepository machines;
    private final ComputerTierRepository tiers;
    private final Clock clock;

    public VirtualMachinesOfServices(VirtualMachineRepository machines, ComputerTierRepository tiers, Clock clock) {
        this.machines = machines;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** Creates one ComputerTier per tier of the template's plan, then the tier's machines pointing at it. */
    @Override
    public void create(Service service, ServiceTemplate template) {
        OffsetDateTime now = now();
        List<ComputerTierPlan> plan = ComputerTierPlan.forTemplate(template.getName());
        Map<String, UUID> tierIds = new LinkedHashMap<>();
        for (ComputerTierPlan tier : plan) {
            ComputerTier row = tiers.save(ComputerTier.forNewService(service, tier.name(), tier.instanceCount(),
                    ServiceStates.DEPLOYING, now));
            tierIds.put(tier.name(), row.getId());
        }
        machines.saveAll(VirtualMachine.forNewService(service, plan, tierIds,
                VirtualMachineStates.UNDER_CREATION_STATE, ServiceStates.DEPLOYING, now));
    }

    @Override
    public void moveTo(VmmKey service, Phase phase, UUID jobId) {
        VirtualMachineStates.PowerState state = switch (phase) {
            case CREATING -> VirtualMachineStates.UNDER_CREATION_STATE;
            case RUNNING -> VirtualMachineStates.RUNNING_STATE;
            case STOPPING -> VirtualMachineStates.POWERING_OFF_STATE;
            case STOPPED -> VirtualMachineStates.POWER_OFF_STATE;
            case STARTING -> VirtualMachineStates.STARTING_STATE;
            case CREATION_FAILED -> VirtualMachineStates.CREATION_FAILED_STATE;
            case DELETING -> VirtualMachineStates.DELETING_STATE;
        };
        if (jobId == null) {
            machines.setPowerState(service.getId(), service.getStampId(), state, now());
        } else {
            machines.setPowerStateByJob(service.getId(), service.getStampId(), state, jobId, now());
            tiers.setFailedJob(service.getId(), service.getStampId(), null, now());
        }
        if (phase == Phase.RUNNING) {
            machines.setDeploymentState(service.getId(), service.getStampId(), ServiceStates.DEPLOYED, now());
            tiers.setState(service.getId(), service.getStampId(), ServiceStates.DEPLOYED, ComputerTier.STATUS_OK,
                    now());
        } else if (phase == Phase.CREATION_FAILED) {
            // The tiers of a service whose deployment failed show it, as the service's OverallStatus does.
            tiers.setState(service.getId(), service.getStampId(), ServiceStates.DEPLOYMENT_FAILED,
                    ComputerTier.STATUS_NEEDS_ATTENTION, now());
        }
    }

    @Override
    public void recordJob(VmmKey service, UUID jobId, UUID failedJobId) {
        machines.setJobs(service.getId(), service.getStampId(), jobId, failedJobId, now());
        tiers.setFailedJob(service.getId(), service.getStampId(), failedJobId, now());
    }

    /** Machines first, then the tiers they belong to (deleting the service would cascade to both anyway). */
    @Override
    public void deleteAll(VmmKey service) {
        machines.deleteByService(service.getId(), service.getStampId());
        tiers.deleteByService(service.getId(), service.getStampId());
    }

    @Override
    public HeldObjects heldWith(VmmKey service) {
        return new HeldObjects("SELECT id FROM virtual_machines WHERE service_id = ? AND stamp_id = ?",
                service.getId(), service.getStampId());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
