package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;

/** Candles built from trades in id order: what a scripted peer answers as its candles, and what tests compare. */
public final class PeerTruth {

    private PeerTruth() {}

    /** The candles of {@code trades} (in id order) in {@code timeframe}, oldest first. */
    public static List<Candle> candles(List<Tick> trades, Timeframe timeframe) {
        List<Candle> out = new ArrayList<>();
        Candle current = null;
        for (Tick t : trades) {
            long bucket = timeframe.bucketStart(t.time());
            if (current != null && current.time() == bucket) {
                current = new Candle(
                        bucket,
                        current.open(),
                        Math.max(current.high(), t.price()),
                        Math.min(current.low(), t.price()),
                        t.price(),
                        current.volume() + t.size(),
                        current.trades() + 1);
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = new Candle(bucket, t.price(), t.price(), t.price(), t.price(), t.size(), 1);
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }

    /** The same candles with the trade count zeroed, for exchanges whose candles carry none. */
    public static List<Candle> withoutCounts(List<Candle> candles) {
        return candles.stream()
                .map(c -> new Candle(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume(), 0))
                .toList();
    }
}
