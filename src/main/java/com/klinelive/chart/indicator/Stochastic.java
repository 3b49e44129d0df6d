package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Stochastic oscillator: %K is where the close stands between the lowest low and the highest high of the last
 * {@code length} candles, in percent; %D is its simple moving average over {@code smoothing} candles. A window
 * without range (highest equals lowest) has no value.
 */
public final class Stochastic implements Indicator {

    @Override
    public String id() {
        return "stochastic";
    }

    @Override
    public String name() {
        return "Stoch";
    }

    @Override
    public boolean overlay() {
        return false;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("%K length", 14, 1, 1_000), Parameter.integer("%D smoothing", 3, 1, 100));
    }

    @Override
    public List<String> outputs() {
        return List.of("%K", "%D");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-2"), Plot.line(1, "line-4"));
    }

    @Override
    public List<Double> levels(double[] p) {
        return List.of(20.0, 80.0);
    }

    @Override
    public ValueFormat format() {
        return ValueFormat.OSCILLATOR;
    }

    @Override
    public int lookBack(double[] p) {
        return (int) p[0] + (int) p[1] - 1;
    }

    @Override
    public Computation computation(double[] p) {
        int length = (int) p[0];
        int smoothing = (int) p[1];
        WindowExtreme highs = new WindowExtreme(true, length - 1);
        WindowExtreme lows = new WindowExtreme(false, length - 1);
        Window ks = new Window(smoothing);
        return new Computation() {
            private int committed;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                double k = k(candles, i);
                write(k, out);
                highs.push(committed, candles.high(i));
                lows.push(committed, candles.low(i));
                ks.push(k);
                committed++;
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                write(k(candles, i), out);
            }

            private double k(CandleColumns candles, int i) {
                double highest = highs.with(candles.high(i));
                double lowest = lows.with(candles.low(i));
                return highest > lowest ? (candles.close(i) - lowest) / (highest - lowest) * 100 : Double.NaN;
            }

            private void write(double k, double[] out) {
                out[0] = committed >= length - 1 ? k : Double.NaN;
                out[1] = committed >= length + smoothing - 2 ? ks.mean(k) : Double.NaN;
            }
        };
    }
}
