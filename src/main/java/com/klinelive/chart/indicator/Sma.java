package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/** Simple moving average of closes: the mean of the last {@code length} closes. */
public final class Sma implements Indicator {

    @Override
    public String id() {
        return "sma";
    }

    @Override
    public String name() {
        return "SMA";
    }

    @Override
    public boolean overlay() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("Length", 20, 1, 5_000));
    }

    @Override
    public List<String> outputs() {
        return List.of("SMA");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-1"));
    }

    @Override
    public int lookBack(double[] p) {
        return (int) p[0];
    }

    @Override
    public Computation computation(double[] p) {
        Window window = new Window((int) p[0]);
        return new Computation() {
            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                preview(candles, i, out);
                window.push(candles.close(i));
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                out[0] = window.fullWith() ? window.mean(candles.close(i)) : Double.NaN;
            }
        };
    }
}
