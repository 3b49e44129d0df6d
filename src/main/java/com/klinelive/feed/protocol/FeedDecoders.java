package com.klinelive.feed.protocol;

import java.util.Objects;
import java.util.Optional;

/** Creates the decoder for a feed format, and tells the format from a first message. */
public final class FeedDecoders {

    /**
     * Decoders reject messages longer than this many UTF-8 bytes (64 KiB) before parsing them; senders split
     * larger {@code ticks} batches.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private FeedDecoders() {}

    /**
     * A new decoder for {@code format}, counting its rejections in {@code rejections}. Decoders keep reusable
     * buffers and are not thread-safe: create one per connection.
     */
    public static FeedDecoder create(FeedFormat format, Rejections rejections) {
        Objects.requireNonNull(rejections, "rejections");
        return switch (Objects.requireNonNull(format, "format")) {
            case NATIVE -> new NativeDecoder(rejections);
            case BINANCE -> new BinanceDecoder(rejections);
            case COINBASE -> new CoinbaseDecoder(rejections);
            // Their decoders live in their own packages, which depend on this one.
            case OKX, BYBIT, KRAKEN ->
                throw new IllegalArgumentException(format + " decoders are made by their package in feed.format");
        };
    }

    /**
     * The format of a connection's first message, or empty when the message is not strict JSON or does not tell:
     * native messages have a native {@code type} (hello, tick, ticks, heartbeat, reset, error) and no
     * {@code product_id}; Binance messages have {@code e}, the {@code {"stream":..,"data":..}} wrapper, or are a
     * subscription reply ({@code result} and {@code id}); Coinbase messages have a {@code type} with a
     * {@code product_id}, or a Coinbase-only type such as {@code subscriptions} or {@code match}.
     */
    public static Optional<FeedFormat> detect(String firstMessage) {
        return FormatDetector.detect(firstMessage);
    }
}
