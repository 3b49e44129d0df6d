package com.klinelive.feed.format.exchange;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Asynchronous paging over an exchange's REST pages, one request after the other (never several at once, so a
 * rate limit is met by one request, not a burst), bounded by the number of items wanted.
 */
public final class Paging {

    private Paging() {}

    /**
     * The newest {@code limit} candles that start before {@code endExclusive}, oldest first, asking
     * {@code page.apply(end)} for the page of candles before {@code end} (oldest first) and going back from its
     * oldest candle until {@code limit} are in or a page brings nothing older.
     */
    public static CompletableFuture<List<Candle>> candlesBackwards(
            long endExclusive, int limit, LongFunction<CompletableFuture<List<Candle>>> page) {
        List<Candle> collected = new ArrayList<>();
        return candlesBackwards(endExclusive, limit, page, collected).thenApply(v -> {
            List<Candle> newest = collected.subList(Math.max(0, collected.size() - limit), collected.size());
            return List.copyOf(newest);
        });
    }

    private static CompletableFuture<Void> candlesBackwards(
            long end, int limit, LongFunction<CompletableFuture<List<Candle>>> page, List<Candle> collected) {
        return page.apply(end).thenCompose(candles -> {
            List<Candle> older = candles.stream().filter(c -> c.time() < end).toList();
            collected.addAll(0, older);
            if (older.isEmpty() || collected.size() >= limit) {
                return CompletableFuture.completedFuture(null);
            }
            return candlesBackwards(older.get(0).time(), limit, page, collected);
        });
    }

    /**
     * Trades fetched page after page: {@code fetch} gets a cursor and answers a page (oldest first), {@code next}
     * says from the cursor and the page where the next page starts, or empty when done. Fails when more than
     * {@code maxTrades} came, rather than answer a part.
     */
    public static <C> CompletableFuture<List<Tick>> trades(
            C first,
            Function<C, CompletableFuture<List<Tick>>> fetch,
            BiFunction<C, List<Tick>, Optional<C>> next,
            int maxTrades,
            String what) {
        List<Tick> collected = new ArrayList<>();
        return trades(first, fetch, next, maxTrades, what, collected).thenApply(v -> List.copyOf(collected));
    }

    private static <C> CompletableFuture<Void> trades(
            C cursor,
            Function<C, CompletableFuture<List<Tick>>> fetch,
            BiFunction<C, List<Tick>, Optional<C>> next,
            int maxTrades,
            String what,
            List<Tick> collected) {
        return fetch.apply(cursor).thenCompose(page -> {
            collected.addAll(page);
            if (collected.size() > maxTrades) {
                throw new RestAnswerException(what + ": more than " + maxTrades + " trades");
            }
            Optional<C> following = next.apply(cursor, page);
            if (following.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return trades(following.get(), fetch, next, maxTrades, what, collected);
        });
    }

    /** The candles of {@code list} that have closed at {@code nowMillis}. */
    public static List<Candle> closedOnly(List<Candle> list, Timeframe timeframe, long nowMillis) {
        return list.stream()
                .filter(c -> c.time() + timeframe.millis() <= nowMillis)
                .toList();
    }

    /**
     * The finest of {@code available} that divides {@code wanted} (itself if available), for exchanges whose REST
     * candles lack a timeframe: its candles are merged with {@link CandleResampler}. Empty when none divides it.
     */
    public static Optional<Timeframe> sourceTimeframe(Timeframe wanted, java.util.Set<Timeframe> available) {
        if (available.contains(wanted)) {
            return Optional.of(wanted);
        }
        Timeframe best = null;
        for (Timeframe t : available) {
            if (t.millis() < wanted.millis()
                    && wanted.millis() % t.millis() == 0
                    && (best == null || t.millis() > best.millis())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }
}
