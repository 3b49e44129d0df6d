package com.klinelive.feed.format;

import com.klinelive.model.Tick;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A feed's latest trades over REST: what rebuilds the open candle exactly, up to a trade id. */
@FunctionalInterface
public interface RecentTrades {

    /**
     * Every trade of {@code symbol} at or after {@code fromTime} (epoch milliseconds UTC) up to the newest, oldest
     * first, with their trade ids as sequences. Fails rather than answer part of them, also when there are more
     * than {@code maxTrades}.
     */
    CompletableFuture<List<Tick>> tradesSince(String symbol, long fromTime, int maxTrades);
}
