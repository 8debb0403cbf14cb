-- Computer tiers of VMM services (VMM.ComputerTier, entity set ComputerTiers): one row per tier of a deployed
-- service, created by the deploy job from io.localpack.vmm.vm.ComputerTierPlan. Read-only over OData.
-- Types and syntax understood by both H2 2.x and PostgreSQL.

CREATE TABLE computer_tiers (
    id                      UUID          NOT NULL,
    stamp_id                UUID          NOT NULL REFERENCES stamps (id),
    subscription_id         UUID          NOT NULL REFERENCES subscriptions (id), -- tenant scope of every read
    service_id              UUID          NOT NULL,
    name                    VARCHAR(256)  NOT NULL,      -- e.g. 'Web Tier'
    description             VARCHAR(4000),
    deployment_state        VARCHAR(32),                 -- as the service's: Deployed, Deploying, DeploymentFailed, ...
    computer_tier_status    VARCHAR(32),                 -- OK | NeedsAttention
    instance_minimum_count  INTEGER,
    instance_maximum_count  INTEGER,
    added_time              TIMESTAMP WITH TIME ZONE,
    modified_time           TIMESTAMP WITH TIME ZONE,
    failed_job_id           UUID,
    enabled                 BOOLEAN,
    accessibility           VARCHAR(16),
    all_vms_accessible      BOOLEAN,
    PRIMARY KEY (id, stamp_id),
    -- A service's tiers go with it.
    FOREIGN KEY (service_id, stamp_id) REFERENCES services (id, stamp_id) ON DELETE CASCADE
);

-- Portals list the tiers of one service, starting from the subscription.
CREATE INDEX computer_tiers_by_subscription_service ON computer_tiers (subscription_id, service_id);
-- The bulk state updates of the life-cycle jobs select by service only.
CREATE INDEX computer_tiers_by_service ON computer_tiers (service_id, stamp_id);

-- The tier a machine belongs to; null for a stand-alone VM. No FK: the tier and its machines go with their service
-- (both cascade from services), and a stand-alone VM has no tier.
ALTER TABLE virtual_machines ADD COLUMN computer_tier_id UUID;
