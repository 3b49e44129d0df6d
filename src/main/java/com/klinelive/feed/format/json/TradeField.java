package com.klinelive.feed.format.json;

import java.util.Locale;
import java.util.Optional;

/** The values of a trade a {@link FieldMapping} locates in a message. */
public enum TradeField {
    /** The instrument, a string of 1 to 64 characters. */
    SYMBOL(true),
    /** The trade id or sequence number, an integer from 0 to 2^63-1; optional. */
    SEQ(false),
    /** The event time: epoch s, ms, µs or ns (number or numeric string), or an ISO-8601 string. */
    TIME(true),
    /** The price, a number or numeric string, finite and > 0. */
    PRICE(true),
    /** The traded quantity, a number or numeric string, finite and >= 0. */
    SIZE(true);

    private final boolean required;
    private final String key;

    TradeField(boolean required) {
        this.required = required;
        this.key = name().toLowerCase(Locale.ROOT);
    }

    /** Whether every mapping must say where this field is. */
    public boolean required() {
        return required;
    }

    /** The name used in {@code --field KEY=PATH}: symbol, seq, time, price or size. */
    public String key() {
        return key;
    }

    /** The field called {@code key} (as in {@link #key()}), or empty. */
    public static Optional<TradeField> fromKey(String key) {
        for (TradeField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
