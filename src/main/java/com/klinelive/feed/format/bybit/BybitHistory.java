package com.klinelive.feed.format.bybit;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.exchange.ExchangeCandles;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Bybit spot history over REST: klines (closed only) and the instruments. Bybit's public trades are the newest 60
 * with no paging, so they rebuild the open candle only when it holds fewer, and no gap is repaired from trades:
 * the candles a gap touched are replaced from klines once they close.
 */
final class BybitHistory {

    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final RestClient rest;
    private final URI base;
    private final ExchangeCandles candles;

    BybitHistory(RestClient rest, URI base, LongSupplier clock) {
        this.rest = rest;
        this.base = base;
        EnumSet<Timeframe> available = EnumSet.noneOf(Timeframe.class);
        for (Timeframe t : Timeframe.values()) {
            if (BybitRest.interval(t).isPresent()) {
                available.add(t);
            }
        }
        this.candles = new ExchangeCandles(available, this::page, clock);
    }

    FormatHistory sources() {
        return FormatHistory.NONE
                .withCandles(this::candles)
                .withRecentTrades(this::tradesSince)
                .withSymbols(this::symbols);
    }

    CompletableFuture<CandlePage> candles(String symbol, Timeframe timeframe, int limit, OptionalLong end) {
        return candles.candles(symbol, timeframe, limit, end);
    }

    /** The recent trades since {@code fromTime}, when Bybit's 60 reach back before it; else a clear failure. */
    CompletableFuture<List<Tick>> tradesSince(String symbol, long fromTime, int maxTrades) {
        return rest.getJson(BybitRest.recentTrades(base, symbol), MAX_ANSWER_BYTES)
                .thenApply(body -> BybitRest.parseTrades(body, symbol))
                .thenApply(recent -> {
                    if (recent.size() >= BybitRest.MAX_SPOT_TRADES
                            && recent.get(0).time() >= fromTime) {
                        throw new RestAnswerException("Bybit trades: more than its " + BybitRest.MAX_SPOT_TRADES
                                + " recent trades since the candle opened");
                    }
                    List<Tick> since =
                            recent.stream().filter(t -> t.time() >= fromTime).toList();
                    if (since.size() > maxTrades) {
                        throw new RestAnswerException("Bybit trades: more than " + maxTrades);
                    }
                    return since;
                });
    }

    CompletableFuture<List<String>> symbols() {
        return rest.getJson(BybitRest.instruments(base), MAX_ANSWER_BYTES).thenApply(BybitRest::parseInstruments);
    }

    private CompletableFuture<List<Candle>> page(String symbol, Timeframe timeframe, long end) {
        return rest.getJson(BybitRest.klines(base, symbol, timeframe, end, BybitRest.MAX_KLINES), MAX_ANSWER_BYTES)
                .thenApply(body -> BybitRest.parseKlines(body, timeframe));
    }
}
