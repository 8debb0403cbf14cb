-- Timing mode "polls" (/_localpack/timing): a job advances only as its status is read.
-- status_reads: reads of the job's status (VMM Jobs GET, ASM Get Operation Status) while it was unfinished;
-- status_reads_seen: how many of them its runner has acted on, so a read can wait until the job caught up.
ALTER TABLE jobs ADD COLUMN status_reads INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE jobs ADD COLUMN status_reads_seen INTEGER DEFAULT 0 NOT NULL;
