-- One row per running LocalPack instance: how many times it has changed state through a request (API or control
-- plane). Another instance sharing the database reads this small table while a dashboard page is open, to see changes
-- made without a job (docs/dashboard.md, "Live updates"). Bookkeeping, not emulated state: resets and snapshots
-- leave it alone (fixtures.TableGraph).
CREATE TABLE instance_changes (
    instance_id   VARCHAR(200)             NOT NULL PRIMARY KEY,
    change_count  BIGINT                   NOT NULL,
    changed_time  TIMESTAMP WITH TIME ZONE NOT NULL
);
