package com.klinelive.feed.format;

import com.klinelive.model.Tick;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A feed's trades by id over REST: what fills a gap in the stream exactly. */
@FunctionalInterface
public interface TradeRepair {

    /**
     * Every trade of the gap's symbol with a trade id after {@link TradeGap#afterSeq()} and before
     * {@link TradeGap#beforeSeq()}, oldest first. Fails rather than answer part of them.
     */
    CompletableFuture<List<Tick>> missingTrades(TradeGap gap);
}
