package com.klinelive.feed.protocol;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;

/**
 * Receives what one message held, and only after the whole message passed validation: a rejected message
 * delivers nothing at all. Called on the decoding thread, in message order.
 */
public interface FeedSink {

    /**
     * One trade, field by field as in {@link Tick}: a decoder builds no object per trade, and a sink that counts
     * candles needs none.
     */
    void onTick(String symbol, long seq, long time, double price, double size);

    /**
     * The trades of a {@code ticks} batch, oldest first: elements {@code 0} to {@code count - 1} of the columns,
     * valid only during the call (the decoder reuses them). By default one {@link #onTick} per trade; a sink that
     * counts candles takes the whole batch at once.
     */
    default void onTicks(String symbol, long[] seqs, long[] times, double[] prices, double[] sizes, int count) {
        for (int i = 0; i < count; i++) {
            onTick(symbol, seqs[i], times[i], prices[i], sizes[i]);
        }
    }

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
