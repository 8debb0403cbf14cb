package io.localpack.vmm.job;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobNotRestartableException;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.odata.EntityReader;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tenants' writes to the {@code Jobs} entity set, and the lookup of one job by key. */
@Component
public class JobWrites implements WritableEntitySet {

    private final EntityManager entityManager;
    private final JobService jobs;

    public JobWrites(EntityManager entityManager, JobService jobs) {
        this.entityManager = entityManager;
        this.jobs = jobs;
    }

    // --- writes: PUT restarts a failed job; jobs are never created or deleted by tenants ---

    @Override
    public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
        throw VmmRequestException.notAllowed("Jobs are created by the operations they run, not by POST");
    }

    /**
     * Restarts a failed, restartable job (VMM's Restart-SCJob). UserName and Password are accepted as SPF documents
     * them, and neither stored nor echoed: LocalPack runs no credentials.
     */
    @Override
    @Transactional
    public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
        if (find(subscriptionId, id, stampId).isEmpty()) {
            throw VmmRequestException.notFound("Job (ID=" + id + ",StampId=" + stampId + ") not found");
        }
        boolean skipLastFailedStep = Boolean.TRUE.equals(EntityReader.of(body).bool("SkipLastFailedStep"));
        try {
            Job job = jobs.restart(subscriptionId, id, skipLastFailedStep);
            return new WriteOutcome(new VmmKey(job.id(), job.stampId()), job.id());
        } catch (JobNotRestartableException e) {
            throw VmmRequestException.invalid(e.getMessage());
        } catch (TargetBusyException e) {
            throw VmmRequestException.locked(e.runningJobId());
        }
    }

    @Override
    public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        throw VmmRequestException.notAllowed("Jobs cannot be deleted");
    }

    /** A VMM job of the subscription by key. */
    public Optional<JobRecord> find(UUID subscriptionId, UUID id, UUID stampId) {
        return entityManager.createQuery("select j from JobRecord j where j.subscriptionId = :subscriptionId"
                        + " and j.id = :id and j.stampId = :stampId", JobRecord.class)
                .setParameter("subscriptionId", subscriptionId).setParameter("id", id).setParameter("stampId", stampId)
                .getResultList().stream().findFirst();
    }
}
