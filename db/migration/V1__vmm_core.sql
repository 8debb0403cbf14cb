-- LocalPack core schema: tenants, stamps, clouds, service templates and VMM services.
-- One Flyway history for H2 and PostgreSQL: keep to types and syntax both understand.

CREATE TABLE subscriptions (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(256)  NOT NULL,
    account_admin   VARCHAR(256)  NOT NULL -- the tenant user; the tenant role name is "<account_admin>_<id>"
);

CREATE TABLE stamps (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(256)  NOT NULL
);

CREATE TABLE clouds (
    id                      UUID          NOT NULL,
    stamp_id                UUID          NOT NULL REFERENCES stamps (id),
    name                    VARCHAR(256)  NOT NULL,
    description             VARCHAR(4000),
    last_modified_date      TIMESTAMP WITH TIME ZONE,
    user_role_id            UUID,
    writable_library_path   VARCHAR(1024),
    PRIMARY KEY (id, stamp_id)
);

-- Which clouds a subscription may see and deploy to (WAP grants a plan's clouds to its subscriptions).
CREATE TABLE subscription_clouds (
    subscription_id UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    cloud_id        UUID NOT NULL,
    stamp_id        UUID NOT NULL,
    PRIMARY KEY (subscription_id, cloud_id, stamp_id),
    FOREIGN KEY (cloud_id, stamp_id) REFERENCES clouds (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE service_templates (
    id                      UUID          NOT NULL,
    stamp_id                UUID          NOT NULL REFERENCES stamps (id),
    name                    VARCHAR(256)  NOT NULL,
    description             VARCHAR(4000),
    namespace               VARCHAR(256),
    release                 VARCHAR(64)   NOT NULL,
    service_priority        VARCHAR(16),
    service_template_state  VARCHAR(32),
    is_published            BOOLEAN,
    published_time          TIMESTAMP WITH TIME ZONE,
    owner_user_name         VARCHAR(256),
    owner_role_name         VARCHAR(512),
    owner_role_id           UUID,
    added_time              TIMESTAMP WITH TIME ZONE,
    modified_time           TIMESTAMP WITH TIME ZONE,
    enabled                 BOOLEAN,
    notifications_available BOOLEAN,
    use_as_default_release  BOOLEAN,
    use_as_pattern          BOOLEAN,
    accessibility           VARCHAR(16),
    PRIMARY KEY (id, stamp_id)
);

CREATE TABLE service_template_settings (
    template_id             UUID          NOT NULL,
    stamp_id                UUID          NOT NULL,
    position                INTEGER       NOT NULL,
    name                    VARCHAR(256),
    description             VARCHAR(4000),
    setting_value           VARCHAR(4000),
    mandatory               BOOLEAN,
    has_encrypted_value     BOOLEAN,
    is_secure               BOOLEAN,
    global_setting_type     VARCHAR(64),
    PRIMARY KEY (template_id, stamp_id, position),
    FOREIGN KEY (template_id, stamp_id) REFERENCES service_templates (id, stamp_id) ON DELETE CASCADE
);

-- Which templates a subscription may see and deploy (GrantedToList on the real ServiceTemplate).
CREATE TABLE subscription_service_templates (
    subscription_id UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    template_id     UUID NOT NULL,
    stamp_id        UUID NOT NULL,
    PRIMARY KEY (subscription_id, template_id, stamp_id),
    FOREIGN KEY (template_id, stamp_id) REFERENCES service_templates (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE services (
    id                                  UUID          NOT NULL,
    stamp_id                            UUID          NOT NULL REFERENCES stamps (id),
    subscription_id                     UUID          NOT NULL REFERENCES subscriptions (id),
    name                                VARCHAR(256),
    description                         VARCHAR(4000),
    cost_center                         VARCHAR(256),
    owner_user_name                     VARCHAR(256),
    owner_role_name                     VARCHAR(512),
    owner_role_id                       UUID,
    all_vms_accessible                  BOOLEAN,
    deployment_state                    VARCHAR(32),
    deployed_to                         VARCHAR(32),
    in_servicing_mode                   BOOLEAN,
    overall_status                      VARCHAR(32),
    service_status                      VARCHAR(32),
    pending_service_template_present    BOOLEAN,
    pending_service_template_id         UUID,
    pending_service_template_release    VARCHAR(64),
    service_priority                    VARCHAR(16),
    service_template_release            VARCHAR(64),
    service_template_id                 UUID          NOT NULL,
    vm_host_group                       VARCHAR(256),
    enabled                             BOOLEAN,
    added_time                          TIMESTAMP WITH TIME ZONE,
    modified_time                       TIMESTAMP WITH TIME ZONE,
    notifications_available             BOOLEAN,
    accessibility                       VARCHAR(16),
    ignore_placement_errors             BOOLEAN,
    failed_job_id                       UUID,
    most_recent_task_id                 UUID,
    cloud_id                            UUID          NOT NULL,
    sw_category                         VARCHAR(256),
    sw_name                             VARCHAR(256),
    sw_description                      VARCHAR(4000),
    sw_owner                            VARCHAR(256),
    sw_time_zone                        INTEGER,
    sw_start_date                       TIMESTAMP WITH TIME ZONE,
    sw_start_time_of_day                VARCHAR(64),
    sw_weekly_schedule_day_of_week      VARCHAR(64),
    sw_monthly_schedule_day_of_week     VARCHAR(64),
    sw_day_of_month                     VARCHAR(64),
    sw_week_of_month                    VARCHAR(64),
    sw_days_to_recur                    INTEGER,
    sw_months_to_recur                  INTEGER,
    sw_weeks_to_recur                   INTEGER,
    sw_minutes_duration                 INTEGER,
    sw_schedule_type                    VARCHAR(64),
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (cloud_id, stamp_id) REFERENCES clouds (id, stamp_id),
    FOREIGN KEY (service_template_id, stamp_id) REFERENCES service_templates (id, stamp_id)
);

-- Every tenant query starts from the subscription; these keep filters, ordering and paging on indexes.
CREATE INDEX services_by_subscription_name ON services (subscription_id, name);
CREATE INDEX services_by_subscription_cloud ON services (subscription_id, cloud_id, name);
CREATE INDEX services_by_subscription_id ON services (subscription_id, id, stamp_id);

CREATE TABLE service_granted_to (
    service_id      UUID          NOT NULL,
    stamp_id        UUID          NOT NULL,
    position        INTEGER       NOT NULL,
    user_name       VARCHAR(256),
    role_name       VARCHAR(512),
    role_id         UUID,
    PRIMARY KEY (service_id, stamp_id, position),
    FOREIGN KEY (service_id, stamp_id) REFERENCES services (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE service_settings (
    service_id              UUID          NOT NULL,
    stamp_id                UUID          NOT NULL,
    position                INTEGER       NOT NULL,
    name                    VARCHAR(256),
    description             VARCHAR(4000),
    setting_value           VARCHAR(4000),
    mandatory               BOOLEAN,
    has_encrypted_value     BOOLEAN,
    is_secure               BOOLEAN,
    global_setting_type     VARCHAR(64),
    PRIMARY KEY (service_id, stamp_id, position),
    FOREIGN KEY (service_id, stamp_id) REFERENCES services (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE service_pending_settings (
    service_id              UUID          NOT NULL,
    stamp_id                UUID          NOT NULL,
    position                INTEGER       NOT NULL,
    name                    VARCHAR(256),
    description             VARCHAR(4000),
    setting_value           VARCHAR(4000),
    mandatory               BOOLEAN,
    has_encrypted_value     BOOLEAN,
    is_secure               BOOLEAN,
    global_setting_type     VARCHAR(64),
    PRIMARY KEY (service_id, stamp_id, position),
    FOREIGN KEY (service_id, stamp_id) REFERENCES services (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE service_custom_properties (
    service_id      UUID          NOT NULL,
    stamp_id        UUID          NOT NULL,
    position        INTEGER       NOT NULL,
    name            VARCHAR(256),
    property_value  VARCHAR(4000),
    PRIMARY KEY (service_id, stamp_id, position),
    FOREIGN KEY (service_id, stamp_id) REFERENCES services (id, stamp_id) ON DELETE CASCADE
);
