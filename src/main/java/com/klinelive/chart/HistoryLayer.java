package com.klinelive.chart;

import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.TimeTicks;
import java.util.Arrays;
import java.util.List;

/**
 * What the history canvases show: every bar left of the live layer, with the scales, grid and overlays they were
 * painted with. A frame repaints them only when it would paint something else there; a live trade that changes
 * just the newest candle then repaints only the narrow live layer, which on the software pipeline is the
 * difference between redrawing (and compositing) a window-sized canvas and a strip a few candles wide.
 *
 * <p>The comparison is by value, over the bars and overlay values themselves, not by guessing from what changed
 * in the book: a late trade in an older candle, a history repair or a new candle scrolling in all change some
 * bar left of the split, and so repaint everything. FX thread only.
 */
final class HistoryLayer {

    private static final int SERIES = 5;

    /** Everything a history paint depends on besides the bars and overlay values; volumes null when hidden. */
    private record Setting(
            FramePainter.Geometry at,
            PriceScale prices,
            PriceScale volumes,
            double split,
            List<TimeTicks.Tick> timeTicks,
            Overlays.Settings overlays) {}

    private final BarBuffer bars = new BarBuffer();
    private double[] overlayValues = new double[0];
    private double[] scratch = new double[0];
    private Setting setting;

    /**
     * Whether the history canvases already show what {@code frame} would paint left of {@code split}.
     *
     * @param shared the bars left of the split: all but the newest when there is a live layer, else all
     */
    boolean shows(
            ChartFrame frame,
            FramePainter.Geometry at,
            PriceScale prices,
            PriceScale volumes,
            boolean volumeShown,
            double split,
            int shared) {
        Setting now = setting(frame, at, prices, volumes, volumeShown, split);
        if (!now.equals(setting) || !bars.sameAs(frame.bars, shared)) {
            return false;
        }
        int values = overlayValues(frame, shared);
        return Arrays.equals(scratch, 0, values, overlayValues, 0, values);
    }

    /** Records that the history canvases now show {@code frame}; call after painting them. */
    void remember(
            ChartFrame frame,
            FramePainter.Geometry at,
            PriceScale prices,
            PriceScale volumes,
            boolean volumeShown,
            double split) {
        setting = setting(frame, at, prices, volumes, volumeShown, split);
        bars.copyFrom(frame.bars);
        int values = overlayValues(frame, frame.bars.size());
        overlayValues = Arrays.copyOf(scratch, values);
    }

    /** Forgets what is shown, so the next frame repaints the history. */
    void forget() {
        setting = null;
    }

    private static Setting setting(
            ChartFrame frame,
            FramePainter.Geometry at,
            PriceScale prices,
            PriceScale volumes,
            boolean volumeShown,
            double split) {
        return new Setting(
                at,
                prices,
                volumeShown ? volumes : null,
                split,
                frame.timeTicks,
                frame.overlaysShown ? frame.overlays.settings() : null);
    }

    /**
     * Writes the overlay values of the first {@code count} bars into the scratch array: an overlay at an old
     * candle can change without any visible bar changing (a late trade just left of the view).
     *
     * @return how many values were written
     */
    private int overlayValues(ChartFrame frame, int count) {
        if (!frame.overlaysShown) {
            return 0;
        }
        int n = count * SERIES;
        if (scratch.length < n) {
            scratch = new double[Math.max(n, scratch.length * 2)];
        }
        Overlays o = frame.overlays;
        for (int b = 0; b < count; b++) {
            int index = frame.bars.lastIndex(b);
            int at = b * SERIES;
            scratch[at] = o.sma(index);
            scratch[at + 1] = o.ema(index);
            scratch[at + 2] = o.bollingerUpper(index);
            scratch[at + 3] = o.bollingerMiddle(index);
            scratch[at + 4] = o.bollingerLower(index);
        }
        return n;
    }
}
