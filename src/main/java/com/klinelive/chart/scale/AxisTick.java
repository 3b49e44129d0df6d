package com.klinelive.chart.scale;

/**
 * One labelled tick of a value axis.
 *
 * @param value where it stands, in the axis's values (a price, an RSI value)
 * @param label its text
 */
public record AxisTick(double value, String label) {}
