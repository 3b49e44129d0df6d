package com.klinelive.feed.format.binance;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.feed.protocol.TopLevelFields;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binance market streams: trade and kline events, raw ({@code /ws/btcusdt@trade}) or combined
 * ({@code /stream?streams=...}). The streams are named in the URL, so nothing is sent after connecting. Binance
 * closes a connection after 24 hours: the client replaces it before then. History: closed klines, the open candle
 * rebuilt from trades by trade id, gaps repaired by trade id (docs/PROTOCOL.md, "Binance").
 */
public final class BinanceFormat implements FeedFormat {

    private static final Set<String> HOSTS = Set.of("stream.binance.com", "data-stream.binance.vision");

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public boolean recognisesUrl(URI url) {
        return url.getHost() != null && HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT));
    }

    /** An event ({@code e}), a combined-stream wrapper, or the reply to a request ({@code result} and {@code id}). */
    @Override
    public boolean recognisesFirstMessage(String message) {
        return TopLevelFields.of(message)
                .filter(f -> f.has("e") || f.has("stream") && f.has("data") || f.has("result") && f.has("id"))
                .isPresent();
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new BinanceDecoder(rejections);
    }

    /** Trade ids count up by one per symbol. */
    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return true;
    }

    @Override
    public Optional<Duration> maxConnectionLifetime() {
        return Optional.of(BinanceMessages.MAX_CONNECTION_LIFETIME);
    }

    /** Spot klines, trades by trade id ({@code historicalTrades}) and {@code exchangeInfo}. */
    @Override
    public FormatHistory history(HistoryContext context) {
        URI base = context.restBaseOr(BinanceMarket.SPOT.restBase());
        return new BinanceHistory(BinanceMarket.SPOT, false, context.rest(), base, System::currentTimeMillis).sources();
    }
}
