package com.klinelive.fx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Runs work on the FX thread later or periodically without keeping JavaFX pulsing. A running {@code Timeline},
 * {@code PauseTransition} or {@code AnimationTimer} makes JavaFX pulse 60 times a second, and each pulse costs the
 * FX thread a CSS and layout pass even when nothing changed; a task here waits on a daemon thread of its own and
 * hops onto the FX thread once, with {@link Platform#runLater}, when it is due. A pulse then follows only if the
 * task changed something on screen.
 *
 * <p>A periodic task never queues up: while one run waits for a busy FX thread, the next is skipped.
 */
public final class FxTimer {

    private static final ScheduledThreadPoolExecutor CLOCK = clock();

    /** A scheduled task; {@link #cancel()} stops it, from the FX thread or any other. */
    public interface Scheduled {

        /** Stops the task: a run not yet started on the FX thread does not start. */
        void cancel();
    }

    private FxTimer() {}

    /** Runs {@code task} on the FX thread once, {@code delay} from now. */
    public static Scheduled after(Duration delay, Runnable task) {
        Task t = new Task(task);
        t.future = CLOCK.schedule(t::post, nanos(delay), TimeUnit.NANOSECONDS);
        return t;
    }

    /** Runs {@code task} on the FX thread every {@code period}, the first time one period from now. */
    public static Scheduled every(Duration period, Runnable task) {
        long nanos = nanos(period);
        if (nanos <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        Task t = new Task(task);
        t.future = CLOCK.scheduleAtFixedRate(t::post, nanos, nanos, TimeUnit.NANOSECONDS);
        return t;
    }

    private static long nanos(Duration d) {
        return Objects.requireNonNull(d, "duration").toNanos();
    }

    private static ScheduledThreadPoolExecutor clock() {
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("fx-timer");
            t.setDaemon(true);
            return t;
        });
        // A cancelled task leaves the queue at once: charts come and go, and each holds its skin.
        clock.setRemoveOnCancelPolicy(true);
        return clock;
    }

    private static final class Task implements Scheduled {

        private final Runnable work;
        private final AtomicBoolean posted = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> future;

        Task(Runnable work) {
            this.work = Objects.requireNonNull(work, "task");
        }

        /** On the timer thread: one hop to the FX thread, unless the last one is still waiting there. */
        void post() {
            if (!cancelled && posted.compareAndSet(false, true)) {
                Platform.runLater(this::run);
            }
        }

        private void run() {
            posted.set(false);
            if (!cancelled) {
                work.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
