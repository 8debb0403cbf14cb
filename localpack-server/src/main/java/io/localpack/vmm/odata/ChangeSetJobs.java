package io.localpack.vmm.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The jobs the writes of one {@code $batch} change set queued. A change set runs in one database transaction, and a
 * job runs only once its row is committed, so a write inside a change set does not wait for its job as a lone write
 * does: it notes the job here, and the batch waits for the change set's jobs after the commit.
 */
public final class ChangeSetJobs {

    /** The request attribute that carries the change set a request belongs to (absent outside change sets). */
    public static final String ATTRIBUTE = ChangeSetJobs.class.getName();

    /** @param waits whether the request asked to wait for it (it did not say RunAsynchronously=1) */
    public record Queued(UUID jobId, boolean waits) {
    }

    private final List<Queued> queued = new ArrayList<>();
    private Queued last;

    void add(UUID jobId, boolean waits) {
        last = new Queued(jobId, waits);
        queued.add(last);
    }

    /** The job the request that ran last queued; null when it queued none. Reset with {@link #takeLast()}. */
    public Queued takeLast() {
        Queued taken = last;
        last = null;
        return taken;
    }

    public List<Queued> all() {
        return List.copyOf(queued);
    }
}
