-- Scale fixture for bench/scale.sh: @SERVICES@ services in @SUBSCRIPTIONS@ subscriptions (1,000 each), with their
-- clouds, templates, virtual machines and deployment jobs, generated inside the database in a few set-based
-- statements (no row-by-row inserts), on top of the bundled fixtures (it uses their two stamps).
-- Each subscription s has two clouds and two templates, number 2s-1 on the West stamp (56ebc6dc-…) and 2s on the
-- East stamp (d70c1a9b-…). Service i lives in subscription (i-1)/1000+1, on West when i is odd and East when even,
-- in that stamp's cloud with that stamp's template; it has two virtual machines (2i-1, 2i) and one completed deploy
-- job (i), its MostRecentTask. Ids are predictable: <prefix>-0000-4000-8000-<number, 12 digits>, with prefix
-- 5b000000 subscription, 5c000000 cloud, 5d000000 template, 5e000000 service, 5f000000 VM, 5a000000 job.
-- @RANGE(n)@ is replaced by the database's row generator (PostgreSQL generate_series, H2 SYSTEM_RANGE).

INSERT INTO subscriptions (id, name, account_admin)
SELECT CAST('5b000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'Bench tenant ' || CAST(i AS VARCHAR(12)), 'bench' || CAST(i AS VARCHAR(12)) || '@bench.example'
FROM @RANGE(@SUBSCRIPTIONS@)@;

INSERT INTO clouds (id, stamp_id, name, description, last_modified_date, user_role_id, writable_library_path)
SELECT CAST('5c000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(i, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID),
       'Bench cloud ' || CAST(i AS VARCHAR(12)), 'Generated',
       TIMESTAMP WITH TIME ZONE '2014-03-12 09:15:00-07:00',
       CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i + 1) / 2 AS VARCHAR(12)), 12, '0') AS UUID), NULL
FROM @RANGE(@CLOUDS@)@;

INSERT INTO subscription_clouds (subscription_id, cloud_id, stamp_id)
SELECT CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i + 1) / 2 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('5c000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(i, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID)
FROM @RANGE(@CLOUDS@)@;

INSERT INTO service_templates (id, stamp_id, name, description, namespace, release, service_priority,
    service_template_state, is_published, published_time, added_time, modified_time, enabled,
    notifications_available, use_as_default_release, use_as_pattern, accessibility)
SELECT CAST('5d000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(i, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID),
       'Bench template ' || CAST(i AS VARCHAR(12)), 'Generated', 'Global', '1.0', 'Normal', 'Published', TRUE,
       TIMESTAMP WITH TIME ZONE '2014-02-10 10:00:00-08:00', TIMESTAMP WITH TIME ZONE '2014-02-10 10:00:00-08:00',
       TIMESTAMP WITH TIME ZONE '2014-02-10 10:00:00-08:00', TRUE, FALSE, TRUE, FALSE, 'Public'
FROM @RANGE(@CLOUDS@)@;

INSERT INTO subscription_service_templates (subscription_id, template_id, stamp_id)
SELECT CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i + 1) / 2 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('5d000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(i, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID)
FROM @RANGE(@CLOUDS@)@;

INSERT INTO jobs (id, stamp_id, subscription_id, kind, name, status, status_string, progress_value, current_step,
    current_step_index, skip_steps_before, created_time, start_time, end_time, owner, target_object_id,
    target_object_type, target_object_name, result_object_id, result_object_type, result_name, is_restartable,
    is_completed, attempt, version)
SELECT CAST('5a000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(i, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID),
       CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       'vmm.service.deploy', 'Create service', 'Completed', 'Completed', 100, 'Completed', 3, 0,
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:40:00-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:40:01-07:00',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', 'bench',
       CAST('5e000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID), 'Service',
       'Service ' || LPAD(CAST(i AS VARCHAR(12)), 7, '0'),
       CAST('5e000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID), 'Service',
       'Service ' || LPAD(CAST(i AS VARCHAR(12)), 7, '0'), FALSE, TRUE, 1, 4
FROM @RANGE(@SERVICES@)@;

INSERT INTO services (id, stamp_id, subscription_id, name, description, service_template_id, cloud_id, service_status,
    overall_status, deployment_state, service_priority, added_time, modified_time, enabled, most_recent_task_id)
SELECT CAST('5e000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(i, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID),
       CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       'Service ' || LPAD(CAST(i AS VARCHAR(12)), 7, '0'), 'Generated for the benchmark',
       CAST('5d000000-0000-4000-8000-' || LPAD(CAST(2 * ((i - 1) / 1000 + 1) - MOD(i, 2) AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('5c000000-0000-4000-8000-' || LPAD(CAST(2 * ((i - 1) / 1000 + 1) - MOD(i, 2) AS VARCHAR(12)), 12, '0') AS UUID),
       'OK', 'OK', 'Deployed', 'Normal', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TRUE,
       CAST('5a000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID)
FROM @RANGE(@SERVICES@)@;

-- VM v belongs to service (v+1)/2 and sits on its stamp and in its cloud.
INSERT INTO virtual_machines (id, stamp_id, subscription_id, service_id, cloud_id, computer_tier_name, name,
    computer_name, status, status_string, virtual_machine_state, deployment_state, cpu_count, memory_mb,
    operating_system, added_time, modified_time, creation_time, enabled, most_recent_task_id)
SELECT CAST('5f000000-0000-4000-8000-' || LPAD(CAST(v AS VARCHAR(12)), 12, '0') AS UUID),
       CAST(CASE MOD(s, 2) WHEN 1 THEN '56ebc6dc-f63c-46e2-8438-2967e0ad83bc' ELSE 'd70c1a9b-c241-48f5-880a-b6c36071e653' END AS UUID),
       CAST('5b000000-0000-4000-8000-' || LPAD(CAST((s - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('5e000000-0000-4000-8000-' || LPAD(CAST(s AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('5c000000-0000-4000-8000-' || LPAD(CAST(2 * ((s - 1) / 1000 + 1) - MOD(s, 2) AS VARCHAR(12)), 12, '0') AS UUID),
       'Web Tier', 'Service ' || LPAD(CAST(s AS VARCHAR(12)), 7, '0') || '-VM' || CAST(2 - MOD(v, 2) AS VARCHAR(1)),
       'SVC' || CAST(s AS VARCHAR(12)) || '-' || CAST(2 - MOD(v, 2) AS VARCHAR(1)),
       'Running', 'Running', 'Running', 'Deployed', 2, 2048, 'Windows Server 2012 R2 Datacenter',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TRUE,
       CAST('5a000000-0000-4000-8000-' || LPAD(CAST(s AS VARCHAR(12)), 12, '0') AS UUID)
FROM (SELECT i AS v, (i + 1) / 2 AS s FROM @RANGE(@VMS@)@) vm;
