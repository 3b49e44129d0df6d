package com.klinelive.workspace;

import java.util.List;

/**
 * One chart of the workspace.
 *
 * @param feed        where its candles come from
 * @param symbol      the symbol shown, or empty for the feed's first
 * @param timeframe   a timeframe label such as {@code 1m}
 * @param chartType   candles, hollow, ohlc, line, area or heikin-ashi
 * @param scale       linear, log or percent
 * @param studies     its indicators, overlays then panes, each as the chart writes one ({@code rsi:14|line-3|0.2}:
 *                    kind and parameters, colours, pane share)
 * @param detached    the bounds of its own window, or null when it is in the main window's layout
 */
public record ChartSpec(
        FeedSpec feed,
        String symbol,
        String timeframe,
        String chartType,
        String scale,
        List<String> studies,
        WindowSpec detached) {

    /** A 1m candle chart of the embedded simulator's first symbol with a volume pane. */
    public static final ChartSpec DEFAULT =
            new ChartSpec(FeedSpec.EMBEDDED, "", "1m", "candles", "linear", List.of("volume"), null);

    ChartSpec normalized() {
        return new ChartSpec(
                feed == null ? FeedSpec.EMBEDDED : feed.normalized(),
                Texts.orEmpty(symbol),
                Texts.orDefault(timeframe, "1m"),
                Texts.orDefault(chartType, "candles"),
                Texts.orDefault(scale, "linear"),
                Texts.each(studies, String::trim),
                detached == null ? null : detached.normalized());
    }

    /** This chart on {@code symbol}. */
    public ChartSpec withSymbol(String newSymbol) {
        return new ChartSpec(feed, newSymbol, timeframe, chartType, scale, studies, detached);
    }
}
