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
        UUID id = service.getId();
        UUID stampId = service.getStampId();
        OffsetDateTime now = now();
        // With a job, each table gets one statement: the new state and the job together.
        boolean deployed = phase == Phase.RUNNING; // machines left running have been deployed
        if (jobId == null) {
            machines.setPowerState(id, stampId, state, now);
            if (deployed) {
                machines.setDeploymentState(id, stampId, ServiceStates.DEPLOYED, now);
            }
        } else if (deployed) {
            machines.setPowerAndDeploymentStateByJob(id, stampId, state, ServiceStates.DEPLOYED, jobId, now);
        } else {
            machines.setPowerStateByJob(id, stampId, state, jobId, now);
        }
        // The tiers of a service whose deployment failed show it, as the service's OverallStatus does.
        TierState tierState = deployed ? new TierState(ServiceStates.DEPLOYED, ComputerTier.STATUS_OK)
                : phase == Phase.CREATION_FAILED
                        ? new TierState(ServiceStates.DEPLOYMENT_FAILED, ComputerTier.STATUS_NEEDS_ATTENTION) : null;
        if (tierState == null) {
            if (jobId != null) {
                tiers.setFailedJob(id, stampId, null, now);
            }
        } else if (jobId == null) {
            tiers.setState(id, stampId, tierState.deploymentState(), tierState.status(), now);
        } else {
            tiers.setStateByJob(id, stampId, tierState.deploymentState(), tierState.status(), now);
        }
    }

    /** What a phase makes the service's computer tiers show. */
    private record TierState(String deploymentState, String status) {
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
