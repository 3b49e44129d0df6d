package com.klinelive.scrollback;

import com.klinelive.feed.OlderPage;
import com.klinelive.model.Timeframe;
import java.util.concurrent.CompletableFuture;

/**
 * Where pages of older candles come from when the cache lacks them: {@code feedClient::olderCandles}, which loads
 * a page from the feed and puts it in front of the book's candles (see
 * {@link com.klinelive.feed.FeedClient#olderCandles}).
 */
@FunctionalInterface
public interface FeedPages {

    /** The page of candles before {@code endExclusive}, put in front of the book's; never blocks. */
    CompletableFuture<OlderPage> olderCandles(String symbol, Timeframe timeframe, long endExclusive, int limit);
}
