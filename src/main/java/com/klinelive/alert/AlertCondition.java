package com.klinelive.alert;

/**
 * When a price alert fires, judged trade by trade against its level.
 *
 * <p>Crossings need the price before the trade: the first trade an alert sees only sets it. "Above" and "below"
 * fire as the price enters the region (a trade in it after one outside it, or the first trade the alert sees), so
 * an alert that repeats fires once per visit, not once per trade.
 */
public enum AlertCondition {
    /** A trade at or above the level after one below it. */
    CROSSES_UP,
    /** A trade at or below the level after one above it. */
    CROSSES_DOWN,
    /** A trade above the level. */
    ABOVE,
    /** A trade below the level. */
    BELOW;

    /**
     * Whether a trade at {@code price} fires an alert at {@code level}.
     *
     * @param previous the price of the trade before it, or NaN for the first trade the alert sees
     */
    public boolean firesAt(double previous, double price, double level) {
        boolean first = Double.isNaN(previous);
        return switch (this) {
            case CROSSES_UP -> !first && previous < level && price >= level;
            case CROSSES_DOWN -> !first && previous > level && price <= level;
            case ABOVE -> price > level && (first || previous <= level);
            case BELOW -> price < level && (first || previous >= level);
        };
    }
}
