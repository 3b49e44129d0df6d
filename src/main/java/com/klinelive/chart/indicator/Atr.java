package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Average true range: Wilder's moving average of the true range (the greatest of high - low, |high - previous
 * close| and |previous close - low|), started at the first candle's range as ta4j does.
 */
public final class Atr implements Indicator {

    @Override
    public String id() {
        return "atr";
    }

    @Override
    public String name() {
        return "ATR";
    }

    @Override
    public boolean overlay() {
        return false;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("Length", 14, 1, 1_000));
    }

    @Override
    public List<String> outputs() {
        return List.of("ATR");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-5"));
    }

    @Override
    public int lookBack(double[] p) {
        return (int) p[0];
    }

    @Override
    public Computation computation(double[] p) {
        int length = (int) p[0];
        Smoothing average = Smoothing.wilder(length);
        return new Computation() {
            private int committed;
            private double previousClose;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                double atr = average.next(trueRange(candles, i));
                average.commit(atr);
                committed++;
                out[0] = committed >= length ? atr : Double.NaN;
                previousClose = candles.close(i);
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                out[0] = committed + 1 >= length ? average.next(trueRange(candles, i)) : Double.NaN;
            }

            private double trueRange(CandleColumns candles, int i) {
                double high = candles.high(i);
                double low = candles.low(i);
                double range = Math.abs(high - low);
                if (committed == 0) {
                    return range;
                }
                return Math.max(Math.max(range, Math.abs(high - previousClose)), Math.abs(previousClose - low));
            }
        };
    }
}
