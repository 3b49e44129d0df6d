package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/** On-balance volume: a running total that adds a candle's volume when it closed higher and subtracts it when lower. */
public final class Obv implements Indicator {

    @Override
    public String id() {
        return "obv";
    }

    @Override
    public String name() {
        return "OBV";
    }

    @Override
    public boolean overlay() {
        return false;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<String> outputs() {
        return List.of("OBV");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.line(0, "line-2"));
    }

    @Override
    public ValueFormat format() {
        return ValueFormat.VOLUME;
    }

    @Override
    public int lookBack(double[] p) {
        return 1;
    }

    @Override
    public Computation computation(double[] p) {
        return new Computation() {
            private boolean started;
            private double previousClose;
            private double total;

            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                total = next(candles, i);
                out[0] = total;
                started = true;
                previousClose = candles.close(i);
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                out[0] = next(candles, i);
            }

            private double next(CandleColumns candles, int i) {
                double close = candles.close(i);
                if (!started || close == previousClose) {
                    return total;
                }
                return close > previousClose ? total + candles.volume(i) : total - candles.volume(i);
            }
        };
    }
}
