package com.klinelive.chart.drawing;

import javafx.scene.paint.Paint;

/**
 * A drawing as it stands on the price pane this frame: its anchors in plot pixels, the pane's size, and how to
 * paint it. What a tool paints from and hit-tests against.
 *
 * @param x        the anchors' pixel x, in anchor order
 * @param y        the anchors' pixel y
 * @param prices   the anchors' prices, for labels
 * @param width    the pane's width
 * @param height   the pane's height
 * @param text     a note's text
 * @param colour   the line colour
 * @param fill     a translucent fill (rectangle, Fibonacci bands)
 * @param priceAt  the price at a pixel y of the pane
 * @param yAt      the pixel y of a price (Fibonacci levels)
 * @param decimals decimals of the chart's prices
 */
public record DrawingView(
        double[] x,
        double[] y,
        double[] prices,
        double width,
        double height,
        String text,
        Paint colour,
        Paint fill,
        java.util.function.DoubleUnaryOperator priceAt,
        java.util.function.DoubleUnaryOperator yAt,
        int decimals) {}
