package com.klinelive.workspace;

import java.util.List;

/**
 * One drawing on a chart, anchored in time and price so it stays put across zoom, pan and timeframes.
 *
 * @param kind   the tool that drew it, such as {@code trend-line} or {@code fibonacci}
 * @param points its anchors
 * @param text   a note's text, or empty
 * @param color  a CSS colour text, or empty for the theme's
 */
public record DrawingSpec(String kind, List<Anchor> points, String text, String color) {

    /**
     * A point of a drawing.
     *
     * @param time  epoch milliseconds UTC
     * @param price the price
     */
    public record Anchor(long time, double price) {}

    DrawingSpec normalized() {
        return new DrawingSpec(
                Texts.orEmpty(kind), Texts.each(points, p -> p), Texts.orEmpty(text), Texts.orEmpty(color));
    }
}
