package com.klinelive.bench.render;

/**
 * One measurement of the render section.
 *
 * @param chart   {@code ours} (CandleChart: candles and the volume pane), {@code analysis} (CandleChart with
 *                {@link #ANALYSIS}: three indicator panes and four overlays, and {@link #DRAWINGS} drawings),
 *                {@code analysisNewCandles} (the same, a new candle opened every {@link #NEW_CANDLE_PULSES} pulses, so
 *                the history scrolls and every pane is repainted), {@code peer} (node-per-candle
 *                XYChart) or {@code floor} (a full-window canvas filled each frame: what any full repaint costs)
 * @param visible candles on screen
 * @param history candles in the series (the peer's series holds exactly the visible ones)
 */
record RenderCase(String chart, int visible, int history) {

    /** Drawings on the analysis chart, every tool in turn. */
    static final int DRAWINGS = 20;

    /** The analysis chart's studies: four overlays, three panes (RSI, MACD, Stochastic), no volume. */
    static final String ANALYSIS = "sma:20,sma:50,ema:50,bollinger:20:2,rsi:14,macd:12:26:9,stochastic:14:3";

    /** How often the {@code analysisNewCandles} case opens a new candle, in pulses. */
    static final int NEW_CANDLE_PULSES = 100;

    boolean ours() {
        return chart.equals("ours") || analysis();
    }

    /** The analysis chart, with or without new candles. */
    boolean analysis() {
        return chart.equals("analysis") || newCandles();
    }

    /** Whether trades open a new candle every {@link #NEW_CANDLE_PULSES} pulses. */
    boolean newCandles() {
        return chart.equals("analysisNewCandles");
    }
}
