package com.klinelive.feed.format.kraken;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.format.exchange.ExchangeCandles;
import com.klinelive.feed.format.exchange.Paging;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.feed.format.exchange.TradeLists;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Kraken history over REST: OHLC (closed only; Kraken keeps the newest 720 of each interval), Trades paged
 * forwards with {@code since} (Kraken's {@code last} carries on exactly) to rebuild the open candle and to repair
 * a gap from the time of its last good trade, and the online pairs.
 */
final class KrakenHistory {

    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    /** One page of Trades and where the next one starts. */
    private record TradesPage(List<Tick> trades, String last) {}

    private final RestClient rest;
    private final URI base;
    private final ExchangeCandles candles;

    KrakenHistory(RestClient rest, URI base, LongSupplier clock) {
        this.rest = rest;
        this.base = base;
        EnumSet<Timeframe> available = EnumSet.noneOf(Timeframe.class);
        for (Timeframe t : Timeframe.values()) {
            if (KrakenRest.interval(t).isPresent()) {
                available.add(t);
            }
        }
        this.candles = new ExchangeCandles(available, this::page, clock);
    }

    FormatHistory sources() {
        return FormatHistory.NONE
                .withCandles(this::candles)
                .withRecentTrades(this::tradesSince)
                .withTradeRepair(this::missingTrades)
                .withSymbols(this::symbols);
    }

    CompletableFuture<CandlePage> candles(String symbol, Timeframe timeframe, int limit, OptionalLong end) {
        return candles.candles(symbol, timeframe, limit, end);
    }

    CompletableFuture<List<Tick>> tradesSince(String symbol, long fromTime, int maxTrades) {
        return forwards(symbol, Long.toString(fromTime / 1000), Long.MAX_VALUE, maxTrades + KrakenRest.MAX_TRADES)
                .thenApply(all -> {
                    List<Tick> since =
                            all.stream().filter(t -> t.time() >= fromTime).toList();
                    if (since.size() > maxTrades) {
                        throw new RestAnswerException(
                                "Kraken trades: more than " + maxTrades + " since the candle opened");
                    }
                    return since;
                });
    }

    CompletableFuture<List<Tick>> missingTrades(TradeGap gap) {
        return forwards(gap.symbol(), Long.toString(gap.afterTime() / 1000), gap.beforeSeq(), (int)
                        Math.min(1_000_000, gap.missing() + 10L * KrakenRest.MAX_TRADES))
                .thenApply(all -> TradeLists.exactGap(all, gap.afterSeq(), gap.beforeSeq(), "Kraken trades"));
    }

    CompletableFuture<List<String>> symbols() {
        return rest.getJson(KrakenRest.assetPairs(base), MAX_ANSWER_BYTES).thenApply(KrakenRest::parseAssetPairs);
    }

    /** Trades from {@code since} on, page after page, until a short page or a trade id at or past {@code untilId}. */
    private CompletableFuture<List<Tick>> forwards(String symbol, String since, long untilId, int maxTrades) {
        String[] next = {since};
        return Paging.trades(
                        since,
                        s -> rest.getJson(
                                        KrakenRest.tradesSince(base, symbol, s, KrakenRest.MAX_TRADES),
                                        MAX_ANSWER_BYTES)
                                .thenApply(body -> new TradesPage(
                                        KrakenRest.parseTrades(body, symbol), KrakenRest.parseLast(body)))
                                .thenApply(page -> {
                                    next[0] = page.last();
                                    return page.trades();
                                }),
                        (s, page) -> page.size() < KrakenRest.MAX_TRADES
                                        || page.get(page.size() - 1).seq() >= untilId
                                        || next[0].equals(s)
                                ? Optional.empty()
                                : Optional.of(next[0]),
                        maxTrades,
                        "Kraken trades")
                .thenApply(TradeLists::byId);
    }

    private CompletableFuture<List<Candle>> page(String symbol, Timeframe timeframe, long end) {
        long since = Math.max(0, end - KrakenRest.MAX_CANDLES * timeframe.millis());
        return rest.getJson(KrakenRest.ohlc(base, symbol, timeframe, since), MAX_ANSWER_BYTES)
                .thenApply(body -> KrakenRest.parseOhlc(body, symbol, timeframe));
    }
}
