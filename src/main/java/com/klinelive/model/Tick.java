package com.klinelive.model;

import java.util.Objects;

/**
 * One trade as reported by a feed.
 *
 * @param symbol instrument name as the feed spells it (for Coinbase the product id), never empty
 * @param seq    per-symbol sequence number or trade id; a tick with a seq already seen for its symbol is a duplicate
 * @param time   event time of the trade, epoch milliseconds UTC (the feed's clock, never our receive time)
 * @param price  trade price, finite and &gt; 0
 * @param size   traded quantity, finite and &ge; 0
 */
public record Tick(String symbol, long seq, long time, double price, double size) {

    public Tick {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isEmpty()) {
            throw new IllegalArgumentException("empty symbol");
        }
        if (!(Double.isFinite(price) && price > 0)) {
            throw new IllegalArgumentException("price must be finite and > 0: " + price);
        }
        if (!(Double.isFinite(size) && size >= 0)) {
            throw new IllegalArgumentException("size must be finite and >= 0: " + size);
        }
    }
}
