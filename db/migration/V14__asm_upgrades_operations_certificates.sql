-- ASM (package io.localpack.asm), issue 23 items 6-9: upgrades and configuration changes, a record of every
-- request (Get Operation Status and List Subscription Operations), service certificates, locations and role sizes.
-- Types and syntax of H2 2.x and PostgreSQL.

-- An upgrade or configuration change with upgrade domains left to walk; all NULL when none is in progress.
ALTER TABLE asm_deployments ADD COLUMN upgrade_type VARCHAR(16);             -- Auto | Manual | Simultaneous
ALTER TABLE asm_deployments ADD COLUMN upgrade_domain_state VARCHAR(8);      -- Before | During
ALTER TABLE asm_deployments ADD COLUMN current_upgrade_domain INTEGER;
ALTER TABLE asm_deployments ADD COLUMN upgrade_domains_to_walk INTEGER;     -- a rollback walks only those upgraded
ALTER TABLE asm_deployments ADD COLUMN upgrade_role VARCHAR(64);             -- RoleToUpgrade; NULL = every role
ALTER TABLE asm_deployments ADD COLUMN upgrade_is_rollback BOOLEAN DEFAULT FALSE NOT NULL;
-- What a rollback restores (the configuration, package and label before the last upgrade or change).
ALTER TABLE asm_deployments ADD COLUMN previous_configuration VARCHAR;
ALTER TABLE asm_deployments ADD COLUMN previous_package_url VARCHAR(2048);
ALTER TABLE asm_deployments ADD COLUMN previous_label VARCHAR(100);

-- Every Service Management request of an existing subscription, by its x-ms-request-id: reads and refusals too,
-- as the real service answers Get Operation Status for any request id. A request that started a job (its id is the
-- request id) takes its status from the job.
CREATE TABLE asm_requests (
    request_id          UUID          NOT NULL PRIMARY KEY,
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    http_method         VARCHAR(8)    NOT NULL,
    operation_name      VARCHAR(64)   NOT NULL,
    object_id           VARCHAR(1024) NOT NULL,   -- the request path, as OperationObjectId
    http_status         INTEGER       NOT NULL,
    error_code          VARCHAR(64),
    error_message       VARCHAR(2048),
    caller_user         VARCHAR(256),
    caller_thumbprint   VARCHAR(40),
    client_ip           VARCHAR(64),
    started_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_time      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX asm_requests_by_time ON asm_requests (subscription_id, started_time);

-- A cloud service's certificates: the public certificate only (the PFX, its key and its password are never kept).
CREATE TABLE asm_service_certificates (
    hosted_service_id   UUID          NOT NULL REFERENCES asm_hosted_services (id) ON DELETE CASCADE,
    thumbprint_algorithm VARCHAR(16)  NOT NULL,   -- sha1
    thumbprint          VARCHAR(40)   NOT NULL,   -- upper-case hex
    certificate_data    VARCHAR       NOT NULL,   -- base64 DER
    subject             VARCHAR(1024),
    created_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (hosted_service_id, thumbprint_algorithm, thumbprint)
);

-- The regions List Locations shows (shared by every subscription).
CREATE TABLE asm_locations (
    name                VARCHAR(64)   NOT NULL PRIMARY KEY,
    display_name        VARCHAR(64)   NOT NULL,
    position            INTEGER       NOT NULL,
    available_services  VARCHAR(256)  NOT NULL    -- comma-separated: Compute, Storage, PersistentVMRole, HighMemory
);
INSERT INTO asm_locations (name, display_name, position, available_services) VALUES
    ('West Europe', 'West Europe', 0, 'Compute,Storage,PersistentVMRole,HighMemory'),
    ('North Europe', 'North Europe', 1, 'Compute,Storage,PersistentVMRole,HighMemory'),
    ('East US', 'East US', 2, 'Compute,Storage,PersistentVMRole,HighMemory'),
    ('West US', 'West US', 3, 'Compute,Storage,PersistentVMRole,HighMemory'),
    ('East Asia', 'East Asia', 4, 'Compute,Storage,PersistentVMRole,HighMemory'),
    ('Southeast Asia', 'Southeast Asia', 5, 'Compute,Storage,PersistentVMRole,HighMemory');

-- The role sizes List Role Sizes shows; their cores are what Get Subscription counts as CurrentCoreCount.
CREATE TABLE asm_role_sizes (
    name                VARCHAR(64)   NOT NULL PRIMARY KEY,
    label               VARCHAR(128)  NOT NULL,
    position            INTEGER       NOT NULL,
    cores               INTEGER       NOT NULL,
    memory_mb           INTEGER       NOT NULL,
    web_worker_roles    BOOLEAN       NOT NULL,
    virtual_machines    BOOLEAN       NOT NULL,
    max_data_disks      INTEGER       NOT NULL,
    web_worker_disk_mb  INTEGER       NOT NULL,
    vm_disk_mb          INTEGER       NOT NULL
);
INSERT INTO asm_role_sizes (name, label, position, cores, memory_mb, web_worker_roles, virtual_machines,
    max_data_disks, web_worker_disk_mb, vm_disk_mb) VALUES
    ('ExtraSmall', 'ExtraSmall (1 cores, 768 MB)', 0, 1, 768, TRUE, TRUE, 1, 19456, 20480),
    ('Small', 'Small (1 cores, 1792 MB)', 1, 1, 1792, TRUE, TRUE, 2, 229376, 71680),
    ('Medium', 'Medium (2 cores, 3584 MB)', 2, 2, 3584, TRUE, TRUE, 4, 501760, 138240),
    ('Large', 'Large (4 cores, 7168 MB)', 3, 4, 7168, TRUE, TRUE, 8, 1018880, 291840),
    ('ExtraLarge', 'ExtraLarge (8 cores, 14336 MB)', 4, 8, 14336, TRUE, TRUE, 16, 2042880, 619520),
    ('A5', 'A5 (2 cores, 14336 MB)', 5, 2, 14336, TRUE, TRUE, 4, 501760, 138240),
    ('A6', 'A6 (4 cores, 28672 MB)', 6, 4, 28672, TRUE, TRUE, 8, 1018880, 291840),
    ('A7', 'A7 (8 cores, 57344 MB)', 7, 8, 57344, TRUE, TRUE, 16, 2042880, 619520);
