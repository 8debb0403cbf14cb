package io.localpack.vmm.vm;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The updates of all machines of a service at once, which every service job makes (part of
 * {@link VirtualMachineRepository}). Each flushes pending changes first and then runs one UPDATE in the caller's
 * transaction; it does not refresh VirtualMachine objects already loaded in that transaction.
 */
public interface ServiceMachineUpdates {

    /**
     * Sets the status of every machine of a service, e.g. to {@code PoweringOff}/"Powering Off" and then
     * {@code PowerOff}/"Power Off" while the service stops.
     *
     * @return how many machines changed
     */
    int setPowerState(UUID serviceId, UUID stampId, String status, String statusString, String virtualMachineState,
            OffsetDateTime now);

    /**
     * Points every machine of a service at the job that last worked on it, and at the job that failed (null clears
     * FailedJobID), as VMM does for the objects a job touches.
     *
     * @return how many machines changed
     */
    int setJobs(UUID serviceId, UUID stampId, UUID jobId, UUID failedJobId, OffsetDateTime now);

    /**
     * {@link #setPowerState} and {@link #setJobs} with no failed job, in one statement: the state a job leaves the
     * machines in, and the job.
     *
     * @return how many machines changed
     */
    int setPowerStateByJob(UUID serviceId, UUID stampId, String status, String statusString,
            String virtualMachineState, UUID jobId, OffsetDateTime now);

    /**
     * {@link #setPowerStateByJob} that also sets the DeploymentState, in the same statement: a job that leaves the
     * machines running has deployed them.
     *
     * @return how many machines changed
     */
    int setPowerAndDeploymentStateByJob(UUID serviceId, UUID stampId, String status, String statusString,
            String virtualMachineState, String deploymentState, UUID jobId, OffsetDateTime now);

    /** Sets the DeploymentState of every machine of a service, e.g. "Deploying" then "Deployed". */
    int setDeploymentState(UUID serviceId, UUID stampId, String deploymentState, OffsetDateTime now);
}
