-- The WAP tenant subscription API (package io.localpack.subscriptions): plans, add-ons, a subscription's plan,
-- state, co-administrators and add-ons, and the certificate bodies the API shows.
-- Plans and add-ons are shared (no subscription_id); what a subscription holds is tenant-owned, so reset and
-- snapshot (io.localpack.fixtures.TableGraph) find it from the schema. Types and syntax of H2 2.x and PostgreSQL.

CREATE TABLE plans (
    id                              VARCHAR(64)   NOT NULL PRIMARY KEY, -- WAP style: name + random suffix
    display_name                    VARCHAR(256)  NOT NULL,
    description                     VARCHAR(4000),
    state                           INTEGER       NOT NULL,             -- 0 private, 1 public, 2 decommissioned
    max_subscriptions_per_account   INTEGER       NOT NULL,             -- -1 unlimited
    invitation_code                 VARCHAR(256),
    price                           VARCHAR(64),
    -- quota of the plan's subscriptions; NULL = unlimited (shown as Limit -1 in usage summaries)
    vm_limit                        INTEGER,
    core_limit                      INTEGER,
    memory_mb_limit                 INTEGER,
    cloud_service_limit             INTEGER
);

-- The resource providers a plan offers: 'systemcenter' (VMM clouds) and 'cloudservices' (the ASM API).
CREATE TABLE plan_services (
    plan_id         VARCHAR(64)   NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    service_name    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (plan_id, service_name)
);

-- What subscribing grants: copied into subscription_clouds / subscription_service_templates.
CREATE TABLE plan_clouds (
    plan_id         VARCHAR(64)   NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    cloud_id        UUID          NOT NULL,
    stamp_id        UUID          NOT NULL,
    PRIMARY KEY (plan_id, cloud_id, stamp_id),
    FOREIGN KEY (cloud_id, stamp_id) REFERENCES clouds (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE plan_service_templates (
    plan_id         VARCHAR(64)   NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    template_id     UUID          NOT NULL,
    stamp_id        UUID          NOT NULL,
    PRIMARY KEY (plan_id, template_id, stamp_id),
    FOREIGN KEY (template_id, stamp_id) REFERENCES service_templates (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE add_ons (
    id                          VARCHAR(64)   NOT NULL PRIMARY KEY,
    display_name                VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    state                       INTEGER       NOT NULL,   -- as plans: 0 private, 1 public, 2 decommissioned
    max_occurrences_per_plan    INTEGER       NOT NULL,   -- -1 unlimited; per subscription
    price                       VARCHAR(64)
);

-- AssociatedPlans: the plans whose subscriptions may acquire the add-on.
CREATE TABLE add_on_plans (
    add_on_id       VARCHAR(64)   NOT NULL REFERENCES add_ons (id) ON DELETE CASCADE,
    plan_id         VARCHAR(64)   NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    PRIMARY KEY (add_on_id, plan_id)
);

-- A subscription's plan (NULL for subscriptions made by fixtures that name none), WAP state and creation time.
ALTER TABLE subscriptions ADD COLUMN plan_id VARCHAR(64);
ALTER TABLE subscriptions ADD COLUMN state INTEGER DEFAULT 1 NOT NULL;  -- 1 active, 2 suspended, 3 delete-pending
ALTER TABLE subscriptions ADD COLUMN created_time TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_plan FOREIGN KEY (plan_id) REFERENCES plans (id);
-- GET /subscriptions starts from the caller; the per-account plan limit counts by plan and admin.
CREATE INDEX subscriptions_by_admin ON subscriptions (account_admin);
CREATE INDEX subscriptions_by_plan ON subscriptions (plan_id, account_admin);

CREATE TABLE subscription_co_admins (
    subscription_id UUID          NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    position        INTEGER       NOT NULL,
    name            VARCHAR(256)  NOT NULL,
    PRIMARY KEY (subscription_id, position)
);
CREATE INDEX subscription_co_admins_by_name ON subscription_co_admins (name);

CREATE TABLE subscription_add_ons (
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    add_on_instance_id  UUID          NOT NULL,
    add_on_id           VARCHAR(64)   NOT NULL REFERENCES add_ons (id),
    acquisition_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription_id, add_on_instance_id)
);

-- The tenant API shows a certificate's public key and body; registrations by thumbprint alone leave them NULL.
ALTER TABLE management_certificates ADD COLUMN public_key VARCHAR;
ALTER TABLE management_certificates ADD COLUMN certificate_data VARCHAR;
