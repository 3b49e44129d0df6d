package com.klinelive.feed;

import java.util.concurrent.Executor;

/**
 * The feed client's control thread and its clock: everything that changes the connection runs here, one task at
 * a time, so the state machine needs no locks. Tests drive a manual one step by step, without threads or sleeps.
 */
interface ControlLoop extends Executor {

    /** A task scheduled for later. */
    interface Scheduled {
        /** Cancels it if it has not run; harmless afterwards. */
        void cancel();
    }

    /** Runs {@code task} on the control thread after {@code delayMillis}. */
    Scheduled schedule(Runnable task, long delayMillis);

    /** The clock of the loop, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall clock of the loop, epoch milliseconds UTC, as {@link System#currentTimeMillis()}. */
    long currentTimeMillis();

    /** Stops the loop after what is queued, waiting a moment for it. */
    void shutdown();
}
