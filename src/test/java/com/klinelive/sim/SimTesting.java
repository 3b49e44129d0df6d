package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.model.Tick;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** What the simulator tests share: options for a quiet, seeded server on a free port, and bounded waiting. */
final class SimTesting {

    private SimTesting() {}

    /** One symbol, no history, seed 42, port 0, short poll hold and heartbeat so that tests stay fast. */
    static SimOptions options(double rate) {
        return SimOptions.defaults()
                .withPort(0)
                .withSeed(42)
                .withHistory(Duration.ZERO)
                .withRate(rate)
                .withSymbols(List.of("BTCUSDT"))
                .withLimits(SimLimits.defaults().withPollHold(Duration.ofSeconds(5)));
    }

    /** Waits until {@code condition} holds, checking every 10 ms; fails the test after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Asserts that {@code ticks} hold every sequence from {@code from} to their highest exactly once, in any
     * order: no gap, no duplicate.
     */
    static void assertExactlyOnce(List<Tick> ticks, long from) {
        TreeSet<Long> seqs = new TreeSet<>();
        for (Tick t : ticks) {
            if (!seqs.add(t.seq())) {
                fail("seq " + t.seq() + " received twice");
            }
        }
        assertEquals(from, seqs.first(), "first seq");
        assertEquals(seqs.last() - from + 1, seqs.size(), "a gap between " + from + " and " + seqs.last());
    }
}
