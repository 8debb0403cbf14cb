package io.localpack.testsupport;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Polls until something is true, pausing between tries: 5 ms at first, doubling up to 100 ms, so a quick job is
 * seen at once and a slow one does not keep a core busy with requests.
 */
public final class Await {

    /** Long enough for any test job on a loaded machine; a job that takes longer is a failure worth reporting. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    /** A read that may throw, e.g. an HTTP request. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    private Await() {
    }

    /** {@link #until(String, Duration, Probe, Predicate)} with {@link #DEFAULT_TIMEOUT}. */
    public static <T> T until(String what, Probe<T> probe, Predicate<? super T> done) {
        return until(what, DEFAULT_TIMEOUT, probe, done);
    }

    /**
     * Reads {@code probe} until {@code done} accepts the value and returns that value.
     *
     * @param what what is awaited, for the failure message, e.g. "job 1234 to complete"
     * @throws AssertionError after {@code timeout}, naming {@code what} and the last value read
     */
    public static <T> T until(String what, Duration timeout, Probe<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        T last;
        while (true) {
            try {
                last = probe.read();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("reading while waiting for " + what + " failed", e);
            }
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Waited " + timeout.toMillis() + " ms for " + what
                        + "; it did not happen. Last seen: " + last);
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
