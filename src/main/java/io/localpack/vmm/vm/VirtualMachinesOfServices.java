package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.service.Service;
import io.localpack.vmm.service.ServiceMachines;
import io.localpack.vmm.service.ServiceStates;
import io.localpack.vmm.template.ServiceTemplate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The virtual machines side of the service life cycle, over {@link VirtualMachineRepository}. */
@Component
public class VirtualMachinesOfServices implements ServiceMachines {

    private final VirtualMachineRepository machines;
    private final Clock clock;

    public VirtualMachinesOfServices(VirtualMachineRepository machines, Clock clock) {
        this.machines = machines;
        this.clock = clock;
    }

    @Override
    public void create(Service service, ServiceTemplate template) {
        machines.saveAll(VirtualMachine.forNewService(service, ComputerTierPlan.forTemplate(template.getName()),
                VirtualMachineStates.UNDER_CREATION_STATE, ServiceStates.DEPLOYING, now()));
    }

    @Override
    public void moveTo(VmmKey service, Phase phase) {
        VirtualMachineStates.PowerState state = switch (phase) {
            case CREATING -> VirtualMachineStates.UNDER_CREATION_STATE;
            case RUNNING -> VirtualMachineStates.RUNNING_STATE;
            case STOPPING -> VirtualMachineStates.POWERING_OFF_STATE;
            case STOPPED -> VirtualMachineStates.POWER_OFF_STATE;
            case STARTING -> VirtualMachineStates.STARTING_STATE;
            case CREATION_FAILED -> VirtualMachineStates.CREATION_FAILED_STATE;
            case DELETING -> VirtualMachineStates.DELETING_STATE;
        };
        machines.setPowerState(service.getId(), service.getStampId(), state, now());
        if (phase == Phase.RUNNING) {
            machines.setDeploymentState(service.getId(), service.getStampId(), ServiceStates.DEPLOYED, now());
        }
    }

    @Override
    public void recordJob(VmmKey service, UUID jobId, UUID failedJobId) {
        machines.setJobs(service.getId(), service.getStampId(), jobId, failedJobId, now());
    }

    @Override
    public void deleteAll(VmmKey service) {
        machines.deleteByService(service.getId(), service.getStampId());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
