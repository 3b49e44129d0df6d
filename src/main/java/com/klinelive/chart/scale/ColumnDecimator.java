package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;

/**
 * Turns the visible candles into the bars to draw: one bar per candle while candles are at least a pixel wide,
 * otherwise one bar per pixel column that merges its candles as a candle of the longer period would (first
 * open, highest high, lowest low, last close, summed volume). The drawing work is then bounded by the plot
 * width, whatever the zoom, and no extreme is lost: a spike in any merged candle still reaches its column.
 */
public final class ColumnDecimator {

    private ColumnDecimator() {}

    /** Fills {@code out} with the bars of the candles visible in {@code view}, left to right. */
    public static void decimate(CandleColumns candles, Viewport view, BarBuffer out) {
        int from = view.firstVisible();
        int to = view.endVisible();
        double spacing = view.barSpacing();
        if (spacing >= 1) {
            out.clear(spacing);
            for (int i = from; i < to; i++) {
                out.add(
                        view.x(i + 0.5),
                        candles.open(i),
                        candles.high(i),
                        candles.low(i),
                        candles.close(i),
                        candles.volume(i),
                        i);
            }
            return;
        }
        out.clear(1);
        double first = view.firstIndex();
        int i = from;
        while (i < to) {
            // A candle belongs to the pixel column that holds its left edge.
            long column = (long) Math.floor((i - first) * spacing);
            double o = candles.open(i);
            double h = candles.high(i);
            double l = candles.low(i);
            double c = candles.close(i);
            double v = candles.volume(i);
            int j = i + 1;
            while (j < to && (long) Math.floor((j - first) * spacing) == column) {
                h = Math.max(h, candles.high(j));
                l = Math.min(l, candles.low(j));
                c = candles.close(j);
                v += candles.volume(j);
                j++;
            }
            out.add(column + 0.5, o, h, l, c, v, j - 1);
            i = j;
        }
    }
}
