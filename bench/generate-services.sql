-- Scale fixture for bench/scale.sh: @SERVICES@ services in @SUBSCRIPTIONS@ subscriptions (1,000 each, two clouds
-- each), generated inside the database in a few set-based statements (no row-by-row inserts), on top of the bundled
-- fixtures (it uses their stamp 56ebc6dc-… and template 20a730c8-…). Ids are predictable: subscription s is
-- 5b000000-0000-4000-8000-<s, 12 digits>, cloud c 5c000000-…-<c>, service i 5e000000-…-<i>.
-- @RANGE(n)@ is replaced by the database's row generator (PostgreSQL generate_series, H2 SYSTEM_RANGE).

INSERT INTO subscriptions (id, name, account_admin)
SELECT CAST('5b000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       'Bench tenant ' || CAST(i AS VARCHAR(12)), 'bench' || CAST(i AS VARCHAR(12)) || '@bench.example'
FROM @RANGE(@SUBSCRIPTIONS@)@;

INSERT INTO clouds (id, stamp_id, name, description, last_modified_date, user_role_id, writable_library_path)
SELECT CAST('5c000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID), 'Bench cloud ' || CAST(i AS VARCHAR(12)), 'Generated',
       TIMESTAMP WITH TIME ZONE '2014-03-12 09:15:00-07:00',
       CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i + 1) / 2 AS VARCHAR(12)), 12, '0') AS UUID), NULL
FROM @RANGE(@CLOUDS@)@;

INSERT INTO subscription_clouds (subscription_id, cloud_id, stamp_id)
SELECT CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i + 1) / 2 AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('5c000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID)
FROM @RANGE(@CLOUDS@)@;

INSERT INTO services (id, stamp_id, subscription_id, name, description, service_template_id, cloud_id, service_status,
    overall_status, deployment_state, service_priority, added_time, modified_time, enabled)
SELECT CAST('5e000000-0000-4000-8000-' || LPAD(CAST(i AS VARCHAR(12)), 12, '0') AS UUID),
       CAST('56ebc6dc-f63c-46e2-8438-2967e0ad83bc' AS UUID),
       CAST('5b000000-0000-4000-8000-' || LPAD(CAST((i - 1) / 1000 + 1 AS VARCHAR(12)), 12, '0') AS UUID),
       'Service ' || LPAD(CAST(i AS VARCHAR(12)), 7, '0'), 'Generated for the benchmark',
       CAST('20a730c8-228a-4d6a-9a8f-6506b21236a9' AS UUID),
       CAST('5c000000-0000-4000-8000-' || LPAD(CAST(2 * ((i - 1) / 1000 + 1) - MOD(i, 2) AS VARCHAR(12)), 12, '0') AS UUID),
       'OK', 'OK', 'Deployed', 'Normal', TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00',
       TIMESTAMP WITH TIME ZONE '2014-04-29 16:44:11-07:00', TRUE
FROM @RANGE(@SERVICES@)@;
