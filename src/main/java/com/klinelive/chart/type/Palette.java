package com.klinelive.chart.type;

import javafx.scene.paint.Paint;

/** The chart's colours by palette key ({@code candle-up}), as the theme's stylesheet sets them. */
@FunctionalInterface
public interface Palette {

    Paint colour(String key);
}
