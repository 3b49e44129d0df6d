package com.klinelive.model;

import java.util.List;
import java.util.Objects;

/**
 * Candles held as values (a feed's page of history), seen as {@link CandleColumns}, so code that takes columns
 * takes them too without a copy. Reads the list given: it must not change while the view is in use.
 */
public final class CandleList implements CandleColumns {

    private final List<Candle> candles;

    /** A view of {@code candles}, oldest first. */
    public CandleList(List<Candle> candles) {
        this.candles = Objects.requireNonNull(candles, "candles");
    }

    @Override
    public int size() {
        return candles.size();
    }

    @Override
    public long time(int index) {
        return candles.get(index).time();
    }

    @Override
    public double open(int index) {
        return candles.get(index).open();
    }

    @Override
    public double high(int index) {
        return candles.get(index).high();
    }

    @Override
    public double low(int index) {
        return candles.get(index).low();
    }

    @Override
    public double close(int index) {
        return candles.get(index).close();
    }

    @Override
    public double volume(int index) {
        return candles.get(index).volume();
    }

    @Override
    public long trades(int index) {
        return candles.get(index).trades();
    }

    @Override
    public Candle candle(int index) {
        return candles.get(index);
    }
}
