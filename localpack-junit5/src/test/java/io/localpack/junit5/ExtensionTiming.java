package io.localpack.junit5;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the extension costs a test suite (bench/harness.sh runs it): the first start in a fresh JVM (what the first
 * test class waits for), a second start in the same JVM (every later class), and the per-test reset.
 */
public final class ExtensionTiming {

    public static void main(String[] args) {
        int resets = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long t0 = System.nanoTime();
        LocalPackServer first = LocalPackServer.start(LocalPackSettings.DEFAULT);
        long firstStart = System.nanoTime() - t0;
        List<Long> resetNanos = new ArrayList<>();
        for (int i = 0; i < resets + 5; i++) {
            long r = System.nanoTime();
            first.client().reset();
            if (i >= 5) {
                resetNanos.add(System.nanoTime() - r);
            }
        }
        first.close();
        long t1 = System.nanoTime();
        LocalPackServer second = LocalPackServer.start(LocalPackSettings.DEFAULT);
        long secondStart = System.nanoTime() - t1;
        second.close();
        Collections.sort(resetNanos);
        System.out.printf("extension first start (fresh JVM): %d ms%n", firstStart / 1_000_000);
        System.out.printf("extension later start (same JVM): %d ms%n", secondStart / 1_000_000);
        System.out.printf("extension reset between tests: median %.1f ms, p90 %.1f ms (%d resets)%n",
                resetNanos.get(resetNanos.size() / 2) / 1e6, resetNanos.get(resetNanos.size() * 9 / 10) / 1e6, resets);
        System.exit(0);
    }
}
