package com.klinelive.alert;

import java.util.Objects;

/**
 * A price alert as the user set it.
 *
 * @param id        unique within a workspace; names the alert in logs and on the chart
 * @param feed      the feed's key (its URL without secrets), so an alert on BTCUSDT of one feed ignores another's
 * @param symbol    the instrument, as the feed spells it
 * @param level     the price, finite and &gt; 0
 * @param condition when it fires
 * @param repeat    whether it fires every time the condition is met again; otherwise once, then it is spent
 */
public record PriceAlert(
        String id, String feed, String symbol, double level, AlertCondition condition, boolean repeat) {

    public PriceAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(condition, "condition");
        if (symbol.isEmpty()) {
            throw new IllegalArgumentException("an alert needs a symbol");
        }
        if (!(Double.isFinite(level) && level > 0)) {
            throw new IllegalArgumentException("an alert's level must be a price > 0: " + level);
        }
    }
}
