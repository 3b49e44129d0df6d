package com.klinelive.chart;

import com.klinelive.candle.CandleColumns;
import com.klinelive.chart.scale.Ohlcv;

/**
 * The book's candle columns seen as the maths package's {@link Ohlcv}, without copying. Valid only while the
 * wrapped columns are, that is inside {@link com.klinelive.candle.CandleBook#read}; reused from frame to frame.
 */
final class ColumnsView implements Ohlcv {

    private CandleColumns columns;

    ColumnsView wrap(CandleColumns value) {
        columns = value;
        return this;
    }

    @Override
    public int size() {
        return columns.size();
    }

    @Override
    public long time(int index) {
        return columns.time(index);
    }

    @Override
    public double open(int index) {
        return columns.open(index);
    }

    @Override
    public double high(int index) {
        return columns.high(index);
    }

    @Override
    public double low(int index) {
        return columns.low(index);
    }

    @Override
    public double close(int index) {
        return columns.close(index);
    }

    @Override
    public double volume(int index) {
        return columns.volume(index);
    }
}
