package com.klinelive.bench.render;

/**
 * One measurement of the render section.
 *
 * @param chart   {@code ours} (CandleChart), {@code peer} (node-per-candle XYChart) or {@code floor} (a
 *                full-window canvas filled each frame: what any full repaint costs)
 * @param visible candles on screen
 * @param history candles in the series (the peer's series holds exactly the visible ones)
 */
record RenderCase(String chart, int visible, int history) {

    boolean ours() {
        return chart.equals("ours");
    }
}
