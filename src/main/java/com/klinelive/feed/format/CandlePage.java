package com.klinelive.feed.format;

import com.klinelive.model.Candle;
import java.util.List;

/**
 * Candles from a {@link CandleSource}.
 *
 * @param candles oldest first, each starting on its timeframe's boundary
 * @param lastSeq with a value of 0 or more, the candles (the newest may be open) hold every trade up to this
 *                sequence and none after it: the client loads them and counts live ticks after it (our protocol's
 *                {@code /history}). -1 when the feed cannot say: then the page holds closed candles only, and the
 *                open candle is rebuilt from {@link RecentTrades}
 * @param epoch   the feed run the sequence belongs to, or null
 */
public record CandlePage(List<Candle> candles, long lastSeq, String epoch) {

    public CandlePage {
        candles = List.copyOf(candles);
        lastSeq = Math.max(-1, lastSeq);
    }
}
