-- Virtual machines with their hardware, and what they are made from (issue 17, read side):
--  * the VM's own hardware and origin as new columns of virtual_machines;
--  * the VM's devices, one table per VMM entity set: network adapters, virtual hard disks, disk drives, DVD drives,
--    SCSI adapters, checkpoints. Each row carries the VM's subscription (tenant scope, per-subscription snapshots)
--    and is deleted with its VM;
--  * the library: VM templates (with their network adapters in virtual_network_adapters, template_id set),
--    hardware profiles and library disks (virtual_hard_disks rows with no VM), granted per subscription;
--  * quota limits per subscription, cloud and dimension, and the view that adds the usage computed from the VMs.
-- Types and syntax understood by both H2 2.x and PostgreSQL: one ALTER per column, DEFAULT before NOT NULL.

-- What a VM really has. Defaults are Hyper-V's for a VM created without saying (and keep the service life cycle,
-- which does not set them, producing valid rows).
ALTER TABLE virtual_machines ADD COLUMN generation INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN dynamic_memory_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN dynamic_memory_minimum_mb INTEGER;
ALTER TABLE virtual_machines ADD COLUMN dynamic_memory_maximum_mb INTEGER;
ALTER TABLE virtual_machines ADD COLUMN dynamic_memory_buffer_percentage INTEGER;
ALTER TABLE virtual_machines ADD COLUMN memory_weight INTEGER DEFAULT 5000 NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN cpu_max INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN cpu_reserve INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN cpu_relative_weight INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN cpu_type VARCHAR(256);
ALTER TABLE virtual_machines ADD COLUMN limit_cpu_for_migration BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN limit_cpu_functionality BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN highly_available BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN block_dynamic_optimization BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN start_action VARCHAR(64) DEFAULT 'TurnOnVMIfRunningWhenVSStopped' NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN stop_action VARCHAR(64) DEFAULT 'SaveVM' NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN delay_start_seconds INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN has_saved_state BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE virtual_machines ADD COLUMN last_restored_checkpoint_id UUID;
ALTER TABLE virtual_machines ADD COLUMN vm_template_id UUID;          -- what the VM was made from: a template,
ALTER TABLE virtual_machines ADD COLUMN hardware_profile_id UUID;     -- or a profile and a library disk
ALTER TABLE virtual_machines ADD COLUMN virtual_hard_disk_id UUID;
ALTER TABLE virtual_machines ADD COLUMN total_size BIGINT DEFAULT 0 NOT NULL; -- bytes of its disks' files
ALTER TABLE virtual_machines ADD COLUMN location VARCHAR(1024);      -- folder of its files on the host
ALTER TABLE virtual_machines ADD COLUMN capability_profile VARCHAR(64);

-- Azure PowerShell finds a VM by $filter=Name eq '…' (ID eq guid'…' uses the primary key).
CREATE INDEX virtual_machines_by_subscription_name ON virtual_machines (subscription_id, name);

-- The library: templates, hardware profiles, disks. Shared by tenants; each visible to the subscriptions granted it.
CREATE TABLE hardware_profiles (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    name                        VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    cpu_count                   INTEGER       NOT NULL,
    cpu_max                     INTEGER       DEFAULT 100 NOT NULL,
    cpu_reserve                 INTEGER       DEFAULT 0 NOT NULL,
    relative_weight             INTEGER       DEFAULT 100 NOT NULL,
    memory_mb                   INTEGER       NOT NULL,
    generation                  INTEGER       DEFAULT 1 NOT NULL,
    total_vhd_capacity          BIGINT,                       -- bytes; null when the profile does not say
    limit_cpu_for_migration     BOOLEAN       DEFAULT FALSE NOT NULL,
    limit_cpu_functionality     BOOLEAN       DEFAULT FALSE NOT NULL,
    accessibility               VARCHAR(16)   DEFAULT 'Public' NOT NULL,
    enabled                     BOOLEAN       DEFAULT TRUE NOT NULL,
    owner_user_name             VARCHAR(256),
    owner_role_name             VARCHAR(512),
    owner_role_id               UUID,
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id)
);

CREATE TABLE subscription_hardware_profiles (
    subscription_id UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    profile_id      UUID NOT NULL,
    stamp_id        UUID NOT NULL,
    PRIMARY KEY (subscription_id, profile_id, stamp_id),
    FOREIGN KEY (profile_id, stamp_id) REFERENCES hardware_profiles (id, stamp_id) ON DELETE CASCADE
);

