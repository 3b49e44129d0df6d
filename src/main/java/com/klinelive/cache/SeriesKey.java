package com.klinelive.cache;

import com.klinelive.model.Timeframe;
import java.util.Objects;

/**
 * Names one cached series of candles.
 *
 * @param feed      the feed they came from, without credentials (such as the redacted feed URL); 1 to 512 chars
 * @param symbol    the instrument as the feed spells it; 1 to 64 chars
 * @param timeframe the candle period
 */
public record SeriesKey(String feed, String symbol, Timeframe timeframe) {

    public SeriesKey {
        Objects.requireNonNull(timeframe, "timeframe");
        check(feed, "feed", 512);
        check(symbol, "symbol", 64);
    }

    private static void check(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " characters: " + value.length());
        }
    }
}
