package com.klinelive.feed;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;

/**
 * A page of older candles {@link FeedClient#olderCandles} loaded from the feed and put in front of a book's
 * candles.
 *
 * @param symbol       the instrument
 * @param timeframe    the candles' timeframe
 * @param endExclusive the page holds candles that start before this, epoch ms UTC: the book's oldest when asked
 * @param candles      what the feed answered, oldest first (all closed: they are older than a candle held)
 * @param added        how many of them went into the book
 * @param status       what became of the page
 */
public record OlderPage(
        String symbol, Timeframe timeframe, long endExclusive, List<Candle> candles, int added, Status status) {

    public OlderPage {
        candles = List.copyOf(candles);
    }

    /** What became of a page. */
    public enum Status {
        /** The candles went in front of the book's oldest. */
        ADDED,
        /** The feed has no candle before {@code endExclusive} (or no history at all): asking again is no use. */
        END_OF_HISTORY,
        /** The book's series is at its capacity: only the newest {@code added} fitted, no older ones will. */
        FULL,
        /**
         * Not put in: the book's oldest candle moved meanwhile (history reloaded), or the feed answered from
         * another epoch (it restarted). The book's next oldest is where to ask again.
         */
        MOVED
    }
}
