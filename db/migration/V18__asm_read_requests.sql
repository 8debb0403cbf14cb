-- Issue 20: the records of ASM reads (GET requests) in a table of their own. Get Operation Status finds them by
-- request id alone, List Subscription Operations never lists them, and they are written in batches and deleted by
-- the thousand (only the newest are kept): without the (subscription_id, started_time) index that the listing needs
-- on asm_requests, a read's record is one index less to insert into and to delete from.
CREATE TABLE asm_read_requests (
    request_id          UUID          NOT NULL PRIMARY KEY,
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
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
INSERT INTO asm_read_requests
    SELECT request_id, subscription_id, http_method, operation_name, object_id, http_status, error_code,
           error_message, caller_user, caller_thumbprint, client_ip, started_time, completed_time
    FROM asm_requests WHERE http_method = 'GET';
DELETE FROM asm_requests WHERE http_method = 'GET';
