package com.klinelive.feed.format.coinbase;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.format.exchange.ExchangeCandles;
import com.klinelive.feed.format.exchange.Paging;
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
 * Coinbase Exchange history over REST: candles (closed only; 30m and 4h merged from 15m and 1h), trades paged
 * back by trade id with {@code after} to rebuild the open candle and to repair a gap, and the products.
 */
final class CoinbaseHistory {

    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final RestClient rest;
    private final URI base;
    private final ExchangeCandles candles;

    CoinbaseHistory(RestClient rest, URI base, LongSupplier clock) {
        this.rest = rest;
        this.base = base;
        EnumSet<Timeframe> available = EnumSet.noneOf(Timeframe.class);
        for (Timeframe t : Timeframe.values()) {
            if (CoinbaseRest.hasCandles(t)) {
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

    /** Pages back from the newest trade until one is older than {@code fromTime}. */
    CompletableFuture<List<Tick>> tradesSince(String symbol, long fromTime, int maxTrades) {
        return Paging.trades(
                        0L,
                        after -> page(symbol, after),
                        (after, page) -> page.isEmpty() || page.get(0).time() < fromTime
                                ? Optional.empty()
                                : Optional.of(page.get(0).seq()),
                        maxTrades + CoinbaseRest.MAX_TRADES,
                        "Coinbase trades")
                .thenApply(all -> {
                    List<Tick> since = TradeLists.byId(all).stream()
                            .filter(t -> t.time() >= fromTime)
                            .toList();
                    if (since.size() > maxTrades) {
                        throw new com.klinelive.feed.format.exchange.RestAnswerException(
                                "Coinbase trades: more than " + maxTrades + " since the candle opened");
                    }
                    return since;
                });
    }

    /** Pages back from just before the gap's upper end until its lower end is reached. */
    CompletableFuture<List<Tick>> missingTrades(TradeGap gap) {
        return Paging.trades(
                        gap.beforeSeq(),
                        after -> page(gap.symbol(), after),
                        (after, page) -> page.isEmpty() || page.get(0).seq() <= gap.afterSeq() + 1
                                ? Optional.empty()
                                : Optional.of(page.get(0).seq()),
                        (int) Math.min(1_000_000, gap.missing() + CoinbaseRest.MAX_TRADES),
                        "Coinbase trades")
                .thenApply(all -> TradeLists.exactGap(all, gap.afterSeq(), gap.beforeSeq(), "Coinbase trades"));
    }

    CompletableFuture<List<String>> symbols() {
        return rest.getJson(CoinbaseRest.products(base), MAX_ANSWER_BYTES).thenApply(CoinbaseRest::parseProducts);
    }

    /** The page of trades older than {@code afterId} (the newest with 0), oldest first. */
    private CompletableFuture<List<Tick>> page(String symbol, long afterId) {
        return rest.getJson(CoinbaseRest.trades(base, symbol, afterId, CoinbaseRest.MAX_TRADES), MAX_ANSWER_BYTES)
                .thenApply(body -> CoinbaseRest.parseTrades(body, symbol));
    }

    private CompletableFuture<List<Candle>> page(String symbol, Timeframe timeframe, long end) {
        long start = end - CoinbaseRest.MAX_CANDLES * timeframe.millis();
        return rest.getJson(CoinbaseRest.candles(base, symbol, timeframe, start, end), MAX_ANSWER_BYTES)
                .thenApply(body -> CoinbaseRest.parseCandles(body, timeframe));
    }
}
