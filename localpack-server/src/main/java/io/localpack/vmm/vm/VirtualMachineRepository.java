package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Virtual machines by key and by service. The bulk updates ({@link ServiceMachineUpdates} and the delete) run as
 * single UPDATE/DELETE statements and join the caller's transaction; they flush pending changes first but do not
 * refresh VirtualMachine objects already loaded in that transaction (they would read stale values), and they leave
 * other managed objects, such as the job's Service, attached.
 */
public interface VirtualMachineRepository extends JpaRepository<VirtualMachine, VmmKey>, ServiceMachineUpdates {

    /**
     * A machine of the subscription, by its full key: another tenant's machine is as absent as a missing one. A load
     * by primary key, not a query: no query interpretation per request, and a machine already loaded in the
     * transaction is not read again.
     */
    default Optional<VirtualMachine> findOwned(UUID subscriptionId, UUID id, UUID stampId) {
        return findById(new VmmKey(id, stampId)).filter(machine -> subscriptionId.equals(machine.getSubscriptionId()));
    }

    /** The instances of a VM Role of the subscription, by name (the order of their computer-name numbers). */
    @Query("select v from VirtualMachine v where v.subscriptionId = :subscriptionId and v.vmRoleId = :roleId"
            + " order by v.name")
    List<VirtualMachine> findByRole(@Param("subscriptionId") UUID subscriptionId, @Param("roleId") UUID roleId);

    /** The machines of one service (in no particular order). */
    List<VirtualMachine> findByServiceIdAndStampId(UUID serviceId, UUID stampId);

    /** {@link #setPowerState(UUID, UUID, String, String, String, OffsetDateTime)} with a state of
     * {@link VirtualMachineStates}. */
    default int setPowerState(UUID serviceId, UUID stampId, VirtualMachineStates.PowerState state,
            OffsetDateTime now) {
        return setPowerState(serviceId, stampId, state.status(), state.statusString(), state.virtualMachineState(), now);
    }

    /** {@link #setPowerStateByJob(UUID, UUID, String, String, String, UUID, OffsetDateTime)} with a state. */
    default int setPowerStateByJob(UUID serviceId, UUID stampId, VirtualMachineStates.PowerState state, UUID jobId,
            OffsetDateTime now) {
        return setPowerStateByJob(serviceId, stampId, state.status(), state.statusString(),
                state.virtualMachineState(), jobId, now);
    }

    /** {@link #setPowerAndDeploymentStateByJob(UUID, UUID, String, String, String, String, UUID, OffsetDateTime)}
     * with a state. */
    default int setPowerAndDeploymentStateByJob(UUID serviceId, UUID stampId, VirtualMachineStates.PowerState state,
            String deploymentState, UUID jobId, OffsetDateTime now) {
        return setPowerAndDeploymentStateByJob(serviceId, stampId, state.status(), state.statusString(),
                state.virtualMachineState(), deploymentState, jobId, now);
    }

    /**
     * Deletes the machines of a service. Deleting the service row deletes them too (ON DELETE CASCADE); this is for a
     * delete job that removes the machines first, as VMM does.
     *
     * @return how many machines were deleted
     */
    @Transactional
    @Modifying(flushAutomatically = true)
    @Query("delete from VirtualMachine v where v.serviceId = :serviceId and v.stampId = :stampId")
    int deleteByService(@Param("serviceId") UUID serviceId, @Param("stampId") UUID stampId);
}
