package io.localpack.jobs;

import java.time.Duration;

/**
 * How long a kind of job takes (settable at run time through {@code /_localpack/timing}): at once, after a duration,
 * or after its status has been read a number of times (Moto's style: a client that polls three times sees it finish
 * on the third read). In every mode progress rises step by step.
 */
public sealed interface JobTiming {

    /** True when no step waits: the whole run can be one database transaction. */
    default boolean instantaneous() {
        return this instanceof Immediate || (this instanceof After after && after.duration().isZero());
    }

    /** Every step finishes at once. */
    record Immediate() implements JobTiming {
    }

    /** The steps share the duration, each in proportion to the progress it adds. */
    record After(Duration duration) implements JobTiming {
    }

    /** A step ending at progress p finishes once the status was read ceil(polls * p / 100) times. */
    record Polls(int polls) implements JobTiming {

        int readsNeededFor(int progress) {
            return (int) Math.ceil(polls * progress / 100.0);
        }
    }
}
