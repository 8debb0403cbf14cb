package io.localpack.jobs;

/** The engine's own error numbers. VMM numbers where VMM has one; otherwise LocalPack-private (marked). */
public final class JobErrors {

    /** VMM 2602: objects locked by another job. */
    public static final int OBJECT_LOCKED = 2602;

    /**
     * VMM 1700: the VMM service stopped while the job was running (a restartable failure in VMM too). Used when the
     * runner of a job died and its lease expired. Number recalled from VMM's error list, not verified.
     */
    public static final int SERVER_STOPPED = 1700;

    /** LocalPack-private: a handler failed with an unexpected exception (a bug in LocalPack). */
    public static final int INTERNAL_ERROR = 99_001;

    /** LocalPack-private: no handler for the job's kind is installed on the runner that claimed it. */
    public static final int NO_HANDLER = 99_002;

    private JobErrors() {
    }

    static JobError runnerDied() {
        return JobError.of(SERVER_STOPPED, "ServerStopped",
                "The LocalPack instance running this job stopped while the job was running.",
                "Restart the job.");
    }

    static JobError internal(Throwable e) {
        return new JobError(INTERNAL_ERROR, "InternalError",
                "An internal error occurred in LocalPack while running the job: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                "Restart the job. If the error persists, report it as a LocalPack bug.",
                "Error", "None", String.valueOf(e), true, 500);
    }

    static JobError noHandler(String kind) {
        return JobError.of(NO_HANDLER, "InternalError",
                "No job handler for operation '" + kind + "' is installed on this LocalPack instance.",
                "Run the same LocalPack version on every instance.");
    }
}
