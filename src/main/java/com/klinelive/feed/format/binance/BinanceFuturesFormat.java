package com.klinelive.feed.format.binance;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Binance USDⓈ-M futures aggregate trade streams ({@code wss://fstream.binance.com/ws/btcusdt@aggTrade}): the
 * streams are named in the URL, the aggregate trade id is the sequence, gaps are repaired with
 * {@code /fapi/v1/aggTrades?fromId=}, and the connection is replaced before Binance's 24 hours. Recognised by its
 * host only: its events look like spot's, which the {@code binance} format claims first.
 */
public final class BinanceFuturesFormat implements FeedFormat {

    @Override
    public String name() {
        return "binance-futures";
    }

    @Override
    public boolean recognisesUrl(URI url) {
        return url.getHost() != null
                && BinanceMarket.ofStreamHost(url.getHost().toLowerCase(Locale.ROOT)) == BinanceMarket.USDM_FUTURES;
    }

    @Override
    public FeedDecoder newDecoder(Rejections rejections, FormatSettings settings) {
        return new BinanceAggTradeDecoder(rejections);
    }

    /** Aggregate trade ids count up by one per symbol. */
    @Override
    public boolean consecutiveSequences(FormatSettings settings) {
        return true;
    }

    @Override
    public Optional<Duration> maxConnectionLifetime() {
        return Optional.of(BinanceMessages.MAX_CONNECTION_LIFETIME);
    }

    @Override
    public FormatHistory history(HistoryContext context) {
        URI base = context.restBaseOr(BinanceMarket.USDM_FUTURES.restBase());
        return new BinanceHistory(BinanceMarket.USDM_FUTURES, true, context.rest(), base, System::currentTimeMillis)
                .sources();
    }
}
