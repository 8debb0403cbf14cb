-- The data version (io.localpack.readcache.DataVersion): moved after every commit that may have written, read before
-- a kept answer is given again. PostgreSQL only uses it (an in-memory H2 database counts in the JVM), but every
-- database gets the same schema. A sequence, not a row: moving it takes no lock, and resets and snapshots, which
-- restore tables, cannot move it back.
CREATE SEQUENCE localpack_data_version;
