package io.localpack.vmm.job;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobNotRestartableException;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.EntityReader;
import io.localpack.vmm.odata.WritableEntitySet;
import io.localpack.vmm.odata.EntitySetBindingBase;
import io.localpack.vmm.odata.PolledForStatus;
import io.localpack.vmm.odata.EntityWriter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Jobs} entity set: the VMM jobs of the subscription (ASM operations share the table but have no stamp and
 * are not VMM jobs). Readable by key and by {@code $filter=ID eq guid'…'} without StampId, as clients poll.
 */
@Component
public class JobODataBinding extends EntitySetBindingBase<JobRecord> implements WritableEntitySet, PolledForStatus {

    private static final Map<String, String> QUERYABLE = Map.ofEntries(
            Map.entry("ID", "id"), Map.entry("StampId", "stampId"), Map.entry("Name", "name"),
            Map.entry("CmdletName", "cmdletName"), Map.entry("StatusString", "statusString"),
            Map.entry("ProgressValue", "progressValue"), Map.entry("StartTime", "createdTime"),
            Map.entry("EndTime", "endTime"), Map.entry("Owner", "owner"), Map.entry("IsCompleted", "completed"),
            Map.entry("IsRestartable", "restartable"), Map.entry("TargetObjectID", "targetObjectId"),
            Map.entry("TargetObjectType", "targetObjectType"), Map.entry("ResultObjectID", "resultObjectId"));

    private final EntityManager entityManager;
    private final JobService jobs;

    public JobODataBinding(EntityManager entityManager, JobService jobs) {
        super(VmmEdmProvider.JOBS, JobRecord.class, QUERYABLE);
        this.entityManager = entityManager;
        this.jobs = jobs;
    }

    @Override
    public void statusRead(UUID subscriptionId, Collection<UUID> ids) {
        jobs.statusRead(subscriptionId, ids);
    }

    @Override
    public UUID idOf(Object row) {
        return ((JobRecord) row).getId();
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

    @Override
    public Predicate visibleTo(UUID subscriptionId, Root<JobRecord> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
        return cb.and(cb.equal(root.get("subscriptionId"), subscriptionId), cb.isNotNull(root.get("stampId")));
    }

    @Override
    public Optional<JobRecord> find(UUID subscriptionId, UUID id, UUID stampId) {
        return entityManager.createQuery("select j from JobRecord j where j.subscriptionId = :subscriptionId"
                        + " and j.id = :id and j.stampId = :stampId", JobRecord.class)
                .setParameter("subscriptionId", subscriptionId).setParameter("id", id).setParameter("stampId", stampId)
                .getResultList().stream().findFirst();
    }

    @Override
    public Entity toEntity(JobRecord job, UUID subscriptionId) {
        return EntityWriter.entity(VmmEdmProvider.JOB.getFullQualifiedNameAsString())
                .primitive("ID", job.getId())
                .primitive("Name", job.getName())
                .primitive("CurrentStepId", null)
                .primitive("RootStepId", null)
                .primitive("CmdletName", job.getCmdletName())
                .primitive("EndTime", job.getEndTime())
                .primitive("IsCompleted", job.isCompleted())
                .primitive("IsRestartable", job.isRestartable())
                .primitive("IsStoppable", false)
                .primitive("IsVisible", true)
                .primitive("Owner", job.getOwner())
                .primitive("OwnerSID", null)
                .primitive("ProgressValue", job.getProgressValue())
                .primitive("Progress", job.getProgressValue() + " %")
                .primitive("ResultObjectTypeName", job.getResultObjectType())
                .primitive("ResultName", job.getResultName())
                .primitive("Source", "")
                .primitive("StartTime", job.getStartTime())
                .primitive("Status", job.getStatus())
                .primitive("StatusString", job.getStatusString())
                .primitive("Target", job.getTargetObjectName() == null ? "" : job.getTargetObjectName())
                .primitive("TargetObjectID", job.getTargetObjectId())
                .complex("Description", EntityWriter.complex()
                        .primitive("CanSkipLastFailedStep", job.isRestartable())
                        .primitive("Code", job.getDescriptionCode())
                        .primitive("DescriptionCodeString", job.getDescriptionCodeString())
                        .primitive("IsRestartable", job.isRestartable())
                        .primitive("IsStoppable", false)
                        .primitive("Name", job.getName())
                        .primitive("RequiresCredentialsForRestart", false)
                        .toComplex())
                .primitive("WasNotifiedOfCancel", false)
                .primitive("PROTipID", null)
                .primitive("ResultObjectID", job.getResultObjectId())
                .primitive("TargetObjectType", job.getTargetObjectType())
                .primitive("AreAuditRecordsAvailable", false)
                .primitive("ResultObjectType", job.getResultObjectType())
                .primitive("StampId", job.getStampId())
                .primitive("StepsLoaded", false)
                .primitive("UserName", null)
                .primitive("Password", null)
                .primitive("SkipLastFailedStep", null)
                .complex("ErrorInfo", errorInfo(job))
                .complexCollection("AdditionalMessages", List.of())
                .toEntity();
    }

    /** VMM fills ErrorInfo on success too: code 0, "Success", IsSuccess true. */
    private static ComplexValue errorInfo(JobRecord job) {
        boolean failed = job.getErrorCode() != null;
        String code = failed ? Integer.toString(job.getErrorCode()) : "0";
        return EntityWriter.complex()
                .primitive("CloudProblem", "")
                .primitive("Code", failed ? job.getErrorName() : "Success")
                .primitive("DetailedCode", 0)
                .primitive("DetailedErrorCode", "")
                .primitive("DetailedSource", failed && job.getErrorDetailedSource() != null
                        ? job.getErrorDetailedSource() : "None")
                .primitive("DisplayableErrorCode", code)
                .primitive("ErrorCodeString", code)
                .primitive("ErrorType", failed && job.getErrorType() != null ? job.getErrorType() : "Error")
                .primitive("ExceptionDetails", failed && job.getErrorExceptionDetails() != null
                        ? job.getErrorExceptionDetails() : "")
                .primitive("IsConditionallyTerminating", false)
                .primitive("IsDeploymentBlocker", false)
                .primitive("IsMomAlert", false)
                .primitive("IsSuccess", !failed)
                .primitive("IsTerminating", failed && Boolean.TRUE.equals(job.getErrorTerminating()))
                .primitive("MessageParameters", "")
                .primitive("MomAlertSeverity", "Error")
                .primitive("Problem", failed ? job.getErrorProblem() : "")
                .primitive("RecommendedAction", failed && job.getErrorRecommendedAction() != null
                        ? job.getErrorRecommendedAction() : "")
                .primitive("RecommendedActionCLI", failed && job.getErrorRecommendedAction() != null
                        ? job.getErrorRecommendedAction() : "")
                .primitive("ShowDetailedError", false)
                .toComplex();
    }
}
