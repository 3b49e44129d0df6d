package com.klinelive.chart;

import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.model.CandleColumns;

/**
 * The candle the legend shows (the one under the crosshair, else the newest), copied out of the book so the text
 * can be built after the lock is released. The studies' values at it come from their own series.
 */
final class LegendValues {

    int index = -1;
    long time;
    double open;
    double high;
    double low;
    double close;
    double volume;
    double previousClose;

    /** Copies candle {@code i}. */
    void read(CandleColumns candles, int i) {
        if (i < 0 || i >= candles.size()) {
            index = -1;
            return;
        }
        index = i;
        time = candles.time(i);
        open = candles.open(i);
        high = candles.high(i);
        low = candles.low(i);
        close = candles.close(i);
        volume = candles.volume(i);
        previousClose = i > 0 ? candles.close(i - 1) : open;
    }

    boolean isEmpty() {
        return index < 0;
    }

    /** Whether the candle rose: close at or above its open. */
    boolean isUp() {
        return close >= open;
    }

    /**
     * {@code O 101.23  H 102.00  L 100.90  C 101.80  V 1.23K  +0.57%}, change against the previous close, in the
     * words and volume units of {@code messages}.
     */
    String ohlcv(int decimals, ChartMessages messages) {
        if (isEmpty()) {
            return "";
        }
        return messages.get("legend.open") + " " + PriceFormat.price(open, decimals)
                + "  " + messages.get("legend.high") + " " + PriceFormat.price(high, decimals)
                + "  " + messages.get("legend.low") + " " + PriceFormat.price(low, decimals)
                + "  " + messages.get("legend.close") + " " + PriceFormat.price(close, decimals)
                + "  " + messages.get("legend.volume") + " " + PriceFormat.volume(volume, messages.volumeUnits())
                + "  " + PriceFormat.percent(close / previousClose - 1);
    }
}
