package com.klinelive.chart;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame statistics measured inside the chart: when each frame was drawn (the pulse time), how long drawing took
 * on the FX thread, and the tick-to-pixel latency, from the receipt of the oldest data a frame shows (the
 * nanoTime the caller passed to {@link CandleChart#markDirty(long)}) to the end of drawing that frame. Keeps the
 * most recent samples in rings of fixed size. Thread-safe: the FX thread records, any thread may read.
 */
public final class FrameStats {

    /** Samples kept of each kind unless told otherwise: about 17 seconds at 60 frames a second. */
    public static final int DEFAULT_CAPACITY = 1024;

    /**
     * What the recent samples say.
     *
     * @param frames               frames recorded since the last reset
     * @param wholeFrames          of those, the frames that repainted every visible candle; the others repainted
     *                             only the live candle's layer and the labels
     * @param fps                  frames per second over the frames kept
     * @param frameMillisP50       median time to draw a frame on the FX thread
     * @param frameMillisP99       99th percentile of the time to draw a frame
     * @param intervalMillisP99    99th percentile of the time between two drawn frames
     * @param tickToPixelMillisP50 median tick-to-pixel latency
     * @param tickToPixelMillisP99 99th percentile of the tick-to-pixel latency
     */
    public record Snapshot(
            long frames,
            long wholeFrames,
            double fps,
            double frameMillisP50,
            double frameMillisP99,
            double intervalMillisP99,
            double tickToPixelMillisP50,
            double tickToPixelMillisP99) {

        /** {@code fps=.. frame_ms_p99=.. tick_to_pixel_ms_p50=.. tick_to_pixel_ms_p99=..}, for the stats line. */
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "fps=%.1f frame_ms_p99=%.2f tick_to_pixel_ms_p50=%.2f tick_to_pixel_ms_p99=%.2f",
                    fps,
                    frameMillisP99,
                    tickToPixelMillisP50,
                    tickToPixelMillisP99);
        }
    }

    private final long[] pulses;
    private final long[] drawNanos;
    private final long[] latencies;
    private long frames;
    private long wholeFrames;
    private long keptFrames;
    private long latencyCount;

    /** Statistics keeping {@link #DEFAULT_CAPACITY} samples of each kind. */
    public FrameStats() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity samples kept of each kind, at least 2 */
    public FrameStats(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be >= 2: " + capacity);
        }
        pulses = new long[capacity];
        drawNanos = new long[capacity];
        latencies = new long[capacity];
    }

    /**
     * Records a drawn frame: the pulse's nanoTime, how long drawing took in nanoseconds, and whether it repainted
     * every visible candle ({@code whole}) or only the live candle's layer.
     */
    public synchronized void recordFrame(long pulseNanos, long drawingNanos, boolean whole) {
        if (whole) {
            wholeFrames++;
        }
        int slot = (int) (frames % pulses.length);
        pulses[slot] = pulseNanos;
        drawNanos[slot] = drawingNanos;
        frames++;
    }

    /**
     * Records that the last frame recorded left every live layer as it was: what changed (a label, the newest
     * price within its device pixel) needed no layer painted.
     */
    public synchronized void recordLayersKept() {
        keptFrames++;
    }

    /** Of the frames recorded, those that left every live layer as it was. */
    public synchronized long keptFrames() {
        return keptFrames;
    }

    /** Records the latency from a tick's receipt to the end of the frame that drew it, in nanoseconds. */
    public synchronized void recordTickToPixel(long nanos) {
        latencies[(int) (latencyCount % latencies.length)] = nanos;
        latencyCount++;
    }

    /** Frames recorded since the last reset: {@link Snapshot#frames()} without the work of a snapshot. */
    public synchronized long frames() {
        return frames;
    }

    /** Of those, the frames that repainted every layer: {@link Snapshot#wholeFrames()}. */
    public synchronized long wholeFrames() {
        return wholeFrames;
    }

    /** How long drawing the last frame took on the FX thread, in nanoseconds; 0 before the first. */
    public synchronized long lastDrawNanos() {
        return frames == 0 ? 0 : drawNanos[(int) ((frames - 1) % drawNanos.length)];
    }

    /** Forgets every sample. */
    public synchronized void reset() {
        frames = 0;
        wholeFrames = 0;
        keptFrames = 0;
        latencyCount = 0;
    }

    /** Statistics of the samples kept; zeros where there are none. */
    public synchronized Snapshot snapshot() {
        int n = (int) Math.min(frames, pulses.length);
        long[] draws = Arrays.copyOf(drawNanos, n);
        long[] intervals = new long[Math.max(0, n - 1)];
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        long first = frames - n;
        for (long f = first; f < frames; f++) {
            long pulse = pulses[(int) (f % pulses.length)];
            oldest = Math.min(oldest, pulse);
            newest = Math.max(newest, pulse);
            if (f > first) {
                intervals[(int) (f - first - 1)] = pulse - pulses[(int) ((f - 1) % pulses.length)];
            }
        }
        double fps = n >= 2 && newest > oldest ? (n - 1) * 1e9 / (newest - oldest) : 0;
        long[] lat = Arrays.copyOf(latencies, (int) Math.min(latencyCount, latencies.length));
        return new Snapshot(
                frames,
                wholeFrames,
                fps,
                millis(draws, 0.50),
                millis(draws, 0.99),
                millis(intervals, 0.99),
                millis(lat, 0.50),
                millis(lat, 0.99));
    }

    /** The nearest-rank percentile {@code p} of {@code samples} (sorted here), in milliseconds; 0 if empty. */
    static double millis(long[] samples, double p) {
        if (samples.length == 0) {
            return 0;
        }
        Arrays.sort(samples);
        int rank = (int) Math.ceil(p * samples.length);
        return samples[Math.max(0, Math.min(samples.length - 1, rank - 1))] / 1e6;
    }
}
