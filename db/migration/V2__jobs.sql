-- The durable job engine (package io.localpack.jobs): one row per job, shared by the VMM and ASM APIs.
-- A job id is the VMM Jobs key, the x-ms-request-id header and the ASM operation id.
-- Types and syntax understood by both H2 2.x and PostgreSQL.

CREATE TABLE jobs (
    id                          UUID          NOT NULL PRIMARY KEY,
    stamp_id                    UUID,                        -- null for ASM operations
    subscription_id             UUID          NOT NULL,      -- every tenant lookup filters on it
    kind                        VARCHAR(128)  NOT NULL,      -- handler key, e.g. vmm.service.stop, asm.deployment.status
    name                        VARCHAR(256)  NOT NULL,      -- VMM Job.Name / JobDescription.Name, e.g. "Stop service"
    description_code            VARCHAR(128),                -- JobDescription.Code
    description_code_string     VARCHAR(64),                 -- JobDescription.DescriptionCodeString
    cmdlet_name                 VARCHAR(256),
    -- Queued (accepted, not yet claimed by a runner), Running, Completed, SucceedWithInfo, Failed, Canceled
    status                      VARCHAR(32)   NOT NULL,
    status_string               VARCHAR(64)   NOT NULL,
    progress_value              INTEGER       NOT NULL,
    current_step                VARCHAR(512),
    current_step_index          INTEGER       NOT NULL,      -- steps begun in the current attempt
    failed_step_index           INTEGER,                     -- step that failed; a restart resumes there
    skip_steps_before           INTEGER       NOT NULL,      -- on restart: steps already done (and the skipped one)
    created_time                TIMESTAMP WITH TIME ZONE NOT NULL,
    start_time                  TIMESTAMP WITH TIME ZONE,
    end_time                    TIMESTAMP WITH TIME ZONE,
    owner                       VARCHAR(256),
    target_object_id            UUID,
    target_object_type          VARCHAR(64),
    target_object_name          VARCHAR(256),
    -- Set to the target while the job is not finished: the unique index makes "one job per target" race-safe.
    active_target               VARCHAR(200),
    result_object_id            UUID,
    result_object_type          VARCHAR(64),
    result_name                 VARCHAR(256),
    is_restartable              BOOLEAN       NOT NULL,
    is_completed                BOOLEAN       NOT NULL,
    -- VMM.ErrorInfo of a failed job (all null on success: the success ErrorInfo is constant)
    error_code                  INTEGER,                     -- VMM error number, e.g. 2602
    error_name                  VARCHAR(128),                -- symbolic ErrorInfo.Code; ASM Error/Code
    error_problem               VARCHAR(4000),
    error_recommended_action    VARCHAR(4000),
    error_type                  VARCHAR(32),
    error_detailed_source       VARCHAR(64),
    error_exception_details     VARCHAR(4000),
    error_is_terminating        BOOLEAN,
    additional_messages         VARCHAR(8000),               -- JSON array of warnings (SucceedWithInfo)
    parameters                  VARCHAR(8000),               -- JSON object of strings the handler needs
    http_status                 INTEGER,                     -- ASM Operation/HttpStatusCode once finished
    attempt                     INTEGER       NOT NULL,      -- times a runner claimed it
    version                     INTEGER       NOT NULL,      -- optimistic claim/lease guard
    lease_owner                 VARCHAR(64),                 -- runner instance holding it
    lease_expires_at            TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX jobs_one_active_per_target ON jobs (active_target);
CREATE INDEX jobs_by_status ON jobs (status, created_time);
CREATE INDEX jobs_by_subscription ON jobs (subscription_id, created_time);
CREATE INDEX jobs_by_target ON jobs (target_object_id, created_time);

-- Fault rules (/_localpack/faults): make matching jobs fail on purpose. Shared by every instance.
CREATE TABLE job_fault_rules (
    id                  UUID          NOT NULL PRIMARY KEY,
    operation           VARCHAR(128)  NOT NULL,   -- job kind, a prefix ending in * , or * for every kind
    target_object_id    UUID,
    template_id         UUID,
    error_code          INTEGER       NOT NULL,
    error_name          VARCHAR(128),
    message             VARCHAR(4000) NOT NULL,
    recommended_action  VARCHAR(4000),
    http_status         INTEGER       NOT NULL,
    at_step             INTEGER       NOT NULL,   -- fail when the job begins this step (0 = first)
    remaining           INTEGER,                  -- null = always; otherwise how many more jobs it fails
    created_time        TIMESTAMP WITH TIME ZONE NOT NULL
);
