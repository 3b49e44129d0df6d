package com.klinelive.chart.type;

import com.klinelive.chart.indicator.Computation;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.model.CandleColumns;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;

/**
 * Heikin-Ashi candles, computed from the feed's: close {@code (o + h + l + c) / 4}, open the midpoint of the
 * previous Heikin-Ashi candle's open and close (the first candle's {@code (o + c) / 2}), high and low the extremes
 * of the candle's own and those two. Drawn as candlesticks; trends read as runs of one colour.
 */
public final class HeikinAshi implements ChartType {

    @Override
    public String id() {
        return "heikin-ashi";
    }

    @Override
    public String name() {
        return "Heikin-Ashi";
    }

    @Override
    public boolean snapsToDevicePixels() {
        return true;
    }

    @Override
    public void paint(GraphicsContext gc, BarGeometry g, BarBuffer bars, int from, PriceScale scale, Palette colours) {
        Candles.paint(gc, g, bars, from, scale, true, colours.colour("candle-up"));
        Candles.paint(gc, g, bars, from, scale, false, colours.colour("candle-down"));
    }

    @Override
    public Supplier<Computation> candles() {
        return Transform::new;
    }

    /** The Heikin-Ashi open, high, low and close of each candle, one candle at a time. */
    static final class Transform implements Computation {

        private boolean started;
        private double open;
        private double close;

        @Override
        public void commit(CandleColumns candles, int i, double[] out) {
            preview(candles, i, out);
            open = out[0];
            close = out[3];
            started = true;
        }

        @Override
        public void preview(CandleColumns candles, int i, double[] out) {
            double o = candles.open(i);
            double h = candles.high(i);
            double l = candles.low(i);
            double c = candles.close(i);
            double haClose = (o + h + l + c) / 4;
            double haOpen = started ? (open + close) / 2 : (o + c) / 2;
            out[0] = haOpen;
            out[1] = Math.max(h, Math.max(haOpen, haClose));
            out[2] = Math.min(l, Math.min(haOpen, haClose));
            out[3] = haClose;
        }
    }
}
