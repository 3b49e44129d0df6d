package com.klinelive.chart.indicator;

import java.util.List;

/**
 * A kind of indicator: what it computes from the candles and how the chart shows it. One implementation per kind,
 * one file each, registered in {@link Indicators}; the chart draws every kind the same way from these
 * declarations, so a new kind needs no change anywhere else. A {@link Study} is one use of a kind on a chart, with
 * its parameters and colours. Implementations are stateless; the state of a computation lives in the
 * {@link Computation} each call of {@link #computation(double[])} returns.
 */
public interface Indicator {

    /** Short lower-case name for command lines and settings: {@code sma}, {@code rsi}. */
    String id();

    /**
     * Short English name, also accepted on command lines: {@code SMA}, {@code RSI}. The chart shows the name of its
     * language's bundle ({@code com.klinelive.chart.ChartMessages}), this one where the bundle has none.
     */
    String name();

    /** Drawn over the candles on the price scale; otherwise in a pane of its own under them. */
    boolean overlay();

    /** The parameters, in the order {@link #computation(double[])} takes their values. */
    List<Parameter> parameters();

    /** Names of the values computed per candle, in the order a {@link Computation} writes them. */
    List<String> outputs();

    /** How the outputs are drawn, each plot with its default colours. */
    List<Plot> plots();

    /**
     * Candles a value looks back over, the newest included: the first {@code lookBack - 1} candles of a series
     * have no value (NaN).
     */
    int lookBack(double[] parameters);

    /** A fresh computation over a series from its first candle. */
    Computation computation(double[] parameters);

    /** Values at which the pane draws guide lines, such as 30 and 70 for RSI; none by default. */
    default List<Double> levels(double[] parameters) {
        return List.of();
    }

    /** How the values read. */
    default ValueFormat format() {
        return ValueFormat.PRICE;
    }

    /** Whether the pane's scale starts at zero, as for volumes; otherwise it fits the visible values. */
    default boolean fromZero() {
        return false;
    }
}
