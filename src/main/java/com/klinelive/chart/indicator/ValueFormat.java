package com.klinelive.chart.indicator;

/** How an indicator's values read on its axis and in the legend. */
public enum ValueFormat {
    /** With the decimals of the chart's prices (moving averages, MACD, ATR). */
    PRICE,
    /** Like volumes, with a K/M/B suffix (volume, OBV). */
    VOLUME,
    /** With two decimals, on a scale that is about 0 to 100 (RSI, Stochastic). */
    OSCILLATOR
}
