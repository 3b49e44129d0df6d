package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Timeframe;

/**
 * Between the pointer's pixels on the price pane and a drawing's moments and prices, by the frame's view and price
 * scale and the book's candles (read briefly under its lock). With the magnet, a point goes to the middle of the
 * candle under the pointer, at whichever of its open, high, low or close is nearest.
 */
final class DrawingPlacement {

    private DrawingPlacement() {}

    /** The moment and price at plot (x, y). */
    static Anchor anchorAt(
            CandleBook book,
            Timeframe timeframe,
            Viewport view,
            PriceScale prices,
            double x,
            double y,
            boolean magnet) {
        double index = view.index(x);
        if (book == null || !book.timeframes().contains(timeframe)) {
            return new Anchor(0, prices.value(y));
        }
        return book.read(timeframe, candles -> {
            long period = timeframe.millis();
            int candle = (int) Math.floor(index);
            if (magnet && candle >= 0 && candle < candles.size()) {
                double best = candles.close(candle);
                for (double p : new double[] {candles.open(candle), candles.high(candle), candles.low(candle)}) {
                    if (Math.abs(prices.y(p) - y) < Math.abs(prices.y(best) - y)) {
                        best = p;
                    }
                }
                return new Anchor(TimeIndex.timeAt(candles, candle + 0.5, period), best);
            }
            return new Anchor(TimeIndex.timeAt(candles, index, period), prices.value(y));
        });
    }

    /** Where {@code anchor} stands in plot pixels: {x, y}. */
    static double[] pixelOf(CandleBook book, Timeframe timeframe, Viewport view, PriceScale prices, Anchor anchor) {
        double y = prices.y(anchor.price());
        if (book == null || !book.timeframes().contains(timeframe)) {
            return new double[] {0, y};
        }
        double index = book.read(timeframe, candles -> TimeIndex.indexOf(candles, anchor.time(), timeframe.millis()));
        return new double[] {view.x(index), y};
    }
}
