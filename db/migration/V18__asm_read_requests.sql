-- Issue 20: the records of ASM reads (GET requests) in a table of their own. Get Operation Status finds them by
-- request id alone, List Subscription Operations never lists them, and they are written in batches and deleted by
-- the thousand (only the newest are kept), so the table has one index: its primary key, the request id's first 64
-- bits as a BIGINT, which H2 keeps its rows by (a UUID key would be a second index beside the row key, and the
-- (subscription_id, started_time) index of asm_requests a third). No foreign key either: H2 indexes a foreign key's
-- columns, and PostgreSQL locks the subscription's row for each record written. A record is written only while its
-- subscription exists (INSERT … SELECT … FROM subscriptions), and deleting a subscription deletes its records
-- (SubscriptionStore.deleteCloudServices); one written while the subscription is being deleted is left behind, where
-- only its id could find it (and the subscription is gone), until the newest reads push it out.
CREATE TABLE asm_read_requests (
    request_key         BIGINT        NOT NULL PRIMARY KEY,   -- request_id's most significant 64 bits
    request_id          UUID          NOT NULL,
    subscription_id     UUID          NOT NULL,
    http_method         VARCHAR(8)    NOT NULL,
    operation_name      VARCHAR(64)   NOT NULL,
    object_id           VARCHAR(1024) NOT NULL,
    http_status         INTEGER       NOT NULL,
    error_code          VARCHAR(64),
    error_message       VARCHAR(2048),
    caller_user         VARCHAR(256),
    caller_thumbprint   VARCHAR(40),
    client_ip           VARCHAR(64),
    started_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_time      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Reads' records an earlier version kept are not moved (the key is computed by the application, and a read's
-- record is kept only for a while in any case): their ids answer 404 ResourceNotFound, as expired ones.
DELETE FROM asm_requests WHERE http_method = 'GET';
