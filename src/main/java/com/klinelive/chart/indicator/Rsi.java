package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Relative strength index: {@code 100 - 100 / (1 + average gain / average loss)} of closes, with Wilder's
 * smoothing started at the first candle (a gain and loss of 0) as ta4j does; shown from the {@code length}-th
 * change on.
 */
public final class Rsi implements Indicator {

    @Override
    public String id() {
        return "rsi";
    }

    @Override
    public String name() {
        return "RSI";
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
        return List.of("RSI");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-3"));
    }

    @Override
    public List<Double> levels(double[] p) {
        return List.of(30.0, 70.0);
    }

    @Override
    public ValueFormat format() {
        return ValueFormat.OSCILLATOR;
    }

    @Override
    public int lookBack(double[] p) {
        return (int) p[0] + 1;
    }

    @Override
    public Computation computation(double[] p) {
        int length = (int) p[0];
        Smoothing gains = Smoothing.wilder(length);
        Smoothing losses = Smoothing.wilder(length);
        return new Computation() {
            private int committed;
            private double previousClose;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                double close = candles.close(i);
                double gain = gains.next(gain(close));
                double loss = losses.next(loss(close));
                gains.commit(gain);
                losses.commit(loss);
                out[0] = committed >= length ? rsi(gain, loss) : Double.NaN;
                committed++;
                previousClose = close;
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                double close = candles.close(i);
                out[0] = committed >= length ? rsi(gains.next(gain(close)), losses.next(loss(close))) : Double.NaN;
            }

            private double gain(double close) {
                return committed > 0 && close > previousClose ? close - previousClose : 0;
            }

            private double loss(double close) {
                return committed > 0 && close < previousClose ? previousClose - close : 0;
            }
        };
    }

    private static double rsi(double gain, double loss) {
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }
}
