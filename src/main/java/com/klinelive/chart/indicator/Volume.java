package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.List;

/** The candles' volumes, as bars in the colour of their candle. */
public final class Volume implements Indicator {

    @Override
    public String id() {
        return "volume";
    }

    @Override
    public String name() {
        return "Vol";
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
        return List.of("Volume");
    }

    @Override
    public List<Plot> plots() {
        return List.of(Plot.volume(0, "volume-up", "volume-down"));
    }

    @Override
    public int lookBack(double[] p) {
        return 1;
    }

    @Override
    public ValueFormat format() {
        return ValueFormat.VOLUME;
    }

    @Override
    public boolean fromZero() {
        return true;
    }

    @Override
    public Computation computation(double[] p) {
        return new Computation() {
            @Override
            public void commit(CandleColumns candles, int i, double[] out) {
                out[0] = candles.volume(i);
            }

            @Override
            public void preview(CandleColumns candles, int i, double[] out) {
                out[0] = candles.volume(i);
            }
        };
    }
}
