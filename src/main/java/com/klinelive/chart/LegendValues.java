package com.klinelive.chart;

import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.model.CandleColumns;

/**
 * The values the legend shows for one candle (the one under the crosshair, else the newest), copied out of the
 * book so the text can be built after the lock is released.
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
    double sma = Double.NaN;
    double ema = Double.NaN;
    double bollingerUpper = Double.NaN;
    double bollingerLower = Double.NaN;

    /** Copies candle {@code i} and the overlay values at it, if the overlays cover it. */
    void read(CandleColumns candles, int i, Overlays overlays, int from, int to) {
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
        Overlays.Settings settings = overlays.settings();
        boolean covered = settings != null && i >= from && i < to;
        sma = covered && settings.sma() ? overlays.sma(i) : Double.NaN;
        ema = covered && settings.ema() ? overlays.ema(i) : Double.NaN;
        bollingerUpper = covered && settings.bollinger() ? overlays.bollingerUpper(i) : Double.NaN;
        bollingerLower = covered && settings.bollinger() ? overlays.bollingerLower(i) : Double.NaN;
    }

    boolean isEmpty() {
        return index < 0;
    }

    /** Whether the candle rose: close at or above its open. */
    boolean isUp() {
        return close >= open;
    }

    /** {@code O 101.23  H 102.00  L 100.90  C 101.80  V 1.23K  +0.57%}, change against the previous close. */
    String ohlcv(int decimals) {
        if (isEmpty()) {
            return "";
        }
        return "O " + PriceFormat.price(open, decimals)
                + "  H " + PriceFormat.price(high, decimals)
                + "  L " + PriceFormat.price(low, decimals)
                + "  C " + PriceFormat.price(close, decimals)
                + "  V " + PriceFormat.volume(volume)
                + "  " + PriceFormat.percent(close / previousClose - 1);
    }
}
