package com.klinelive.feed.protocol;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;

/**
 * Receives what one message held, and only after the whole message passed validation: a rejected message
 * delivers nothing at all. Called on the decoding thread, in message order.
 */
public interface FeedSink {

    /** One trade. A {@code ticks} batch arrives as one call per tick, oldest first. */
    void onTick(Tick tick);

    /**
     * A candle computed by the feed (Binance kline stream). It replaces the open candle of that symbol and
     * timeframe starting at {@code candle.time()}.
     *
     * @param closed whether the feed marked the candle final; a closed candle will not change again
     */
    void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed);

    /** A message about the feed rather than about trades. */
    void onControl(ControlMessage message);
}
