package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Exponential moving average of closes, smoothing {@code 2 / (length + 1)}, started at the first close as ta4j
 * does; shown from the {@code length}-th candle on, where the start weighs little.
 */
public final class Ema implements Indicator {

    @Override
    public String id() {
        return "ema";
    }

    @Override
    public String name() {
        return "EMA";
    }

    @Override
    public boolean overlay() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("Length", 50, 1, 5_000));
    }

    @Override
    public List<String> outputs() {
        return List.of("EMA");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-2"));
    }

    @Override
    public int lookBack(double[] p) {
        return (int) p[0];
    }

    @Override
    public Computation computation(double[] p) {
        int length = (int) p[0];
        Smoothing ema = Smoothing.ema(length);
        return new Computation() {
            private int committed;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                double value = ema.next(candles.close(i));
                ema.commit(value);
                committed++;
                out[0] = committed >= length ? value : Double.NaN;
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                out[0] = committed + 1 >= length ? ema.next(candles.close(i)) : Double.NaN;
            }
        };
    }
}
