package com.klinelive.chart;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.ColumnDecimator;
import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.TimeTicks;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Everything one frame shows, read from the book under its lock into primitive buffers, so that drawing happens
 * after the lock is released. Reads only the visible candles (plus the overlays' look-back), so a frame costs
 * the same over 10 thousand or a million candles of history. Reused from frame to frame; FX thread only.
 */
final class ChartFrame {

    /** Smallest distance between two time labels, in pixels. */
    static final double TIME_LABEL_SPACING = 90;

    /**
     * What to read.
     *
     * @param width        plot width in pixels
     * @param barSpacing   pixels per candle as the user left it
     * @param rightOffset  right offset as the user left it
     * @param followLive   whether new candles scroll in
     * @param seriesKey    identifies book and timeframe
     * @param version      the book's version before reading
     * @param periodMillis the timeframe's period
     * @param overlays     which overlays to compute, null for none
     * @param legendX      pixel x of the crosshair, NaN for none (the legend shows the newest candle)
     */
    record Request(
            double width,
            double barSpacing,
            double rightOffset,
            boolean followLive,
            Object seriesKey,
            long version,
            long periodMillis,
            Overlays.Settings overlays,
            double legendX) {}

    final BarBuffer bars = new BarBuffer();
    final Overlays overlays = new Overlays();
    final LegendValues legend = new LegendValues();
    private final ViewTracker tracker = new ViewTracker();

    Viewport viewport = new Viewport(0, 0, 8, 0);
    List<TimeTicks.Tick> timeTicks = List.of();
    VisibleRange range = VisibleRange.EMPTY;
    /** The book version the frame was read at (taken before the read, so a concurrent write shows next time). */
    long version = Long.MIN_VALUE;

    boolean overlaysShown;
    double low;
    double high;
    double maxVolume;
    double newestOpen = Double.NaN;
    double newestClose = Double.NaN;

    /** Reads the frame from {@code columns}; call inside the book's read lock. */
    void read(CandleColumns columns, Request request) {
        CandleColumns candles = columns;
        version = request.version();
        int n = candles.size();
        double offset = tracker.resolve(candles, request.seriesKey(), request.rightOffset(), request.followLive());
        viewport = new Viewport(n, request.width(), request.barSpacing(), offset).clamped();
        ColumnDecimator.decimate(candles, viewport, bars);
        int from = viewport.firstVisible();
        int to = viewport.endVisible();
        overlaysShown = request.overlays() != null;
        if (overlaysShown) {
            overlays.update(candles, request.seriesKey(), request.version(), from, to, request.overlays());
        }
        measure();
        timeTicks = TimeTicks.compute(candles, viewport, request.periodMillis(), TIME_LABEL_SPACING);
        if (to > from) {
            range = new VisibleRange(from, to - 1, candles.time(from), candles.time(to - 1), n);
            tracker.anchorAt(candles.time(to - 1) + request.periodMillis() - 1);
        } else {
            range = new VisibleRange(0, -1, 0, 0, n);
        }
        newestOpen = n > 0 ? candles.open(n - 1) : Double.NaN;
        newestClose = n > 0 ? candles.close(n - 1) : Double.NaN;
        readLegend(columns, request.legendX());
    }

    /** Reads only the legend's candle, for a crosshair move between frames; call inside the read lock. */
    void readLegend(CandleColumns columns, double legendX) {
        CandleColumns candles = columns;
        int at = Double.isNaN(legendX) ? -1 : viewport.candleAt(legendX);
        if (at < 0 || at >= candles.size()) {
            at = candles.size() - 1;
        }
        legend.read(candles, at, overlays, range.first(), range.last() + 1);
    }

    /** An empty frame: no book, or a book without this timeframe. */
    void clear(Request request) {
        version = request.version();
        viewport = new Viewport(0, request.width(), request.barSpacing(), request.rightOffset()).clamped();
        bars.clear(viewport.barSpacing());
        timeTicks = List.of();
        range = VisibleRange.EMPTY;
        overlaysShown = false;
        low = Double.NaN;
        high = Double.NaN;
        maxVolume = 0;
        newestOpen = Double.NaN;
        newestClose = Double.NaN;
        legend.index = -1;
    }

    private void measure() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double volume = 0;
        for (int b = 0; b < bars.size(); b++) {
            lo = Math.min(lo, bars.low(b));
            hi = Math.max(hi, bars.high(b));
            volume = Math.max(volume, bars.volume(b));
        }
        if (overlaysShown && bars.size() > 0) {
            double overlayLow = overlays.low();
            double overlayHigh = overlays.high();
            lo = Double.isNaN(overlayLow) ? lo : Math.min(lo, overlayLow);
            hi = Double.isNaN(overlayHigh) ? hi : Math.max(hi, overlayHigh);
        }
        low = bars.size() > 0 ? lo : Double.NaN;
        high = bars.size() > 0 ? hi : Double.NaN;
        maxVolume = volume;
    }
}
