package io.localpack.vmm.job;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.jobs.JobService;
import io.localpack.vmm.model.ComplexTypeDeclaration;
import io.localpack.vmm.model.EntitySetDeclaration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code Jobs} entity set: the VMM jobs of the subscription (ASM operations share the table but have no stamp and
 * are not VMM jobs). Readable by key and by {@code $filter=ID eq guid'…'} without StampId, as clients poll; a PUT
 * restarts a failed job.
 */
@Configuration(proxyBeanMethods = false)
public class JobEntitySet {

    /** Read from the job itself: LocalPack stores the few members that vary. */
    static final ComplexTypeDeclaration<JobRecord> JOB_DESCRIPTION =
            ComplexTypeDeclaration.builder("JobDescription", JobRecord.class)
                    .property("CanSkipLastFailedStep", BOOLEAN, JobRecord::isRestartable)
                    .property("Code", STRING, JobRecord::getDescriptionCode)
                    .property("DescriptionCodeString", STRING, JobRecord::getDescriptionCodeString)
                    .property("IsRestartable", BOOLEAN, JobRecord::isRestartable)
                    .property("IsStoppable", BOOLEAN, job -> false)
                    .property("Name", STRING, JobRecord::getName)
                    .property("RequiresCredentialsForRestart", BOOLEAN, job -> false)
                    .build();

    /** Read from the job itself; VMM fills it on success too: code 0, "Success", IsSuccess true. */
    static final ComplexTypeDeclaration<JobRecord> ERROR_INFO =
            ComplexTypeDeclaration.builder("ErrorInfo", JobRecord.class)
                    .property("CloudProblem", STRING, job -> "")
                    .property("Code", STRING, job -> failed(job) ? job.getErrorName() : "Success")
                    .property("DetailedCode", INT32, job -> 0)
                    .property("DetailedErrorCode", STRING, job -> "")
                    .property("DetailedSource", STRING, job -> orDefault(job, job.getErrorDetailedSource(), "None"))
                    .property("DisplayableErrorCode", STRING, JobEntitySet::errorCode)
                    .property("ErrorCodeString", STRING, JobEntitySet::errorCode)
                    .property("ErrorType", STRING, job -> orDefault(job, job.getErrorType(), "Error"))
                    .property("ExceptionDetails", STRING, job -> orDefault(job, job.getErrorExceptionDetails(), ""))
                    .property("IsConditionallyTerminating", BOOLEAN, job -> false)
                    .property("IsDeploymentBlocker", BOOLEAN, job -> false)
                    .property("IsMomAlert", BOOLEAN, job -> false)
                    .property("IsSuccess", BOOLEAN, job -> !failed(job))
                    .property("IsTerminating", BOOLEAN,
                            job -> failed(job) && Boolean.TRUE.equals(job.getErrorTerminating()))
                    .property("MessageParameters", STRING, job -> "")
                    .property("MomAlertSeverity", STRING, job -> "Error")
                    .property("Problem", STRING, job -> failed(job) ? job.getErrorProblem() : "")
                    .property("RecommendedAction", STRING,
                            job -> orDefault(job, job.getErrorRecommendedAction(), ""))
                    .property("RecommendedActionCLI", STRING,
                            job -> orDefault(job, job.getErrorRecommendedAction(), ""))
                    .property("ShowDetailedError", BOOLEAN, job -> false)
                    .build();

    /** VMM.Job in the order of the SPF $metadata (see shared/spec/vmm-states.md 3.1). */
    @Bean
    @Order(40)
    EntitySetDeclaration<JobRecord> jobs(JobWrites writes, JobService jobs) {
        return EntitySetDeclaration.builder("Jobs", "Job", JobRecord.class)
                .key("ID", JobRecord::getId).queryable("id")
                .property("Name", STRING, JobRecord::getName).queryable("name")
                .property("CurrentStepId", GUID, job -> null)
                .property("RootStepId", GUID, job -> null)
                .property("CmdletName", STRING, JobRecord::getCmdletName).queryable("cmdletName")
                .property("EndTime", DATE_TIME, JobRecord::getEndTime).queryable("endTime")
                .property("IsCompleted", BOOLEAN, JobRecord::isCompleted).queryable("completed")
                .property("IsRestartable", BOOLEAN, JobRecord::isRestartable).queryable("restartable")
                .property("IsStoppable", BOOLEAN, job -> false)
                .property("IsVisible", BOOLEAN, job -> true)
                .property("Owner", STRING, JobRecord::getOwner).queryable("owner")
                .property("OwnerSID", STRING, job -> null)
                .property("ProgressValue", INT32, JobRecord::getProgressValue).queryable("progressValue")
                .property("Progress", STRING, job -> job.getProgressValue() + " %")
                .property("ResultObjectTypeName", STRING, JobRecord::getResultObjectType)
                .property("ResultName", STRING, JobRecord::getResultName)
                .property("Source", STRING, job -> "")
                // $filter and $orderby use the creation time, which every job has from the start
                .property("StartTime", DATE_TIME, JobRecord::getStartTime).queryable("createdTime")
                .property("Status", STRING, JobRecord::getStatus)
                .property("StatusString", STRING, JobRecord::getStatusString).queryable("statusString")
                .property("Target", STRING, job -> job.getTargetObjectName() == null ? "" : job.getTargetObjectName())
                .property("TargetObjectID", GUID, JobRecord::getTargetObjectId).queryable("targetObjectId")
                .complex("Description", JOB_DESCRIPTION, job -> job)
                .property("WasNotifiedOfCancel", BOOLEAN, job -> false)
                .property("PROTipID", GUID, job -> null)
                .property("ResultObjectID", GUID, JobRecord::getResultObjectId).queryable("resultObjectId")
                .property("TargetObjectType", STRING, JobRecord::getTargetObjectType).queryable("targetObjectType")
                .property("AreAuditRecordsAvailable", BOOLEAN, job -> false)
                .property("ResultObjectType", STRING, JobRecord::getResultObjectType)
                .key("StampId", JobRecord::getStampId).queryable("stampId")
                .property("StepsLoaded", BOOLEAN, job -> false)
                // a restart's credentials, as SPF documents them: accepted, neither stored nor echoed
                .property("UserName", STRING, job -> null).writable()
                .property("Password", STRING, job -> null).writable()
                .property("SkipLastFailedStep", BOOLEAN, job -> null).writable()
                .complex("ErrorInfo", ERROR_INFO, job -> job)
                .complexCollection("AdditionalMessages", ERROR_INFO, job -> List.of())
                .scope((subscriptionId, root, query, cb) -> cb.and(cb.equal(root.get("subscriptionId"), subscriptionId),
                        cb.isNotNull(root.get("stampId"))), writes::find)
                .writes(writes)
                .statusReads(jobs::statusRead)
                .build();
    }

    private static boolean failed(JobRecord job) {
        return job.getErrorCode() != null;
    }

    private static String errorCode(JobRecord job) {
        return failed(job) ? Integer.toString(job.getErrorCode()) : "0";
    }

    /** A failed job's own value where it has one, else what VMM shows. */
    private static String orDefault(JobRecord job, String value, String otherwise) {
        return failed(job) && value != null ? value : otherwise;
    }
}
