package io.localpack.jobs;

import java.util.List;

/**
 * Several job handlers made the same way (one per operation of an enum, say), contributed by one bean instead of a
 * bean each; the runner takes them as if each were a {@link JobHandler} bean.
 */
@FunctionalInterface
public interface JobHandlerGroup {

    List<JobHandler> handlers();
}
