package com.klinelive.feed.format.okx;

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
 * OKX history over REST: candles (closed only; UTC days), {@code history-trades} paged back by trade id to
 * rebuild the open candle and to repair a gap, and the live spot instruments.
 */
final class OkxHistory {

    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final RestClient rest;
    private final URI base;
    private final ExchangeCandles candles;

    OkxHistory(RestClient rest, URI base, LongSupplier clock) {
        this.rest = rest;
        this.base = base;
        EnumSet<Timeframe> available = EnumSet.noneOf(Timeframe.class);
        for (Timeframe t : Timeframe.values()) {
            if (OkxRest.bar(t).isPresent()) {
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
        return Paging.trades(
                        Long.MAX_VALUE,
                        before -> trades(symbol, before),
                        (before, page) -> page.isEmpty() || page.get(0).time() < fromTime
                                ? Optional.empty()
                                : Optional.of(page.get(0).seq()),
                        maxTrades + OkxRest.MAX_TRADES,
                        "OKX trades")
                .thenApply(all -> {
                    List<Tick> since = TradeLists.byId(all).stream()
                            .filter(t -> t.time() >= fromTime)
                            .toList();
                    if (since.size() > maxTrades) {
                        throw new RestAnswerException(
                                "OKX trades: more than " + maxTrades + " since the candle opened");
                    }
                    return since;
                });
    }

    CompletableFuture<List<Tick>> missingTrades(TradeGap gap) {
        return Paging.trades(
                        gap.beforeSeq(),
                        before -> trades(gap.symbol(), before),
                        (before, page) -> page.isEmpty() || page.get(0).seq() <= gap.afterSeq() + 1
                                ? Optional.empty()
                                : Optional.of(page.get(0).seq()),
                        (int) Math.min(1_000_000, gap.missing() + OkxRest.MAX_TRADES),
                        "OKX trades")
                .thenApply(all -> TradeLists.exactGap(all, gap.afterSeq(), gap.beforeSeq(), "OKX trades"));
    }

    CompletableFuture<List<String>> symbols() {
        return rest.getJson(OkxRest.instruments(base), MAX_ANSWER_BYTES).thenApply(OkxRest::parseInstruments);
    }

    /** Trades with ids below {@code beforeId} (the newest with MAX_VALUE), oldest first. */
    private CompletableFuture<List<Tick>> trades(String symbol, long beforeId) {
        URI uri = beforeId == Long.MAX_VALUE
                ? OkxRest.latestTrades(base, symbol, OkxRest.MAX_TRADES)
                : OkxRest.tradesBefore(base, symbol, beforeId, OkxRest.MAX_TRADES);
        return rest.getJson(uri, MAX_ANSWER_BYTES).thenApply(body -> OkxRest.parseTrades(body, symbol));
    }

    private CompletableFuture<List<Candle>> page(String symbol, Timeframe timeframe, long end) {
        return rest.getJson(OkxRest.candles(base, symbol, timeframe, end, OkxRest.MAX_CANDLES), MAX_ANSWER_BYTES)
                .thenApply(body -> OkxRest.parseCandles(body, timeframe));
    }
}
