package io.localpack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one poller of the tests: it returns what it waited for, pauses between reads, and says what never came. */
class AwaitTest {

    @Test
    void returnsTheFirstValueThatIsDone() {
        AtomicInteger reads = new AtomicInteger();

        Integer value = Await.until("the third read", reads::incrementAndGet, read -> read == 3);

        assertThat(value).isEqualTo(3);
        assertThat(reads).hasValue(3);
    }

    @Test
    void pausesBetweenReadsInsteadOfSpinning() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> Await.until("never", Duration.ofMillis(300), reads::incrementAndGet, read -> false))
                .isInstanceOf(AssertionError.class);

        // 5, 10, 20, 40, 80, 100… ms apart: about 8 reads in 300 ms (fewer on a slow machine, never thousands).
        assertThat(reads.get()).isBetween(2, 12);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedAndTheLastValueSeen() {
        assertThatThrownBy(() -> Await.until("job 42 to complete", Duration.ofMillis(20), () -> "Running",
                "Completed"::equals))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Waited 20 ms for job 42 to complete; it did not happen. Last seen: Running");
    }

    @Test
    void aFailingReadFailsAtOnceNamingWhatWasAwaited() {
        assertThatThrownBy(() -> Await.until("the operation", () -> {
            throw new IOException("connection refused");
        }, read -> true))
                .isInstanceOf(AssertionError.class)
                .hasMessage("reading while waiting for the operation failed")
                .hasRootCauseMessage("connection refused");
    }
}