-- Library disks (vm_id and subscription_id null) and the disks of VMs (both set) in one table, as in VMM's one set.
CREATE TABLE virtual_hard_disks (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          REFERENCES subscriptions (id), -- owner of a VM's disk; null in the library
    vm_id                       UUID,
    cloud_id                    UUID,
    name                        VARCHAR(256)  NOT NULL,       -- file name, e.g. 'WS2012R2-Datacenter.vhdx'
    description                 VARCHAR(4000),
    directory                   VARCHAR(1024),
    share_path                  VARCHAR(1024),                -- full path of the file
    family_name                 VARCHAR(256),
    release                     VARCHAR(64),
    release_time                TIMESTAMP WITH TIME ZONE,
    operating_system            VARCHAR(256),
    vhd_type                    VARCHAR(32)   NOT NULL,       -- DynamicallyExpanding | FixedSize | Differencing
    vhd_format                  VARCHAR(8)    DEFAULT 'VHDX' NOT NULL,
    size                        BIGINT        NOT NULL,       -- bytes the file takes now
    maximum_size                BIGINT        NOT NULL,       -- bytes the guest sees; what storage quota counts
    state                       VARCHAR(32)   DEFAULT 'Normal' NOT NULL,
    tags                        VARCHAR(1024),                -- Tag, as values separated by ';'
    parent_disk_id              UUID,
    library_share_id            UUID,
    accessibility               VARCHAR(16)   DEFAULT 'Public' NOT NULL,
    enabled                     BOOLEAN       DEFAULT TRUE NOT NULL,
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_id, stamp_id) REFERENCES virtual_machines (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX virtual_hard_disks_by_vm ON virtual_hard_disks (vm_id, stamp_id);
CREATE INDEX virtual_hard_disks_by_subscription ON virtual_hard_disks (subscription_id, name);

CREATE TABLE subscription_virtual_hard_disks (
    subscription_id UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    disk_id         UUID NOT NULL,
    stamp_id        UUID NOT NULL,
    PRIMARY KEY (subscription_id, disk_id, stamp_id),
    FOREIGN KEY (disk_id, stamp_id) REFERENCES virtual_hard_disks (id, stamp_id) ON DELETE CASCADE
);

CREATE TABLE vm_templates (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    name                        VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    os_type                     VARCHAR(16)   NOT NULL,       -- Windows | Linux
    operating_system            VARCHAR(256),
    computer_name               VARCHAR(256)  DEFAULT '*' NOT NULL,
    cpu_count                   INTEGER       NOT NULL,
    cpu_max                     INTEGER       DEFAULT 100 NOT NULL,
    cpu_reserve                 INTEGER       DEFAULT 0 NOT NULL,
    cpu_type                    VARCHAR(256),
    memory_mb                   INTEGER       NOT NULL,
    dynamic_memory_enabled      BOOLEAN       DEFAULT FALSE NOT NULL,
    dynamic_memory_minimum_mb   INTEGER,
    dynamic_memory_maximum_mb   INTEGER,
    dynamic_memory_buffer_percentage INTEGER,
    generation                  INTEGER       DEFAULT 1 NOT NULL,
    virtual_hard_disk_id        UUID,                         -- its OS disk in the library
    hardware_profile_id         UUID,
    total_vhd_capacity          BIGINT,
    boot_order                  VARCHAR(256)  DEFAULT 'CD;IdeHardDrive;PxeBoot;Floppy' NOT NULL, -- separated by ';'
    is_customizable             BOOLEAN       DEFAULT TRUE NOT NULL,
    admin_password_has_value    BOOLEAN       DEFAULT FALSE NOT NULL,
    product_key_has_value       BOOLEAN       DEFAULT FALSE NOT NULL,
    time_zone                   INTEGER,
    limit_cpu_for_migration     BOOLEAN       DEFAULT FALSE NOT NULL,
    limit_cpu_functionality     BOOLEAN       DEFAULT FALSE NOT NULL,
    status                      VARCHAR(32)   DEFAULT 'Normal' NOT NULL,
    accessibility               VARCHAR(16)   DEFAULT 'Public' NOT NULL,
    enabled                     BOOLEAN       DEFAULT TRUE NOT NULL,
    owner_user_name             VARCHAR(256),
    owner_role_name             VARCHAR(512),
    owner_role_id               UUID,
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id)
);

CREATE TABLE subscription_vm_templates (
    subscription_id UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    template_id     UUID NOT NULL,
    stamp_id        UUID NOT NULL,
    PRIMARY KEY (subscription_id, template_id, stamp_id),
    FOREIGN KEY (template_id, stamp_id) REFERENCES vm_templates (id, stamp_id) ON DELETE CASCADE
);

