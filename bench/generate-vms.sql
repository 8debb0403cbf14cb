-- VM fixture for bench/vms.sh: @VMS@ stand-alone virtual machines in @SUBSCRIPTIONS@ subscriptions (1,000 each), each
-- with the six rows Azure PowerShell's $expand reads (a network adapter, a virtual hard disk, its disk drive, a DVD
-- drive, a SCSI adapter and a checkpoint), generated inside the database in set-based statements on top of the
-- bundled fixtures (it uses their West stamp). Subscription s has one cloud (s) on the West stamp (56ebc6dc-…);
-- VM v lives in subscription (v-1)/1000+1. Ids are predictable: <prefix>-0000-4000-8000-<number, 12 digits>, with
-- prefix 6b000000 subscription, 6c000000 cloud, 6f000000 VM, and for VM v's devices (number v) 61000000 adapter,
-- 62000000 disk, 63000000 disk drive, 64000000 DVD drive, 65000000 SCSI adapter, 66000000 checkpoint.
-- @RANGE(n)@ is replaced by the database's row generator (PostgreSQL generate_series, H2 SYSTEM_RANGE).

INSERT INTO subscriptions (id, name, account_admin)
SELECT CAST('6b000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'VM bench tenant ' || CAST(i AS VARCHAR(12)), 'vmbench' || CAST(i AS VARCHAR(12)) || '@bench.example'
FROM @RANGE(@SUBSCRIPTIONS@)@;

INSERT INTO clouds (id, stamp_id, name, description, last_modified_date, user_role_id, writable_library_path)
SELECT CAST('6c000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID), 'VM bench cloud ' || CAST(i AS VARCHAR(12)), 'Generated',
       TIMESTAMP WITH TIME ZONE '2014-03-12 09:15:00-07:00',
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID), NULL
FROM @RANGE(@SUBSCRIPTIONS@)@;

INSERT INTO subscription_clouds (subscription_id, cloud_id, stamp_id)
SELECT CAST('6b000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6c000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID)
FROM @RANGE(@SUBSCRIPTIONS@)@;

INSERT INTO virtual_machines (id, stamp_id, subscription_id, cloud_id, name, computer_name, status, status_string,
    virtual_machine_state, cpu_count, memory_mb, operating_system, added_time, modified_time, creation_time, enabled,
    total_size, location)
SELECT CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6c000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       'VM ' || LPAD(CAST(i AS VARCHAR(12)), 7, '0'), 'VM' || CAST(i AS VARCHAR(12)),
       'Running', 'Running', 'Running', 2, 2048, 'Windows Server 2012 R2 Datacenter',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TRUE, 15032385536,
       'C:\ClusterStorage\Volume1\VM' || CAST(i AS VARCHAR(12))
FROM @RANGE(@VMS@)@;

INSERT INTO virtual_network_adapters (id, stamp_id, subscription_id, vm_id, name, vm_network_name, mac_address,
    ipv4_addresses, added_time, modified_time)
SELECT CAST('61000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'Network Adapter', 'Bench VM Network', '00:1D:D8:B7:1C:00',
       '10.' || CAST(MOD(i / 65536, 256) AS VARCHAR(3)) || '.' || CAST(MOD(i / 256, 256) AS VARCHAR(3)) || '.'
           || CAST(MOD(i, 256) AS VARCHAR(3)),
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00'
FROM @RANGE(@VMS@)@;

INSERT INTO virtual_hard_disks (id, stamp_id, subscription_id, vm_id, cloud_id, name, vhd_type, size, maximum_size,
    operating_system, added_time, modified_time)
SELECT CAST('62000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6c000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       'VM' || CAST(i AS VARCHAR(12)) || '-OS.vhdx', 'DynamicallyExpanding', 15032385536, 42949672960,
       'Windows Server 2012 R2 Datacenter',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00'
FROM @RANGE(@VMS@)@;

INSERT INTO virtual_disk_drives (id, stamp_id, subscription_id, vm_id, name, bus_type, bus, lun, virtual_hard_disk_id,
    volume_type, added_time, modified_time)
SELECT CAST('63000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'IDE 0:0', 'IDE', 0, 0, CAST('62000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'BootAndSystem',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00'
FROM @RANGE(@VMS@)@;

INSERT INTO virtual_dvd_drives (id, stamp_id, subscription_id, vm_id, name, bus, lun, added_time, modified_time)
SELECT CAST('64000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'IDE 1:0', 1, 0,
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00'
FROM @RANGE(@VMS@)@;

INSERT INTO virtual_scsi_adapters (id, stamp_id, subscription_id, vm_id, name, adapter_id, added_time, modified_time)
SELECT CAST('65000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'SCSI Adapter 0', 0,
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00'
FROM @RANGE(@VMS@)@;

INSERT INTO vm_checkpoints (id, stamp_id, subscription_id, vm_id, name, added_time, modified_time)
SELECT CAST('66000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('6b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('6f000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'Before patching',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00'
FROM @RANGE(@VMS@)@;
