package com.klinelive.feed;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * How a {@link FeedClient} connects.
 *
 * @param endpoint          where the feed lives
 * @param format            the feed's format, or null to recognise it from the URL or the first message
 * @param formatSettings    what the user told the formats ({@code --rest-url}, {@code --event}, {@code --field}...)
 * @param symbols           the symbols to follow; empty follows every symbol the feed offers
 * @param transports        which transports may be used
 * @param historyTimeframes the timeframes to backfill and repair from history (our protocol only)
 * @param historyLimit      candles fetched per timeframe
 * @param connectTimeout    a WebSocket that is not open by then counts as unavailable
 * @param staleAfter        silence after which the feed is reported stale
 * @param deadAfter         silence after which the connection is dropped and made again
 * @param backoffBase       first reconnect wait ceiling (full jitter below it)
 * @param backoffCap        largest reconnect wait ceiling
 * @param sslContext        TLS settings for wss/https, or null for the JDK's defaults
 */
public record FeedOptions(
        FeedEndpoint endpoint,
        FeedFormat format,
        FormatSettings formatSettings,
        List<String> symbols,
        TransportChoice transports,
        Set<Timeframe> historyTimeframes,
        int historyLimit,
        Duration connectTimeout,
        Duration staleAfter,
        Duration deadAfter,
        Duration backoffBase,
        Duration backoffCap,
        SSLContext sslContext) {

    /** Which transports the client may use. */
    public enum TransportChoice {
        AUTO,
        WEBSOCKET,
        LONG_POLLING
    }

    /** Largest message accepted from a feed. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    public FeedOptions {
        formatSettings = formatSettings == null ? FormatSettings.NONE : formatSettings;
        symbols = List.copyOf(symbols);
        historyTimeframes = historyTimeframes.isEmpty() ? Set.of() : EnumSet.copyOf(historyTimeframes);
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be >= 1");
        }
    }

    /** Sensible defaults for {@code url}: auto transport and format, every symbol, 1,000 candles of every timeframe. */
    public static FeedOptions defaults(String url) {
        return new FeedOptions(
                FeedEndpoint.parse(url),
                null,
                FormatSettings.NONE,
                List.of(),
                TransportChoice.AUTO,
                EnumSet.allOf(Timeframe.class),
                1_000,
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                Duration.ofSeconds(12),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                null);
    }

    public FeedOptions withFormat(FeedFormat f) {
        return new FeedOptions(
                endpoint,
                f,
                formatSettings,
                symbols,
                transports,
                historyTimeframes,
                historyLimit,
                connectTimeout,
                staleAfter,
                deadAfter,
                backoffBase,
                backoffCap,
                sslContext);
    }

    public FeedOptions withFormatSettings(FormatSettings settings) {
        return new FeedOptions(
                endpoint,
                format,
                settings,
                symbols,
                transports,
                historyTimeframes,
                historyLimit,
                connectTimeout,
                staleAfter,
                deadAfter,
                backoffBase,
                backoffCap,
                sslContext);
    }

    public FeedOptions withSymbols(List<String> s) {
        return new FeedOptions(
                endpoint,
                format,
                formatSettings,
                s,
                transports,
                historyTimeframes,
                historyLimit,
                connectTimeout,
                staleAfter,
                deadAfter,
                backoffBase,
                backoffCap,
                sslContext);
    }

    public FeedOptions withTransports(TransportChoice t) {
        return new FeedOptions(
                endpoint,
                format,
                formatSettings,
                symbols,
                t,
                historyTimeframes,
                historyLimit,
                connectTimeout,
                staleAfter,
                deadAfter,
                backoffBase,
                backoffCap,
                sslContext);
    }

    public FeedOptions withHistory(Set<Timeframe> timeframes, int limit) {
        return new FeedOptions(
                endpoint,
                format,
                formatSettings,
                symbols,
                transports,
                timeframes,
                limit,
                connectTimeout,
                staleAfter,
                deadAfter,
                backoffBase,
                backoffCap,
                sslContext);
    }

    public FeedOptions withTimeouts(Duration connect, Duration stale, Duration dead) {
        return new FeedOptions(
                endpoint,
                format,
                formatSettings,
                symbols,
                transports,
                historyTimeframes,
                historyLimit,
                connect,
                stale,
                dead,
                backoffBase,
                backoffCap,
                sslContext);
    }

    public FeedOptions withBackoff(Duration base, Duration cap) {
        return new FeedOptions(
                endpoint,
                format,
                formatSettings,
                symbols,
                transports,
                historyTimeframes,
                historyLimit,
                connectTimeout,
                staleAfter,
                deadAfter,
                base,
                cap,
                sslContext);
    }

    public FeedOptions withSslContext(SSLContext context) {
        return new FeedOptions(
                endpoint,
                format,
                formatSettings,
                symbols,
                transports,
                historyTimeframes,
                historyLimit,
                connectTimeout,
                staleAfter,
                deadAfter,
                backoffBase,
                backoffCap,
                context);
    }
}
