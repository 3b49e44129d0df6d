package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Moving average convergence divergence: the fast EMA of closes minus the slow one (MACD), its EMA (signal) and
 * their difference (histogram). The averages start at the first candle as ta4j's do; the MACD line shows from
 * the {@code slow}-th candle on, the signal and histogram {@code signal - 1} candles later.
 */
public final class Macd implements Indicator {

    @Override
    public String id() {
        return "macd";
    }

    @Override
    public String name() {
        return "MACD";
    }

    @Override
    public boolean overlay() {
        return false;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("Fast length", 12, 1, 1_000),
                Parameter.integer("Slow length", 26, 1, 1_000),
                Parameter.integer("Signal length", 9, 1, 1_000));
    }

    @Override
    public List<String> outputs() {
        return List.of("MACD", "Signal", "Histogram");
    }

    @Override
    public List<Plot> plots() {
        return List.of(
                Plot.histogram(2, "histogram-up", "histogram-down"), Plot.line(0, "line-2"), Plot.line(1, "line-4"));
    }

    @Override
    public int lookBack(double[] p) {
        return Math.max((int) p[0], (int) p[1]) + (int) p[2] - 1;
    }

    @Override
    public Computation computation(double[] p) {
        Smoothing fast = Smoothing.ema((int) p[0]);
        Smoothing slow = Smoothing.ema((int) p[1]);
        Smoothing signal = Smoothing.ema((int) p[2]);
        int lineFrom = Math.max((int) p[0], (int) p[1]) - 1;
        int signalFrom = lineFrom + (int) p[2] - 1;
        return new Computation() {
            private int committed;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                double close = candles.close(i);
                double f = fast.next(close);
                double s = slow.next(close);
                double macd = f - s;
                double sig = signal.next(macd);
                fast.commit(f);
                slow.commit(s);
                signal.commit(sig);
                write(committed, macd, sig, out);
                committed++;
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                double close = candles.close(i);
                double macd = fast.next(close) - slow.next(close);
                write(committed, macd, signal.next(macd), out);
            }

            private void write(int index, double macd, double sig, double[] out) {
                out[0] = index >= lineFrom ? macd : Double.NaN;
                out[1] = index >= signalFrom ? sig : Double.NaN;
                out[2] = index >= signalFrom ? macd - sig : Double.NaN;
            }
        };
    }
}
