package com.klinelive.feed.protocol;

import java.util.Locale;
import java.util.Optional;

/** The wire formats the client understands: our own and two public exchange streams (docs/PROTOCOL.md). */
public enum FeedFormat {
    /** The native KLine Live protocol, spoken by the simulator. */
    NATIVE,
    /** Binance trade and kline streams, raw or in combined-stream wrappers. */
    BINANCE,
    /** Coinbase Exchange {@code matches} channel. */
    COINBASE,
    /** OKX v5 {@code trades} and {@code trades-all} channels; decoder in {@code feed.format.okx}. */
    OKX,
    /** Bybit v5 spot {@code publicTrade} topic; decoder in {@code feed.format.bybit}. */
    BYBIT,
    /** Kraken WebSocket v2 {@code trade} channel; decoder in {@code feed.format.kraken}. */
    KRAKEN;

    /** The format called {@code "native"}, {@code "binance"} or {@code "coinbase"} (any case), or empty. */
    public static Optional<FeedFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "native" -> Optional.of(NATIVE);
            case "binance" -> Optional.of(BINANCE);
            case "coinbase" -> Optional.of(COINBASE);
            default -> Optional.empty();
        };
    }
}
