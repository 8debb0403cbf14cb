-- Virtual machines of VMM services (VMM.VirtualMachine, entity set VirtualMachines). Read-only over OData for now;
-- the service life-cycle jobs create them on deploy, change their power state on Start/Stop and delete them.
-- V3 is reserved for the ASM tables. Types and syntax understood by both H2 2.x and PostgreSQL.

CREATE TABLE virtual_machines (
    id                      UUID          NOT NULL,
    stamp_id                UUID          NOT NULL REFERENCES stamps (id),
    subscription_id         UUID          NOT NULL REFERENCES subscriptions (id), -- tenant scope of every read
    service_id              UUID,                        -- null for a stand-alone VM
    cloud_id                UUID          NOT NULL,
    computer_tier_name      VARCHAR(256),                -- the service tier, e.g. 'Web Tier' (tiers have no table yet)
    name                    VARCHAR(256)  NOT NULL,
    computer_name           VARCHAR(256),
    description             VARCHAR(4000),
    cost_center             VARCHAR(256),
    tag                     VARCHAR(256),
    status                  VARCHAR(64)   NOT NULL,      -- VMM token: Running, PowerOff, UnderCreation, ...
    status_string           VARCHAR(64)   NOT NULL,      -- display text: 'Running', 'Power Off', ...
    virtual_machine_state   VARCHAR(64),
    deployment_state        VARCHAR(32),                 -- as the service's: Deployed, Deploying, Failed, ...
    cpu_count               INTEGER,
    memory_mb               INTEGER,
    operating_system        VARCHAR(256),
    added_time              TIMESTAMP WITH TIME ZONE,
    modified_time           TIMESTAMP WITH TIME ZONE,
    creation_time           TIMESTAMP WITH TIME ZONE,
    most_recent_task_id     UUID,
    failed_job_id           UUID,
    enabled                 BOOLEAN,
    owner_user_name         VARCHAR(256),
    owner_role_name         VARCHAR(512),
    owner_role_id           UUID,
    vm_host_name            VARCHAR(256),
    upgrade_domain          INTEGER,
    PRIMARY KEY (id, stamp_id),
    -- A service's machines go with it.
    FOREIGN KEY (service_id, stamp_id) REFERENCES services (id, stamp_id) ON DELETE CASCADE,
    FOREIGN KEY (cloud_id, stamp_id) REFERENCES clouds (id, stamp_id)
);

-- Portals list a service's machines and a cloud's machines; both start from the subscription.
CREATE INDEX virtual_machines_by_subscription_service ON virtual_machines (subscription_id, service_id, name);
CREATE INDEX virtual_machines_by_subscription_cloud ON virtual_machines (subscription_id, cloud_id, name);
-- The bulk power-state updates of the life-cycle jobs select by service only.
CREATE INDEX virtual_machines_by_service ON virtual_machines (service_id, stamp_id);
