package com.klinelive.chart;

/**
 * Style class names of the chart and its parts, for stylesheets, themes and node look-ups. The theme is a style
 * class on the chart: {@link #DARK} (the default, also when neither is set) or {@link #LIGHT}.
 */
public final class ChartStyles {

    /** The chart control itself. */
    public static final String CHART = "candle-chart";

    /** Theme: light background, dark text. */
    public static final String LIGHT = "light";

    /** Theme: the default dark trading-terminal look. */
    public static final String DARK = "dark";

    /** The canvas with candles, grid and overlays. */
    public static final String PLOT = "plot";

    /** The canvas with the newest candles over the plot, repainted on each live trade. */
    public static final String LIVE_PLOT = "live-plot";

    /** The history canvas of an indicator pane; it also carries the indicator's id ({@code rsi}, {@code volume}). */
    public static final String PANE = "pane";

    /** The live canvas of an indicator pane. */
    public static final String LIVE_PANE = "live-pane";

    /** The canvas of the drawings over the price pane. */
    public static final String DRAWINGS = "drawings";

    /** A study's row in a legend: name, values, settings and remove buttons. */
    public static final String STUDY_LEGEND = "study-legend";

    /** The settings button of a study's legend row. */
    public static final String STUDY_EDIT = "study-edit";

    /** The remove button of a study's legend row. */
    public static final String STUDY_REMOVE = "study-remove";

    /** The dashed line across the plot at the last price. */
    public static final String PRICE_LINE = "price-line";

    /** The transparent node over both panes that takes pointer input for the crosshair, drag and wheel. */
    public static final String CROSSHAIR = "crosshair";

    /** The price axis on the right of the candles. */
    public static final String PRICE_AXIS = "price-axis";

    /** The value axis of an indicator pane. */
    public static final String PANE_AXIS = "pane-axis";

    /** The time axis under both panes. */
    public static final String TIME_AXIS = "time-axis";

    /** The OHLCV legend at the top left: the candle under the pointer, else the newest. */
    public static final String LEGEND = "legend";

    /** The overlay legend under the OHLCV legend (SMA, EMA, Bollinger values). */
    public static final String OVERLAY_LEGEND = "overlay-legend";

    /** The button that returns to the live edge, shown while the view is away from it. */
    public static final String GO_LIVE = "go-live";

    /** The mark at the left edge while older candles load, at the start of the history, or when a page failed. */
    public static final String SCROLL_BACK_MARK = "scroll-back-mark";

    /** The canvas of the outage and repair bands along the top of the time axis. */
    public static final String TIME_MARKS = "time-marks";

    /** The label over the time axis that explains the outage and repair marks under the pointer. */
    public static final String TIME_MARK_TIP = "time-mark-tip";

    /** The last price label on the price axis. */
    public static final String LAST_PRICE = "last-price";

    /** The time left until the current candle closes, under the last price label. */
    public static final String COUNTDOWN = "countdown";

    /** The crosshair's price label on the price axis. */
    public static final String CROSSHAIR_PRICE = "crosshair-price";

    /** The crosshair's date and time label on the time axis. */
    public static final String CROSSHAIR_TIME = "crosshair-time";
    /** The time zone's offset in the corner under the price axis: {@code UTC-5}. */
    public static final String ZONE = "zone";

    /** Added to labels that show a rising candle or price. */
    public static final String UP = "up";

    /** Added to labels that show a falling candle or price. */
    public static final String DOWN = "down";

    private ChartStyles() {}
}
