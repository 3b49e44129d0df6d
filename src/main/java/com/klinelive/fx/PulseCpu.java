package com.klinelive.fx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import javafx.scene.Scene;

/**
 * The FX thread's CPU time per pulse of a scene, for the viewer's {@code --stats} line: each pulse starts a sample
 * that ends where the next begins, so a sample holds everything the FX thread did meanwhile (animation timers,
 * CSS, layout, syncing to the renderer, the window's upload, events and {@code runLater} tasks). Keeps the most
 * recent samples in a ring. Read the figures on the FX thread.
 */
public final class PulseCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] cpu;
    private final long[] at;
    private long count;
    private long lastCpu = -1;

    private PulseCpu(int capacity) {
        cpu = new long[capacity];
        at = new long[capacity];
    }

    /** Measures {@code scene}'s pulses from now on, keeping the last 1,024. */
    public static PulseCpu attach(Scene scene) {
        PulseCpu meter = new PulseCpu(1024);
        scene.addPreLayoutPulseListener(meter::pulse);
        return meter;
    }

    private void pulse() {
        long now = THREADS.getCurrentThreadCpuTime();
        if (lastCpu >= 0) {
            int slot = (int) (count % cpu.length);
            cpu[slot] = now - lastCpu;
            at[slot] = System.nanoTime();
            count++;
        }
        lastCpu = now;
    }

    /**
     * {@code fx_pulse_cpu_ms_p50=.. fx_pulse_cpu_ms_p99=.. fx_pulse_cpu_ms_max=.. pulses_per_s=..} over the samples
     * kept (pulses per second over the last ten seconds, so that a window that stopped pulsing says 0).
     */
    @Override
    public String toString() {
        int n = (int) Math.min(count, cpu.length);
        long[] sorted = Arrays.copyOf(cpu, n);
        Arrays.sort(sorted);
        long since = System.nanoTime() - 10_000_000_000L;
        int recent = 0;
        for (int i = 0; i < n; i++) {
            recent += at[i] - since > 0 ? 1 : 0;
        }
        return String.format(
                Locale.ROOT,
                "fx_pulse_cpu_ms_p50=%.2f fx_pulse_cpu_ms_p99=%.2f fx_pulse_cpu_ms_max=%.2f pulses_per_s=%.1f",
                rank(sorted, 0.50),
                rank(sorted, 0.99),
                n == 0 ? 0 : sorted[n - 1] / 1e6,
                recent / 10.0);
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))] / 1e6;
    }
}
