package com.klinelive.chart;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours the skin paints on its canvases, as styleable properties of the chart. The stylesheet sets them
 * from looked-up colours ({@code -kl-candle-up: -color-candle-up;}), so a theme only redefines the
 * {@code -color-*} names. Labels, axes and buttons are nodes and take their colours from CSS directly.
 */
final class ChartColors {

    private static final StyleablePropertyFactory<CandleChart> FACTORY =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private static final CssMetaData<CandleChart, Paint> CANDLE_UP =
            FACTORY.createPaintCssMetaData("-kl-candle-up", c -> c.colors().candleUp, Color.web("#26a69a"));
    private static final CssMetaData<CandleChart, Paint> CANDLE_DOWN =
            FACTORY.createPaintCssMetaData("-kl-candle-down", c -> c.colors().candleDown, Color.web("#ef5350"));
    private static final CssMetaData<CandleChart, Paint> VOLUME_UP =
            FACTORY.createPaintCssMetaData("-kl-volume-up", c -> c.colors().volumeUp, Color.web("#26a69a80"));
    private static final CssMetaData<CandleChart, Paint> VOLUME_DOWN =
            FACTORY.createPaintCssMetaData("-kl-volume-down", c -> c.colors().volumeDown, Color.web("#ef535080"));
    private static final CssMetaData<CandleChart, Paint> GRID =
            FACTORY.createPaintCssMetaData("-kl-grid", c -> c.colors().grid, Color.web("#1c2230"));
    private static final CssMetaData<CandleChart, Paint> SMA =
            FACTORY.createPaintCssMetaData("-kl-sma", c -> c.colors().sma, Color.web("#f0b90b"));
    private static final CssMetaData<CandleChart, Paint> EMA =
            FACTORY.createPaintCssMetaData("-kl-ema", c -> c.colors().ema, Color.web("#42a5f5"));
    private static final CssMetaData<CandleChart, Paint> BOLLINGER =
            FACTORY.createPaintCssMetaData("-kl-bollinger", c -> c.colors().bollinger, Color.web("#ab47bc"));
    private static final CssMetaData<CandleChart, Paint> BOLLINGER_FILL =
            FACTORY.createPaintCssMetaData("-kl-bollinger-fill", c -> c.colors().bollingerFill, Color.web("#ab47bc14"));

    /** The chart's CSS properties: those of a Control and these colours. */
    static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = FACTORY.getCssMetaData();

    final StyleableObjectProperty<Paint> candleUp;
    final StyleableObjectProperty<Paint> candleDown;
    final StyleableObjectProperty<Paint> volumeUp;
    final StyleableObjectProperty<Paint> volumeDown;
    final StyleableObjectProperty<Paint> grid;
    final StyleableObjectProperty<Paint> sma;
    final StyleableObjectProperty<Paint> ema;
    final StyleableObjectProperty<Paint> bollinger;
    final StyleableObjectProperty<Paint> bollingerFill;

    ChartColors(CandleChart chart) {
        candleUp = property(chart, CANDLE_UP, "candleUp");
        candleDown = property(chart, CANDLE_DOWN, "candleDown");
        volumeUp = property(chart, VOLUME_UP, "volumeUp");
        volumeDown = property(chart, VOLUME_DOWN, "volumeDown");
        grid = property(chart, GRID, "grid");
        sma = property(chart, SMA, "sma");
        ema = property(chart, EMA, "ema");
        bollinger = property(chart, BOLLINGER, "bollinger");
        bollingerFill = property(chart, BOLLINGER_FILL, "bollingerFill");
    }

    /** Every colour property, for listeners that redraw when the theme changes. */
    List<StyleableObjectProperty<Paint>> all() {
        return List.of(candleUp, candleDown, volumeUp, volumeDown, grid, sma, ema, bollinger, bollingerFill);
    }

    private static StyleableObjectProperty<Paint> property(
            CandleChart chart, CssMetaData<CandleChart, Paint> meta, String name) {
        return new SimpleStyleableObjectProperty<>(meta, chart, name, meta.getInitialValue(chart));
    }
}
