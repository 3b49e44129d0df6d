package com.klinelive.chart;

import com.klinelive.chart.indicator.StudySeries;
import com.klinelive.model.CandleColumns;

/**
 * The feed's candles with open, high, low and close taken from a computed series (Heikin-Ashi): times, volumes
 * and trade counts stay the feed's. A view for one frame's read, valid while the book's read lock is held.
 */
final class TransformedCandles implements CandleColumns {

    private CandleColumns candles;
    private StudySeries ohlc;

    /** Points the view at {@code source} and its computed {@code values} (open, high, low, close). */
    TransformedCandles over(CandleColumns source, StudySeries values) {
        candles = source;
        ohlc = values;
        return this;
    }

    @Override
    public int size() {
        return candles.size();
    }

    @Override
    public long time(int index) {
        return candles.time(index);
    }

    @Override
    public double open(int index) {
        return ohlc.value(0, index);
    }

    @Override
    public double high(int index) {
        return ohlc.value(1, index);
    }

    @Override
    public double low(int index) {
        return ohlc.value(2, index);
    }

    @Override
    public double close(int index) {
        return ohlc.value(3, index);
    }

    @Override
    public double volume(int index) {
        return candles.volume(index);
    }

    @Override
    public long trades(int index) {
        return candles.trades(index);
    }

    @Override
    public long rewrites() {
        return candles.rewrites();
    }
}
