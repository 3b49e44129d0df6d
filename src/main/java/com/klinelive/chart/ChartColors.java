package com.klinelive.chart;

import com.klinelive.chart.type.Palette;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours the skin paints on its canvases, as styleable properties of the chart: one per palette key, each
 * set by the stylesheet from a looked-up colour ({@code -kl-line-1: -color-line-1;}), so a theme only redefines
 * the {@code -color-*} names. Indicators name their colours by palette key ({@code line-1}) or give an explicit
 * colour ({@code #ff9800}); {@link #resolve(String)} turns either into a paint. Labels, axes and buttons are nodes
 * and take their colours from CSS directly.
 */
final class ChartColors implements Palette {

    /** Every palette key with its colour when no stylesheet applies. */
    private static final Map<String, String> DEFAULTS = defaults();

    private static final StyleablePropertyFactory<CandleChart> FACTORY =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private static final Map<String, CssMetaData<CandleChart, Paint>> META = meta();

    /** The chart's CSS properties: those of a Control and these colours. */
    static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = FACTORY.getCssMetaData();

    private final Map<String, StyleableObjectProperty<Paint>> palette = new LinkedHashMap<>();
    private final Map<String, Paint> explicit = new HashMap<>();

    final StyleableObjectProperty<Paint> candleUp;
    final StyleableObjectProperty<Paint> candleDown;
    final StyleableObjectProperty<Paint> grid;

    ChartColors(CandleChart chart) {
        for (Map.Entry<String, CssMetaData<CandleChart, Paint>> e : META.entrySet()) {
            CssMetaData<CandleChart, Paint> meta = e.getValue();
            palette.put(
                    e.getKey(),
                    new SimpleStyleableObjectProperty<>(meta, chart, e.getKey(), meta.getInitialValue(chart)));
        }
        candleUp = palette.get("candle-up");
        candleDown = palette.get("candle-down");
        grid = palette.get("grid");
    }

    /** Every colour property, for listeners that redraw when the theme changes. */
    List<StyleableObjectProperty<Paint>> all() {
        return Collections.unmodifiableList(new ArrayList<>(palette.values()));
    }

    /** The palette keys, in stylesheet order: what the settings dialog offers. */
    static List<String> keys() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /**
     * The paint of a palette key ({@code line-1}) or of an explicit colour ({@code #ff9800}); grey for anything
     * else, so a colour mistyped in the settings shows as grey rather than failing the frame.
     */
    Paint resolve(String colour) {
        return colour(colour);
    }

    @Override
    public Paint colour(String colour) {
        StyleableObjectProperty<Paint> property = palette.get(colour);
        if (property != null) {
            return property.get();
        }
        return explicit.computeIfAbsent(colour, c -> {
            try {
                return Color.web(c);
            } catch (IllegalArgumentException e) {
                return Color.GREY;
            }
        });
    }

    private static Map<String, CssMetaData<CandleChart, Paint>> meta() {
        Map<String, CssMetaData<CandleChart, Paint>> meta = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
            String key = e.getKey();
            meta.put(
                    key,
                    FACTORY.createPaintCssMetaData(
                            "-kl-" + key, c -> c.colors().palette.get(key), Color.web(e.getValue())));
        }
        return meta;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("candle-up", "#26a69a");
        d.put("candle-down", "#ef5350");
        d.put("volume-up", "#26a69a80");
        d.put("volume-down", "#ef535080");
        d.put("grid", "#1c2230");
        d.put("pane-border", "#30363d");
        d.put("line-1", "#f0b90b");
        d.put("line-2", "#42a5f5");
        d.put("line-3", "#ab47bc");
        d.put("line-4", "#ff9800");
        d.put("line-5", "#ec407a");
        d.put("line-6", "#26c6da");
        d.put("band-fill", "#ab47bc14");
        d.put("histogram-up", "#26a69a99");
        d.put("histogram-down", "#ef535099");
        d.put("area-line", "#42a5f5");
        d.put("area-fill", "#42a5f529");
        d.put("drawing", "#2962ff");
        d.put("drawing-fill", "#2962ff1f");
        d.put("drawing-handle", "#0d1117");
        d.put("level", "#6e7681");
        d.put("level-fill", "#ab47bc0d");
        d.put("mark-outage", "#ff7043");
        d.put("mark-repair", "#4fc3f7");
        d.put("alert-level", "#f0b90b");
        return d;
    }
}
