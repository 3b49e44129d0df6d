package com.klinelive.app;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the window's periodic upkeep (status text, watchlist quotes, stats lines) a few times a second on the FX
 * thread, from a timer thread of its own. Not a JavaFX Timeline: a running animation keeps JavaFX pulsing sixty
 * times a second even when nothing changes, where a task posted to the FX thread costs one wake-up.
 */
final class UiClock implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-clock");
        t.setDaemon(true);
        return t;
    });
    private final Executor fx;

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}) */
    UiClock(Executor fx) {
        this.fx = fx;
    }

    /** Runs {@code task} on the FX thread every {@code millis}, from now on until closed. */
    ScheduledFuture<?> every(long millis, Runnable task) {
        return timer.scheduleWithFixedDelay(() -> fx.execute(task), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the FX thread once, after {@code millis}. */
    ScheduledFuture<?> after(long millis, Runnable task) {
        return timer.schedule(() -> fx.execute(task), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
