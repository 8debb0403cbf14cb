package io.localpack.admin.ui;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** Requests and finished jobs per second over the last {@code seconds}, for the overview's two small charts. */
final class RateHistory {

    record Sample(String time, int requests, int jobs) {
    }

    private final int seconds;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    RateHistory(int seconds) {
        this.seconds = seconds;
    }

    synchronized Sample add(int requests, int jobs) {
        Sample sample = new Sample(Instant.now().toString(), requests, jobs);
        if (samples.size() == seconds) {
            samples.removeFirst();
        }
        samples.addLast(sample);
        return sample;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
