package com.klinelive.feed.format.binance;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.TradeGap;
import com.klinelive.feed.format.exchange.ExchangeCandles;
import com.klinelive.feed.format.exchange.Paging;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.feed.rest.WeightLimit;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Binance history over REST for one market: klines (closed only), the trades that rebuild the open candle, the
 * trades of a gap, and the symbols. Streams numbered by trade id ({@code @trade}, spot) are repaired with
 * {@code historicalTrades?fromId=}; streams numbered by aggregate trade id ({@code @aggTrade}, futures) with
 * {@code aggTrades?fromId=}. The used-weight header keeps requests inside the budget (6,000 a minute on spot,
 * 2,400 on futures), so a backfill never earns a 429, let alone a ban.
 */
final class BinanceHistory {

    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final BinanceMarket market;
    private final boolean aggregateIds;
    private final RestClient rest;
    private final URI base;
    private final ExchangeCandles candles;

    /**
     * @param aggregateIds whether the stream's sequences are aggregate trade ids ({@code @aggTrade})
     */
    BinanceHistory(BinanceMarket market, boolean aggregateIds, RestClient rest, URI base, LongSupplier clock) {
        this.market = market;
        this.aggregateIds = aggregateIds;
        this.rest = rest;
        this.base = base;
        EnumSet<Timeframe> available = EnumSet.noneOf(Timeframe.class);
        for (Timeframe t : Timeframe.values()) {
            if (market.hasKlines(t)) {
                available.add(t);
            }
        }
        this.candles = new ExchangeCandles(available, this::klines, clock);
        rest.limitByWeight(
                base.getHost(),
                new WeightLimit(
                        BinanceRest.USED_WEIGHT_HEADER,
                        market == BinanceMarket.SPOT ? 6000 : 2400,
                        Duration.ofMinutes(1)));
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
        URI first = BinanceRest.aggTradesFromTime(base, market, symbol, fromTime, aggregateIds ? 1000 : 1);
        if (aggregateIds) {
            return get(first).thenCompose(body -> {
                List<Tick> page = BinanceRest.parseAggTrades(body, symbol);
                if (page.size() < BinanceRest.MAX_TRADES) {
                    return CompletableFuture.completedFuture(page);
                }
                return idsFrom(symbol, page.get(page.size() - 1).seq() + 1, Long.MAX_VALUE, maxTrades)
                        .thenApply(rest -> concat(page, rest, maxTrades));
            });
        }
        return get(first).thenCompose(body -> {
            OptionalLong firstId = BinanceRest.parseFirstTradeId(body);
            if (firstId.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            return idsFrom(symbol, firstId.getAsLong(), Long.MAX_VALUE, maxTrades);
        });
    }

    CompletableFuture<List<Tick>> missingTrades(TradeGap gap) {
        return idsFrom(gap.symbol(), gap.afterSeq() + 1, gap.beforeSeq(), (int) Math.min(1_000_000, gap.missing()));
    }

    CompletableFuture<List<String>> symbols() {
        return get(BinanceRest.exchangeInfo(base, market)).thenApply(BinanceRest::parseSymbols);
    }

    /** Trades with ids from {@code fromId} up to (not including) {@code beforeId}, page by page. */
    private CompletableFuture<List<Tick>> idsFrom(String symbol, long fromId, long beforeId, int maxTrades) {
        return Paging.trades(
                        fromId,
                        id -> get(aggregateIds
                                        ? BinanceRest.aggTradesFromId(base, market, symbol, id, BinanceRest.MAX_TRADES)
                                        : BinanceRest.tradesFromId(base, symbol, id, BinanceRest.MAX_TRADES))
                                .thenApply(body -> aggregateIds
                                        ? BinanceRest.parseAggTrades(body, symbol)
                                        : BinanceRest.parseTrades(body, symbol))
                                .thenApply(page -> page.stream()
                                        .filter(t -> t.seq() >= id && t.seq() < beforeId)
                                        .toList()),
                        (id, page) -> page.size() < BinanceRest.MAX_TRADES
                                        || page.get(page.size() - 1).seq() + 1 >= beforeId
                                ? Optional.empty()
                                : Optional.of(page.get(page.size() - 1).seq() + 1),
                        maxTrades,
                        "Binance trades")
                .thenApply(trades -> checkedRange(trades, fromId, beforeId));
    }

    /** Refuses a repair that skipped ids: a partial repair would look complete. */
    private static List<Tick> checkedRange(List<Tick> trades, long fromId, long beforeId) {
        if (beforeId != Long.MAX_VALUE && trades.size() != beforeId - fromId) {
            throw new com.klinelive.feed.format.exchange.RestAnswerException(
                    "Binance trades: " + trades.size() + " of the " + (beforeId - fromId) + " missing trades came");
        }
        return trades;
    }

    private static List<Tick> concat(List<Tick> a, List<Tick> b, int max) {
        if (a.size() + b.size() > max) {
            throw new com.klinelive.feed.format.exchange.RestAnswerException(
                    "Binance trades: more than " + max + " trades");
        }
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private CompletableFuture<List<com.klinelive.model.Candle>> klines(String symbol, Timeframe tf, long end) {
        return get(BinanceRest.klines(base, market, symbol, tf, end, market.maxKlines()))
                .thenApply(body -> BinanceRest.parseKlines(body, tf));
    }

    private CompletableFuture<String> get(URI uri) {
        return rest.getJson(uri, MAX_ANSWER_BYTES);
    }
}
