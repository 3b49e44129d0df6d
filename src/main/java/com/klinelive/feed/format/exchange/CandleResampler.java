package com.klinelive.feed.format.exchange;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges candles of a finer period into a coarser one, for exchanges whose REST candles lack one of our timeframes
 * (Coinbase has no 30m or 4h, OKX and Binance no 5s or 15s): open of the first, close of the last, the extremes,
 * the sums. Exact, because a coarse candle is exactly the trades of the fine ones inside it.
 */
public final class CandleResampler {

    private CandleResampler() {}

    /**
     * @param fine   candles in time order, each aligned to a period that divides {@code target}'s
     * @param target the coarser timeframe
     * @return the {@code target} candles, in time order; a coarse candle whose fine candles are only partly in
     *     {@code fine} is built from those present (the caller asks for whole periods)
     */
    public static List<Candle> resample(List<Candle> fine, Timeframe target) {
        List<Candle> out = new ArrayList<>();
        Candle current = null;
        for (Candle c : fine) {
            long bucket = target.bucketStart(c.time());
            if (current != null && current.time() == bucket) {
                current = new Candle(
                        bucket,
                        current.open(),
                        Math.max(current.high(), c.high()),
                        Math.min(current.low(), c.low()),
                        c.close(),
                        current.volume() + c.volume(),
                        current.trades() + c.trades());
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = new Candle(bucket, c.open(), c.high(), c.low(), c.close(), c.volume(), c.trades());
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }
}
