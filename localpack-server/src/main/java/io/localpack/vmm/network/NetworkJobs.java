package io.localpack.vmm.network;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Queues the job of a network write, in the caller's transaction; one unfinished job per object (VMM's lock). */
@Component
class NetworkJobs {

    /** A queued job and the object it works on: the write's answer. */
    record Ticket(VmmKey object, UUID jobId) {
    }

    private final JobService jobs;

    NetworkJobs(JobService jobs) {
        this.jobs = jobs;
    }

    Ticket submit(UUID subscriptionId, NetworkObject object, NetworkObject.Action action, VmmKey key, String name,
            String principal, Map<String, String> parameters) {
        JobRequest.Builder request = JobRequest.builder(subscriptionId, object.jobKind(action),
                        object.jobName(action))
                .stampId(key.getStampId())
                .target(key.getId(), object.typeName(), name)
                .owner(principal)
                .cmdletName(object.cmdlet(action))
                .restartable(true);
        parameters.forEach(request::parameter);
        try {
            Job job = jobs.submit(request.build());
            return new Ticket(key, job.id());
        } catch (TargetBusyException e) {
            throw VmmRequestException.locked(e.runningJobId());
        }
    }
}
