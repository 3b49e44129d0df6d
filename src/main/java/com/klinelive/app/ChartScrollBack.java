package com.klinelive.app;

import com.klinelive.cache.CandleCache;
import com.klinelive.chart.OlderCandlesRequest;
import com.klinelive.feed.FeedClient;
import com.klinelive.scrollback.ScrollBackLoader;
import com.klinelive.scrollback.ScrollBackPage;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Joins a chart's asks for older candles ({@link com.klinelive.chart.CandleChart#onNeedOlderProperty()}) to a
 * feed's {@link ScrollBackLoader}: the loader puts the page in front of the book's candles off the FX thread, and
 * the answer tells the chart whether more may come.
 */
final class ChartScrollBack {

    private ChartScrollBack() {}

    /**
     * What a chart showing this feed's candles calls when its oldest candle comes on screen; the marks at the
     * chart's left edge in {@code i18n}'s language.
     */
    static Consumer<OlderCandlesRequest> handler(ScrollBackLoader loader, I18n i18n) {
        String startOfHistory = i18n.text("scrollback.start");
        String candleLimit = i18n.text("scrollback.full");
        return request -> loader.loadBefore(request.book(), request.timeframe(), request.endExclusive())
                .whenComplete((page, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        request.failed(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                    } else if (page.state() == ScrollBackPage.State.END) {
                        request.endReached(startOfHistory);
                    } else if (page.state() == ScrollBackPage.State.FULL) {
                        request.endReached(candleLimit);
                    } else {
                        request.loaded();
                    }
                });
    }

    /** A loader for {@code client}'s feed, cache first when {@code cache} is on (the feed's cached name given). */
    static ScrollBackLoader loader(CandleCache cache, String feedName, FeedClient client) {
        return new ScrollBackLoader(cache, feedName, client::olderCandles);
    }
}
