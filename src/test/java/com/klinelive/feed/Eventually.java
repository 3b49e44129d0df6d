package com.klinelive.feed;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** Bounded waiting for something that happens on other threads: polls, and fails with a description on time-out. */
public final class Eventually {

    private Eventually() {}

    /** Waits up to {@code millis} for {@code condition}; fails with {@code describe}'s text if it never holds. */
    public static void waitFor(long millis, BooleanSupplier condition, Supplier<String> describe) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("timed out after " + millis + " ms: " + describe.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted");
            }
        }
    }
}
