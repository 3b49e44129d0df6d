package com.klinelive.chart.drawing;

/**
 * A point of a drawing, in the market's terms: a moment and a price. Anchored so, a drawing stays on the same
 * candles and prices through zoom, pan, new candles and another timeframe.
 *
 * @param time  epoch milliseconds UTC; between two candle starts it stands that far into the candle
 * @param price the price
 */
public record Anchor(long time, double price) {

    public Anchor {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("an anchor needs a finite price: " + price);
        }
    }
}
