package com.klinelive.chart;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs the chart's per-pulse work only while there is some. An {@link AnimationTimer} makes JavaFX pulse 60 times
 * a second for as long as it runs, so this one stops itself after a pulse with nothing left to do and starts again
 * when {@link #wake()} is called. A wake from another thread (a feed marking the chart dirty) costs one volatile
 * read while the timer runs, and one {@link Platform#runLater} when it sleeps: at most one per idle-to-busy
 * transition, never one per tick.
 *
 * <p>Parked (the chart is not showing), it neither runs nor posts wake-ups: marks accumulate in the chart's dirty
 * flag, and {@link #unpark()} draws them in the next pulse.
 */
final class PulseDriver {

    private final LongPredicate pulse;
    private final BooleanSupplier pending;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulsed(now);
        }
    };

    /** True only while asleep, not parked: the first wake then owes the FX thread a start. */
    private final AtomicBoolean asleep = new AtomicBoolean();

    private boolean running;
    private boolean parked = true;
    private long pulses;

    /**
     * @param pulse   the work of one pulse, given the pulse's time; returns whether there is more to do next pulse
     * @param pending whether work arrived that a pulse has not seen yet (read after going to sleep, so that a
     *                mark racing with it is not lost)
     */
    PulseDriver(LongPredicate pulse, BooleanSupplier pending) {
        this.pulse = pulse;
        this.pending = pending;
    }

    /** Asks for a pulse soon. Any thread; cheap while the timer runs or is parked. */
    void wake() {
        if (asleep.get() && asleep.compareAndSet(true, false)) {
            if (Platform.isFxApplicationThread()) {
                start();
            } else {
                Platform.runLater(this::start);
            }
        }
    }

    /** Stops pulsing and ignores wakes until {@link #unpark()}. FX thread. */
    void park() {
        parked = true;
        asleep.set(false);
        stop();
    }

    /** Pulses again, at once. FX thread. */
    void unpark() {
        parked = false;
        asleep.set(false);
        start();
    }

    boolean isParked() {
        return parked;
    }

    /** Whether the timer runs now (it pulses). FX thread. */
    boolean isRunning() {
        return running;
    }

    /** Pulses run since this driver was made. FX thread. */
    long pulses() {
        return pulses;
    }

    private void start() {
        if (!parked && !running) {
            running = true;
            timer.start();
        }
    }

    private void stop() {
        if (running) {
            running = false;
            timer.stop();
        }
    }

    private void pulsed(long now) {
        if (!running) {
            // A pulse already under way when the timer was stopped.
            return;
        }
        pulses++;
        boolean more = pulse.test(now);
        if (more || !running) {
            // More to do, or the work parked the driver (the chart was hidden meanwhile).
            return;
        }
        stop();
        asleep.set(true);
        // Work marked after this pulse looked but before the flag above was set found the driver awake.
        if (pending.getAsBoolean()) {
            wake();
        }
    }
}
