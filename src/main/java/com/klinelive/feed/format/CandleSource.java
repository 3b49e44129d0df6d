package com.klinelive.feed.format;

import com.klinelive.model.Timeframe;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** A feed's candles over REST. */
@FunctionalInterface
public interface CandleSource {

    /**
     * A page of candles of {@code symbol} in {@code timeframe}, oldest first: the newest at most {@code limit} that
     * start before {@code endExclusive} (epoch milliseconds UTC), or the newest of all when it is empty. Scroll-back
     * pages by passing the oldest start of the previous page. See {@link CandlePage} for what the page promises.
     * Fails (exceptionally) with a message fit for the status bar when the feed does not answer or answers garbage.
     */
    CompletableFuture<CandlePage> candles(String symbol, Timeframe timeframe, int limit, OptionalLong endExclusive);
}