-- Network adapters of VMs (vm_id and subscription_id set) and of templates (template_id set, no subscription):
-- VMM serves both in one set, which clients filter by VMId or TemplateId.
CREATE TABLE virtual_network_adapters (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          REFERENCES subscriptions (id),
    vm_id                       UUID,
    template_id                 UUID,
    name                        VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    slot_id                     INTEGER       DEFAULT 0 NOT NULL,
    vm_network_id               UUID,                         -- null: not connected
    vm_network_name             VARCHAR(256),
    vm_subnet_id                UUID,
    mac_address                 VARCHAR(32),
    mac_address_type            VARCHAR(16)   DEFAULT 'Dynamic' NOT NULL,
    ipv4_address_type           VARCHAR(16)   DEFAULT 'Dynamic' NOT NULL,
    ipv6_address_type           VARCHAR(16)   DEFAULT 'Dynamic' NOT NULL,
    ipv4_addresses              VARCHAR(1024),                -- IPv4Addresses, separated by ';'
    ipv6_addresses              VARCHAR(1024),
    vlan_enabled                BOOLEAN       DEFAULT FALSE NOT NULL,
    vlan_id                     INTEGER       DEFAULT 0 NOT NULL,
    mac_address_spoofing_enabled BOOLEAN      DEFAULT FALSE NOT NULL,
    is_synthetic                BOOLEAN       DEFAULT TRUE NOT NULL,
    enabled                     BOOLEAN       DEFAULT TRUE NOT NULL,
    accessibility               VARCHAR(16)   DEFAULT 'Public' NOT NULL,
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_id, stamp_id) REFERENCES virtual_machines (id, stamp_id) ON DELETE CASCADE,
    FOREIGN KEY (template_id, stamp_id) REFERENCES vm_templates (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX virtual_network_adapters_by_vm ON virtual_network_adapters (vm_id, stamp_id);
CREATE INDEX virtual_network_adapters_by_template ON virtual_network_adapters (template_id, stamp_id);
CREATE INDEX virtual_network_adapters_by_subscription ON virtual_network_adapters (subscription_id);

CREATE TABLE virtual_disk_drives (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          NOT NULL REFERENCES subscriptions (id),
    vm_id                       UUID          NOT NULL,
    name                        VARCHAR(256),
    bus_type                    VARCHAR(8)    NOT NULL,       -- IDE | SCSI
    bus                         INTEGER       NOT NULL,
    lun                         INTEGER       NOT NULL,
    virtual_hard_disk_id        UUID,
    volume_type                 VARCHAR(32)   DEFAULT 'None' NOT NULL, -- BootAndSystem for the OS disk
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_id, stamp_id) REFERENCES virtual_machines (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX virtual_disk_drives_by_vm ON virtual_disk_drives (vm_id, stamp_id);
CREATE INDEX virtual_disk_drives_by_subscription ON virtual_disk_drives (subscription_id);

CREATE TABLE virtual_dvd_drives (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          NOT NULL REFERENCES subscriptions (id),
    vm_id                       UUID          NOT NULL,
    name                        VARCHAR(256),
    bus                         INTEGER       NOT NULL,
    lun                         INTEGER       NOT NULL,
    connection                  VARCHAR(16)   DEFAULT 'None' NOT NULL, -- None | ISOImage | HostDrive
    iso_id                      UUID,
    host_drive                  VARCHAR(16),
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_id, stamp_id) REFERENCES virtual_machines (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX virtual_dvd_drives_by_vm ON virtual_dvd_drives (vm_id, stamp_id);
CREATE INDEX virtual_dvd_drives_by_subscription ON virtual_dvd_drives (subscription_id);

CREATE TABLE virtual_scsi_adapters (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          NOT NULL REFERENCES subscriptions (id),
    vm_id                       UUID          NOT NULL,
    name                        VARCHAR(256),
    adapter_id                  INTEGER       NOT NULL,       -- 0..3 on Hyper-V
    shared                      BOOLEAN       DEFAULT FALSE NOT NULL,
    is_synthetic                BOOLEAN       DEFAULT TRUE NOT NULL,
    scsi_controller_type        VARCHAR(32)   DEFAULT 'DefaultTypeNoType' NOT NULL,
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_id, stamp_id) REFERENCES virtual_machines (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX virtual_scsi_adapters_by_vm ON virtual_scsi_adapters (vm_id, stamp_id);
CREATE INDEX virtual_scsi_adapters_by_subscription ON virtual_scsi_adapters (subscription_id);

CREATE TABLE vm_checkpoints (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          NOT NULL REFERENCES subscriptions (id),
    vm_id                       UUID          NOT NULL,
    name                        VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    parent_checkpoint_id        UUID,                         -- the checkpoint this one was taken after; null for the first
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_id, stamp_id) REFERENCES virtual_machines (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX vm_checkpoints_by_vm ON vm_checkpoints (vm_id, stamp_id);
CREATE INDEX vm_checkpoints_by_subscription ON vm_checkpoints (subscription_id);

-- A subscription's quota in a cloud, one row per dimension (VMCount, CpuCount, MemoryMB, StorageGB); a null limit
-- is unlimited, as is a dimension without a row.
CREATE TABLE cloud_quotas (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL,
    subscription_id             UUID          NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    cloud_id                    UUID          NOT NULL,
    quota_dimension             VARCHAR(16)   NOT NULL,
    user_role_quota             INTEGER,
    PRIMARY KEY (id, stamp_id),
    UNIQUE (subscription_id, cloud_id, stamp_id, quota_dimension),
    FOREIGN KEY (cloud_id, stamp_id) REFERENCES clouds (id, stamp_id) ON DELETE CASCADE
);

-- Quota rows with the usage computed from the subscription's VMs in the cloud (service VMs included), so the figure
-- is right after every create and delete: VM count, sum of CPUs, sum of memory (MB), and the disks' maximum sizes
-- rounded up to whole GB. A view, not a table: snapshots and resets (which copy tables) leave it alone.
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
