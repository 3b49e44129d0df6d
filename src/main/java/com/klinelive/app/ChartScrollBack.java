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

    static final String START_OF_HISTORY = "Start of history";
    static final String CANDLE_LIMIT = "The chart holds its most candles";

    private ChartScrollBack() {}

    /** What a chart showing this feed's candles calls when its oldest candle comes on screen. */
    static Consumer<OlderCandlesRequest> handler(ScrollBackLoader loader) {
        return request -> loader.loadBefore(request.book(), request.timeframe(), request.endExclusive())
                .whenComplete((page, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        request.failed(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                    } else if (page.state() == ScrollBackPage.State.END) {
                        request.endReached(START_OF_HISTORY);
                    } else if (page.state() == ScrollBackPage.State.FULL) {
                        request.endReached(CANDLE_LIMIT);
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
