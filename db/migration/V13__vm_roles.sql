-- WAP's tenant VM Role and Gallery API (package io.localpack.vmroles, docs/vm-roles.md): gallery items granted per
-- subscription, the size profiles their VMSize names, cloud services and the VM Roles in them. A role's machines are
-- rows of virtual_machines that name their role (vm_role_id). Gallery items and size profiles are shared; cloud
-- services, roles and grants are tenant-owned, so reset and snapshot (io.localpack.fixtures.TableGraph) find them from
-- the schema. Types and syntax of H2 2.x and PostgreSQL; JSON documents are VARCHAR (no CLOB: snapshots write
-- plain literals).

CREATE TABLE gallery_items (
    publisher               VARCHAR(256)   NOT NULL,
    name                    VARCHAR(256)   NOT NULL,
    version                 VARCHAR(64)    NOT NULL,     -- Major.Minor.Build
    publisher_label         VARCHAR(256),
    label                   VARCHAR(256),
    description             VARCHAR(4000),
    publish_date            TIMESTAMP WITH TIME ZONE,
    icon_url                VARCHAR(1024),
    resource_definition     VARCHAR(65536) NOT NULL,     -- RESDEF JSON, served as it is
    view_definition         VARCHAR(65536) NOT NULL,     -- VIEWDEF JSON, served as it is
    PRIMARY KEY (publisher, name, version)
);

CREATE TABLE subscription_gallery_items (
    subscription_id         UUID           NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    publisher               VARCHAR(256)   NOT NULL,
    name                    VARCHAR(256)   NOT NULL,
    version                 VARCHAR(64)    NOT NULL,
    PRIMARY KEY (subscription_id, publisher, name, version),
    FOREIGN KEY (publisher, name, version) REFERENCES gallery_items (publisher, name, version) ON DELETE CASCADE
);

-- VMM.VMRoleSizeProfile: what a VMSize such as 'Medium' gives each machine of a role.
CREATE TABLE vm_role_size_profiles (
    name                    VARCHAR(64)    NOT NULL PRIMARY KEY,
    cpu_count               INTEGER        NOT NULL,
    memory_mb               INTEGER        NOT NULL
);

CREATE TABLE cloud_services (
    id                      UUID           NOT NULL PRIMARY KEY,   -- LocalPack's: the target of the service's jobs
    subscription_id         UUID           NOT NULL REFERENCES subscriptions (id),
    name                    VARCHAR(256)   NOT NULL,
    label                   VARCHAR(256),
    provisioning_state      VARCHAR(32)    NOT NULL,               -- Provisioning, Provisioned, Deprovisioning, Failed
    created_time            TIMESTAMP WITH TIME ZONE,
    modified_time           TIMESTAMP WITH TIME ZONE
);
-- names are unique per subscription; LocalPack also refuses a name that differs only in case
CREATE UNIQUE INDEX cloud_services_by_name ON cloud_services (subscription_id, name);

CREATE TABLE vm_roles (
    id                      UUID           NOT NULL PRIMARY KEY,   -- LocalPack's: the target of the role's jobs
    subscription_id         UUID           NOT NULL REFERENCES subscriptions (id),
    cloud_service_id        UUID           NOT NULL REFERENCES cloud_services (id) ON DELETE CASCADE,
    name                    VARCHAR(256)   NOT NULL,
    label                   VARCHAR(256),
    resource_definition     VARCHAR(65536) NOT NULL,               -- as the client sent it
    configuration_version   VARCHAR(64),
    parameter_values        VARCHAR(65536),                        -- JSON object text; secret values masked
    provisioning_state      VARCHAR(32)    NOT NULL,
    instance_count          INTEGER        NOT NULL,               -- machines the role is to have
    next_instance_number    INTEGER        NOT NULL,               -- numbers its next machine's computer name
    stamp_id                UUID           NOT NULL,
    cloud_id                UUID           NOT NULL,
    substate_qualifier      VARCHAR(16),                           -- Error, Warning, Info
    substate_message        VARCHAR(4000),
    most_recent_job_id      UUID,
    created_time            TIMESTAMP WITH TIME ZONE,
    modified_time           TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (cloud_id, stamp_id) REFERENCES clouds (id, stamp_id)
);
CREATE UNIQUE INDEX vm_roles_by_name ON vm_roles (cloud_service_id, name);
CREATE INDEX vm_roles_by_subscription ON vm_roles (subscription_id, cloud_service_id);

ALTER TABLE virtual_machines ADD COLUMN vm_role_id UUID;
ALTER TABLE virtual_machines ADD COLUMN cloud_vm_role_name VARCHAR(256);
ALTER TABLE virtual_machines ADD CONSTRAINT virtual_machines_vm_role FOREIGN KEY (vm_role_id) REFERENCES vm_roles (id)
    ON DELETE CASCADE;
CREATE INDEX virtual_machines_by_vm_role ON virtual_machines (vm_role_id, name);

-- The quota view reads virtual_machines: made again after the table changed, so H2 keeps seeing the machines
-- added since (with the old view, H2 went on answering the usage it had cached before the ALTER).
DROP VIEW quota_and_usage_components;
CREATE VIEW quota_and_usage_components AS
SELECT q.id, q.stamp_id, q.subscription_id, q.cloud_id, q.quota_dimension, q.user_role_quota,
       CAST(CASE q.quota_dimension
         WHEN 'VMCount' THEN (SELECT COUNT(*) FROM virtual_machines v
                              WHERE v.subscription_id = q.subscription_id AND v.cloud_id = q.cloud_id
                                AND v.stamp_id = q.stamp_id)
         WHEN 'CpuCount' THEN (SELECT COALESCE(SUM(v.cpu_count), 0) FROM virtual_machines v
                              WHERE v.subscription_id = q.subscription_id AND v.cloud_id = q.cloud_id
                                AND v.stamp_id = q.stamp_id)
         WHEN 'MemoryMB' THEN (SELECT COALESCE(SUM(CAST(v.memory_mb AS BIGINT)), 0) FROM virtual_machines v
                              WHERE v.subscription_id = q.subscription_id AND v.cloud_id = q.cloud_id
                                AND v.stamp_id = q.stamp_id)
         WHEN 'StorageGB' THEN (SELECT CAST(CEILING(COALESCE(SUM(d.maximum_size), 0) / 1073741824.0) AS BIGINT)
                              FROM virtual_hard_disks d JOIN virtual_machines v
                                ON v.id = d.vm_id AND v.stamp_id = d.stamp_id
                              WHERE v.subscription_id = q.subscription_id AND v.cloud_id = q.cloud_id
                                AND v.stamp_id = q.stamp_id)
       END AS BIGINT) AS user_role_usage
FROM cloud_quotas q;
