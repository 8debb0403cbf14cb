-- Azure Service Management cloud services (package io.localpack.asm): hosted services, deployments, role instances.
-- H2 and PostgreSQL: VARCHAR without length is unbounded text on both.

CREATE TABLE asm_hosted_services (
    id                  UUID          NOT NULL PRIMARY KEY,
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id),
    service_name        VARCHAR(63)   NOT NULL,
    name_key            VARCHAR(63)   NOT NULL,   -- lower-case service name: DNS prefixes are global and case-blind
    label               VARCHAR(100)  NOT NULL,   -- decoded; base64 only on the wire
    description         VARCHAR(1024),
    location            VARCHAR(64),
    affinity_group      VARCHAR(64),
    status              VARCHAR(32)   NOT NULL,
    date_created        TIMESTAMP WITH TIME ZONE NOT NULL,
    date_last_modified  TIMESTAMP WITH TIME ZONE NOT NULL,
    reverse_dns_fqdn    VARCHAR(256),
    extended_properties VARCHAR(8000)             -- JSON object name -> value
);
CREATE UNIQUE INDEX asm_hosted_services_name ON asm_hosted_services (name_key);
CREATE INDEX asm_hosted_services_by_subscription ON asm_hosted_services (subscription_id, name_key);

CREATE TABLE asm_deployments (
    id                  UUID          NOT NULL PRIMARY KEY,
    hosted_service_id   UUID          NOT NULL REFERENCES asm_hosted_services (id) ON DELETE CASCADE,
    slot                VARCHAR(16)   NOT NULL,   -- Production | Staging
    name                VARCHAR(100)  NOT NULL,
    private_id          VARCHAR(32)   NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    label               VARCHAR(100)  NOT NULL,
    url                 VARCHAR(256)  NOT NULL,
    configuration       VARCHAR       NOT NULL,   -- decoded .cscfg XML
    package_url         VARCHAR(2048),
    upgrade_domain_count INTEGER      NOT NULL,
    sdk_version         VARCHAR(32),
    locked              BOOLEAN       NOT NULL,
    rollback_allowed    BOOLEAN       NOT NULL,
    created_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    extended_properties VARCHAR(8000)
);
CREATE UNIQUE INDEX asm_deployments_slot ON asm_deployments (hosted_service_id, slot);
CREATE UNIQUE INDEX asm_deployments_name ON asm_deployments (hosted_service_id, name);

CREATE TABLE asm_role_instances (
    id                  UUID          NOT NULL PRIMARY KEY,
    deployment_id       UUID          NOT NULL REFERENCES asm_deployments (id) ON DELETE CASCADE,
    position            INTEGER       NOT NULL,
    role_name           VARCHAR(64)   NOT NULL,
    instance_name       VARCHAR(100)  NOT NULL,
    instance_status     VARCHAR(32)   NOT NULL,
    power_state         VARCHAR(16)   NOT NULL,
    upgrade_domain      INTEGER       NOT NULL,
    fault_domain        INTEGER       NOT NULL,
    instance_size       VARCHAR(32)   NOT NULL,
    ip_address          VARCHAR(45),
    host_name           VARCHAR(256)
);
CREATE UNIQUE INDEX asm_role_instances_name ON asm_role_instances (deployment_id, instance_name);
