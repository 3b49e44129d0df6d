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
 * <p>A periodic task runs at whole multiples of its period on the wall clock (a second's at every whole second),
 * a few milliseconds late: tasks of one period run together, and so does the chart's candle-close countdown, which
 * changes at whole seconds too; what they change on screen shows in one frame instead of one each. A periodic task
 * never queues up: while one run waits for a busy FX thread, the next is skipped.
 */
public final class FxTimer {

    /** How late after a whole multiple of its period a periodic task runs, so that the new period has begun. */
    public static final long LAG_MILLIS = 3;

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

    /**
     * Runs {@code task} on the FX thread every {@code period} (whole milliseconds, at least one), at whole multiples
     * of it on the wall clock plus {@link #LAG_MILLIS}; the first time at the next one.
     */
    public static Scheduled every(Duration period, Runnable task) {
        long millis = Objects.requireNonNull(period, "period").toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("period must be at least a millisecond: " + period);
        }
        Task t = new Task(task);
        t.period = millis;
        t.scheduleNext();
        return t;
    }

    /**
     * Milliseconds from {@code now} (epoch ms) to the run after the one nearest to it: a run is due at each whole
     * multiple of {@code period} plus the lag, and a run a millisecond early or late must not find its own again.
     */
    static long untilNext(long now, long period) {
        long nearest = Math.floorDiv(now - LAG_MILLIS + period / 2, period);
        return (nearest + 1) * period + LAG_MILLIS - now;
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
        /** Milliseconds between runs; 0 for a task that runs once. */
        private long period;

        Task(Runnable work) {
            this.work = Objects.requireNonNull(work, "task");
        }

        /** On the timer thread: one hop to the FX thread, unless the last one is still waiting there. */
        void post() {
            if (cancelled) {
                return;
            }
            if (period > 0) {
                scheduleNext();
            }
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(this::run);
            }
        }

        /** Schedules the next periodic run, from the wall clock each time, so that the runs stay on its multiples. */
        void scheduleNext() {
            future = CLOCK.schedule(this::post, untilNext(System.currentTimeMillis(), period), TimeUnit.MILLISECONDS);
            if (cancelled) {
                future.cancel(false);
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
