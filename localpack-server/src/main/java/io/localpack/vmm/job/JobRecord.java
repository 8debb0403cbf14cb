package io.localpack.vmm.job;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of the job engine's {@code jobs} table as the VMM {@code Jobs} entity set reads it. Read-only: the engine
 * ({@link io.localpack.jobs.JobService}) owns every write.
 */
@Entity
@Immutable
@Table(name = "jobs")
@IdClass(VmmKey.class)
public class JobRecord {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    private String name;
    @Column(name = "description_code")
    private String descriptionCode;
    @Column(name = "description_code_string")
    private String descriptionCodeString;
    @Column(name = "cmdlet_name")
    private String cmdletName;
    private String status;
    @Column(name = "status_string")
    private String statusString;
    @Column(name = "progress_value")
    private int progressValue;
    @Column(name = "start_time")
    private OffsetDateTime startTime;
    @Column(name = "end_time")
    private OffsetDateTime endTime;
    @Column(name = "created_time")
    private OffsetDateTime createdTime;
    private String owner;
    @Column(name = "target_object_id")
    private UUID targetObjectId;
    @Column(name = "target_object_type")
    private String targetObjectType;
    @Column(name = "target_object_name")
    private String targetObjectName;
    @Column(name = "result_object_id")
    private UUID resultObjectId;
    @Column(name = "result_object_type")
    private String resultObjectType;
    @Column(name = "result_name")
    private String resultName;
    @Column(name = "is_restartable")
    private boolean restartable;
    @Column(name = "is_completed")
    private boolean completed;
    @Column(name = "error_code")
    private Integer errorCode;
    @Column(name = "error_name")
    private String errorName;
    @Column(name = "error_problem")
    private String errorProblem;
    @Column(name = "error_recommended_action")
    private String errorRecommendedAction;
    @Column(name = "error_type")
    private String errorType;
    @Column(name = "error_detailed_source")
    private String errorDetailedSource;
    @Column(name = "error_exception_details")
    private String errorExceptionDetails;
    @Column(name = "error_is_terminating")
    private Boolean errorTerminating;

    protected JobRecord() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public String getName() {
        return name;
    }

    public String getDescriptionCode() {
        return descriptionCode;
    }

    public String getDescriptionCodeString() {
        return descriptionCodeString;
    }

    public String getCmdletName() {
        return cmdletName;
    }

    /** VMM's Status token: a job waiting for a runner is already "Running" to VMM clients. */
    public String getStatus() {
        return "Queued".equals(status) ? "Running" : status;
    }

    public String getStatusString() {
        return statusString;
    }

    public int getProgressValue() {
        return progressValue;
    }

    public OffsetDateTime getStartTime() {
        return startTime != null ? startTime : createdTime;
    }

    public OffsetDateTime getEndTime() {
        return endTime;
    }

    public String getOwner() {
        return owner;
    }

    public UUID getTargetObjectId() {
        return targetObjectId;
    }

    public String getTargetObjectType() {
        return targetObjectType;
    }

    public String getTargetObjectName() {
        return targetObjectName;
    }

    public UUID getResultObjectId() {
        return resultObjectId;
    }

    public String getResultObjectType() {
        return resultObjectType;
    }

    public String getResultName() {
        return resultName;
    }

    public boolean isRestartable() {
        return restartable;
    }

    public boolean isCompleted() {
        return completed;
    }

    public Integer getErrorCode() {
        return errorCode;
    }

    public String getErrorName() {
        return errorName;
    }

    public String getErrorProblem() {
        return errorProblem;
    }

    public String getErrorRecommendedAction() {
        return errorRecommendedAction;
    }

    public String getErrorType() {
        return errorType;
    }

    public String getErrorDetailedSource() {
        return errorDetailedSource;
    }

    public String getErrorExceptionDetails() {
        return errorExceptionDetails;
    }

    public Boolean getErrorTerminating() {
        return errorTerminating;
    }
}
