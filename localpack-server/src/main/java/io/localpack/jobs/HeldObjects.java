package io.localpack.jobs;

/**
 * Objects besides its target that a job needs free (no unfinished job on them), named by a query for their ids on the
 * jobs' database, so that finding them and checking them is one statement. The query's one column is the objects'
 * UUID id; its parameters are bound in order.
 *
 * <pre>{@code new HeldObjects("SELECT id FROM virtual_machines WHERE service_id = ? AND stamp_id = ?", id, stampId)}</pre>
 */
public record HeldObjects(String idsQuery, Object... parameters) {
}
