package com.klinelive.bench.render;

import com.klinelive.bench.common.Samples;
import com.klinelive.chart.CandleChart;
import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.scene.Scene;

/**
 * Times frames the same way for every chart: the start of each pulse (an animation timer, which runs first in
 * the pulse), the end of its CSS and layout pass on the FX thread (a post-layout pulse listener), and the end of
 * painting each frame on the render thread (the scene's performance tracker). With pulses at full speed, the
 * time between two painted frames is the whole cost of a frame, rasterisation in the software pipeline included.
 * On a shared machine that wall time also holds the time other processes took; the CPU time the FX thread and
 * the render thread spent per frame does not, so the report compares charts by it.
 */
final class FrameClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] rendered = new long[1 << 16];
    private final long[] renderCpu = new long[1 << 16];
    private long lastRenderCpu;
    private final Samples fxCpu = new Samples();
    private long lastFxCpu;
    private volatile int renderedCount;
    private volatile boolean recording;
    private final Samples pulseIntervals = new Samples();
    private final Samples fxWork = new Samples();
    private final PulseLog pulseLog = new PulseLog();
    private CandleChart chart;
    private long pulseStart;
    private long previousPulse;

    FrameClock(Scene scene) {
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(this::frameRendered);
        scene.addPostLayoutPulseListener(this::layoutDone);
    }

    /** Called first thing in each pulse. */
    void pulse(long now) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (recording && previousPulse != 0) {
            pulseIntervals.add(now - previousPulse);
            fxCpu.add(cpu - lastFxCpu);
            pulseLog.pulse(cpu - lastFxCpu, now - previousPulse, chart);
        }
        lastFxCpu = cpu;
        previousPulse = now;
        pulseStart = now;
    }

    /** Starts recording; {@code ours} is our chart, or null for another. */
    void start(CandleChart ours) {
        chart = ours;
        pulseLog.start(ours);
        pulseIntervals.clear();
        fxWork.clear();
        fxCpu.clear();
        previousPulse = 0;
        renderedCount = 0;
        recording = true;
    }

    void stop() {
        recording = false;
    }

    int framesRendered() {
        return renderedCount;
    }

    /** Time between consecutive painted frames. */
    Samples renderIntervals() {
        Samples s = new Samples();
        int n = Math.min(renderedCount, rendered.length);
        for (int i = 1; i < n; i++) {
            s.add(rendered[i] - rendered[i - 1]);
        }
        return s;
    }

    /** CPU time of the render thread per painted frame (after the first). */
    Samples renderCpu() {
        Samples s = new Samples();
        int n = Math.min(renderedCount, rendered.length);
        for (int i = 1; i < n; i++) {
            s.add(renderCpu[i]);
        }
        return s;
    }

    /** CPU time of the FX thread from one pulse to the next: animation, CSS, layout and the sync to the renderer. */
    Samples fxCpu() {
        return fxCpu;
    }

    /** The pulses with the most FX-thread CPU of the recording, and what each did. */
    PulseLog pulseLog() {
        return pulseLog;
    }

    Samples pulseIntervals() {
        return pulseIntervals;
    }

    Samples fxWork() {
        return fxWork;
    }

    private void layoutDone() {
        if (recording && pulseStart != 0) {
            fxWork.add(System.nanoTime() - pulseStart);
        }
    }

    // Render thread.
    private void frameRendered() {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (recording) {
            int i = renderedCount;
            if (i < rendered.length) {
                rendered[i] = System.nanoTime();
                renderCpu[i] = cpu - lastRenderCpu;
                renderedCount = i + 1;
            }
        }
        lastRenderCpu = cpu;
    }
}
