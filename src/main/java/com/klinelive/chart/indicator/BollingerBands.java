package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/**
 * Bollinger bands: the simple moving average of closes (middle) and that average plus and minus {@code width}
 * population standard deviations of the same window.
 */
public final class BollingerBands implements Indicator {

    @Override
    public String id() {
        return "bollinger";
    }

    @Override
    public String name() {
        return "BB";
    }

    @Override
    public boolean overlay() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("Length", 20, 1, 5_000), Parameter.decimal("Width", 2, 0, 10));
    }

    @Override
    public List<String> outputs() {
        return List.of("Upper", "Middle", "Lower");
    }

    @Override
    public List<Plot> plots() {
        return List.of(
                Plot.fill(0, 2, "band-fill"), Plot.line(0, "line-3"), Plot.line(1, "line-3"), Plot.line(2, "line-3"));
    }

    @Override
    public int lookBack(double[] p) {
        return (int) p[0];
    }

    @Override
    public Computation computation(double[] p) {
        Window window = new Window((int) p[0]);
        double width = p[1];
        return new Computation() {
            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                preview(candles, i, out);
                window.push(candles.close(i));
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                if (!window.fullWith()) {
                    out[0] = Double.NaN;
                    out[1] = Double.NaN;
                    out[2] = Double.NaN;
                    return;
                }
                double close = candles.close(i);
                double middle = window.mean(close);
                double deviation = Math.sqrt(window.variance(close));
                out[0] = middle + deviation * width;
                out[1] = middle;
                out[2] = middle - deviation * width;
            }
        };
    }
}
