package com.klinelive.chart;

/**
 * A price the chart marks with a dashed line across the price pane and a label at its left end: an alert's level,
 * for instance. Not a drawing: the user does not select or move it, and it is not saved with the drawings.
 *
 * @param price where the line is
 * @param label what the line is, in a few words ("Alert: crosses up 100.25")
 */
public record PriceLevel(double price, String label) {

    public PriceLevel {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("a price level must be a finite price: " + price);
        }
        label = label == null ? "" : label;
    }
}
