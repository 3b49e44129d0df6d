package com.klinelive.feed.format.exchange;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The {@link com.klinelive.feed.format.CandleSource} every exchange format shares: closed candles only (the open
 * one is rebuilt from trades up to a trade id, so no trade is counted twice), paged back until the number asked
 * for is in, and timeframes the exchange lacks merged from a finer one it has. Timeframes nothing divides (5s on an
 * exchange without 1s candles) have no history: their candles come from the stream alone.
 */
public final class ExchangeCandles {

    /** Fetches one page: the newest candles of {@code timeframe} that start before {@code endExclusive}. */
    @FunctionalInterface
    public interface PageFetcher {
        CompletableFuture<List<Candle>> page(String symbol, Timeframe timeframe, long endExclusive);
    }

    private final Set<Timeframe> available;
    private final PageFetcher fetcher;
    private final LongSupplier clock;

    /**
     * @param available the timeframes the exchange has candles of
     * @param fetcher   one request and its parsing
     * @param clock     epoch milliseconds now, to tell closed candles from the open one
     */
    public ExchangeCandles(Set<Timeframe> available, PageFetcher fetcher, LongSupplier clock) {
        this.available = Set.copyOf(available);
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** As {@link com.klinelive.feed.format.CandleSource#candles}; the page has no sequence ({@code -1}). */
    public CompletableFuture<CandlePage> candles(
            String symbol, Timeframe timeframe, int limit, OptionalLong endExclusive) {
        Optional<Timeframe> source = Paging.sourceTimeframe(timeframe, available);
        if (source.isEmpty()) {
            return CompletableFuture.completedFuture(new CandlePage(List.of(), -1, null));
        }
        Timeframe fine = source.get();
        long factor = timeframe.millis() / fine.millis();
        long now = clock.getAsLong();
        // Only whole coarse periods: start the fine pages at a coarse boundary, never inside the open one.
        long end = Math.min(endExclusive.orElse(Long.MAX_VALUE), timeframe.bucketStart(now));
        int fineLimit = (int) Math.min(100_000, limit * factor);
        return Paging.candlesBackwards(end, fineLimit, e -> fetcher.page(symbol, fine, e))
                .thenApply(candles -> {
                    List<Candle> closed = Paging.closedOnly(candles, fine, now);
                    List<Candle> merged = fine == timeframe ? closed : CandleResampler.resample(closed, timeframe);
                    // A coarse candle whose first fine candles are beyond the page would be partial: drop it.
                    if (fine != timeframe && merged.size() > 0 && closed.size() >= fineLimit) {
                        merged = merged.subList(1, merged.size());
                    }
                    List<Candle> newest = merged.subList(Math.max(0, merged.size() - limit), merged.size());
                    return new CandlePage(newest, -1, null);
                });
    }
}
