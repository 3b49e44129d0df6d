package com.klinelive.bench.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.FrameStats;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What each pulse did, for the slowest ones: the FX thread's CPU from the start of one pulse to the next, the
 * collections and the JIT's compile time meanwhile (other threads' work, which a pulse may wait for or be
 * slowed by), and what our chart did in it (a frame drawn, every layer or the live one only, and how long the
 * draw took). Keeps the {@link #KEPT} pulses with the most FX CPU of a case.
 */
final class PulseLog {

    static final int KEPT = 5;

    /**
     * One pulse, from its start to the next one's.
     *
     * @param index         the pulse's number in the case's measured window, from 0
     * @param startEpochMs  when it started, epoch milliseconds (to find it in a profile)
     * @param fxCpuMs       CPU time of the FX thread
     * @param wallMs        wall time until the next pulse
     * @param gcCount       collections that ended meanwhile
     * @param gcMs          their accumulated time, as the collectors report it
     * @param jitMs         time the JIT spent compiling meanwhile, on its own threads
     * @param chartFrames   frames our chart drew (0 or 1), -1 for another chart
     * @param chartWhole    of those, frames that repainted every layer
     * @param chartDrawMs   how long the chart's draw took
     */
    record Pulse(
            int index,
            long startEpochMs,
            double fxCpuMs,
            double wallMs,
            long gcCount,
            double gcMs,
            double jitMs,
            long chartFrames,
            long chartWhole,
            double chartDrawMs) {

        /** One line for the log: the figures and what the pulse did. */
        String describe() {
            String chart = chartFrames < 0
                    ? "not our chart"
                    : chartFrames == 0
                            ? "chart drew nothing"
                            : String.format(
                                    Locale.ROOT,
                                    "chart drew %s in %.2f ms",
                                    chartWhole > 0 ? "every layer" : "the live layer",
                                    chartDrawMs);
            return String.format(
                    Locale.ROOT,
                    "pulse %d: fx cpu %.2f ms, wall %.2f ms, %d GC (%.1f ms), JIT %.1f ms; %s",
                    index,
                    fxCpuMs,
                    wallMs,
                    gcCount,
                    gcMs,
                    jitMs,
                    chart);
        }
    }

    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final List<Pulse> slowest = new ArrayList<>();
    private int index;
    private long gcCount;
    private long gcMillis;
    private long jitMillis;
    private long chartFrames;
    private long chartWhole;

    /** Starts a case's window: the figures from here on. */
    void start(CandleChart chart) {
        slowest.clear();
        index = 0;
        mark(chart);
    }

    /** Ends a pulse that took {@code fxCpuNanos} and {@code wallNanos}; {@code chart} is ours or null. */
    void pulse(long fxCpuNanos, long wallNanos, CandleChart chart) {
        long startEpochMs = System.currentTimeMillis() - wallNanos / 1_000_000;
        long gcCountBefore = gcCount;
        long gcMillisBefore = gcMillis;
        long jitBefore = jitMillis;
        long framesBefore = chartFrames;
        long wholeBefore = chartWhole;
        mark(chart);
        Pulse p = new Pulse(
                index++,
                startEpochMs,
                fxCpuNanos / 1e6,
                wallNanos / 1e6,
                gcCount - gcCountBefore,
                gcMillis - gcMillisBefore,
                jitMillis - jitBefore,
                chart == null ? -1 : chartFrames - framesBefore,
                chart == null ? 0 : chartWhole - wholeBefore,
                chart == null ? 0 : chart.frameStats().lastDrawNanos() / 1e6);
        slowest.add(p);
        slowest.sort(Comparator.comparingDouble(Pulse::fxCpuMs).reversed());
        if (slowest.size() > KEPT) {
            slowest.remove(KEPT);
        }
    }

    /** The slowest pulses, slowest first. */
    List<Pulse> slowest() {
        return List.copyOf(slowest);
    }

    JsonArray toJson() {
        JsonArray out = new JsonArray();
        for (Pulse p : slowest) {
            JsonObject o = new JsonObject();
            o.addProperty("index", p.index());
            o.addProperty("startEpochMs", p.startEpochMs());
            o.addProperty("fxCpuMs", p.fxCpuMs());
            o.addProperty("wallMs", p.wallMs());
            o.addProperty("gcCount", p.gcCount());
            o.addProperty("gcMs", p.gcMs());
            o.addProperty("jitMs", p.jitMs());
            o.addProperty("chartFrames", p.chartFrames());
            o.addProperty("chartWhole", p.chartWhole());
            o.addProperty("chartDrawMs", p.chartDrawMs());
            o.addProperty("what", p.describe());
            out.add(o);
        }
        return out;
    }

    private void mark(CandleChart chart) {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        gcCount = count;
        gcMillis = millis;
        jitMillis = JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
        if (chart != null) {
            FrameStats stats = chart.frameStats();
            chartFrames = stats.frames();
            chartWhole = stats.wholeFrames();
        }
    }
}
