package com.klinelive.chart.type;

import com.klinelive.chart.indicator.Computation;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PriceScale;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;

/**
 * How the price pane draws the candles: one implementation per type, one file each, registered in
 * {@link ChartTypes}. A type paints the frame's bars (one per candle, or per pixel column when zoomed out) from a
 * given bar on; it may draw from candles of its own computed from the feed's ({@link #candles()}, Heikin-Ashi).
 */
public interface ChartType {

    /** Short lower-case name for command lines and settings: {@code candles}, {@code heikin-ashi}. */
    String id();

    /** English name; menus show the name in the chart's language ({@code ChartMessages}), this one where none. */
    String name();

    /**
     * Paints bars {@code from} to the last onto {@code gc}, in plot coordinates. Called for the history layer and
     * for the live layer (from the bar before the newest); both must paint the same pixels where they meet, so
     * paint on the device grid ({@link BarGeometry}) and start lines a bar early.
     */
    void paint(GraphicsContext gc, BarGeometry g, BarBuffer bars, int from, PriceScale scale, Palette colours);

    /**
     * The candles this type draws, computed from the feed's candles: four outputs per candle (open, high, low,
     * close); null (the default) draws the feed's candles.
     */
    default Supplier<Computation> candles() {
        return null;
    }

    /**
     * Whether the newest bar's marks reach down to the bottom of the pane (an area's fill), so that a live layer
     * over the newest bar must reach it too.
     */
    default boolean fillsToBottom() {
        return false;
    }

    /**
     * Whether the marks' pixels depend on the bars' prices only through their device rows ({@link
     * BarGeometry#deviceY}) and on whether each bar rose: then a price that stays within its device row leaves them
     * as they are. False (the default) for anything anti-aliased at sub-pixel positions, such as a line.
     */
    default boolean snapsToDevicePixels() {
        return false;
    }

    /** Whether the price scale fits the closes only (a line), rather than the highs and lows. */
    default boolean closesOnly() {
        return false;
    }
}
