package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Volume-weighted average price anchored to the UTC day: the sum of typical price {@code (high + low + close) / 3}
 * times volume over the day's candles so far, divided by their volume. It starts again with the first candle of
 * each UTC day; a day without volume yet shows the typical price.
 */
public final class Vwap implements Indicator {

    private static final long DAY = 86_400_000L;

    @Override
    public String id() {
        return "vwap";
    }

    @Override
    public String name() {
        return "VWAP";
    }

    @Override
    public boolean overlay() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<String> outputs() {
        return List.of("VWAP");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-5"));
    }

    @Override
    public int lookBack(double[] p) {
        return 1;
    }

    @Override
    public Computation computation(double[] p) {
        return new Computation() {
            private long day = Long.MIN_VALUE;
            private double priceVolume;
            private double volume;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                long candleDay = Math.floorDiv(candles.time(i), DAY);
                double typical = typical(candles, i);
                double v = candles.volume(i);
                priceVolume = (candleDay == day ? priceVolume : 0) + typical * v;
                volume = (candleDay == day ? volume : 0) + v;
                day = candleDay;
                out[0] = volume == 0 ? typical : priceVolume / volume;
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                boolean sameDay = Math.floorDiv(candles.time(i), DAY) == day;
                double typical = typical(candles, i);
                double v = candles.volume(i);
                double pv = (sameDay ? priceVolume : 0) + typical * v;
                double total = (sameDay ? volume : 0) + v;
                out[0] = total == 0 ? typical : pv / total;
            }
        };
    }

    private static double typical(CandleColumns candles, int i) {
        return (candles.high(i) + candles.low(i) + candles.close(i)) / 3;
    }
}
