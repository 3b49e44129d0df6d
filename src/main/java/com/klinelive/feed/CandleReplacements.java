package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candles a gap touched, where the missing trades cannot be fetched: each is replaced from the feed's REST
 * candles once it has closed (a candle still open could change after we fetched it). Runs on the control thread.
 *
 * <p>Bounded whatever the feed does: each timeframe of each symbol keeps one range of candles to replace, which
 * every further gap widens (to at most {@link #MAX_CANDLES} candles), so a feed with a gap every few seconds costs
 * neither memory nor a request per gap. The closed part of a range is replaced while the rest waits to close.
 */
final class CandleReplacements {

    private static final Logger LOG = LoggerFactory.getLogger(CandleReplacements.class);
    /** A closed candle is fetched this long after it closed, so the feed has settled it. */
    static final long SETTLE_MILLIS = 2_000;
    /** Most candles kept to replace per timeframe of a symbol: a longer outage keeps its oldest candles as they are. */
    static final int MAX_CANDLES = 1_000;

    private record Key(String symbol, Timeframe timeframe) {}

    /** The candles {@code from} to {@code to} (bucket starts) of one timeframe of one symbol, to replace. */
    private static final class Range {
        final CandleBook book;
        long from;
        long to;

        Range(CandleBook book, long from, long to) {
            this.book = book;
            this.from = from;
            this.to = to;
        }
    }

    private final Runnable gapRepaired;
    private final Map<Key, Range> pending = new LinkedHashMap<>();
    /** Per symbol, the gaps that count as repaired once none of its candles waits any more. */
    private final Map<String, Integer> gapsWaiting = new HashMap<>();

    private boolean fetching;

    /** @param gapRepaired runs once for each gap whose candles were all replaced */
    CandleReplacements(Runnable gapRepaired) {
        this.gapRepaired = gapRepaired;
    }

    /**
     * Marks the candles of every timeframe of {@code book} that hold times {@code fromTime} to {@code toTime}
     * (epoch ms) for replacement; {@code gap} when a gap (rather than a backfill) touched them, to be counted as
     * repaired once they are replaced.
     */
    void add(String symbol, CandleBook book, Set<Timeframe> timeframes, long fromTime, long toTime, boolean gap) {
        for (Timeframe tf : timeframes) {
            if (!book.timeframes().contains(tf)) {
                continue;
            }
            long from = tf.bucketStart(Math.min(fromTime, toTime));
            long to = tf.bucketStart(Math.max(fromTime, toTime));
            Range range = pending.get(new Key(symbol, tf));
            if (range == null) {
                range = new Range(book, from, to);
                pending.put(new Key(symbol, tf), range);
            } else {
                range.from = Math.min(range.from, from);
                range.to = Math.max(range.to, to);
            }
            range.from = Math.max(range.from, range.to - (MAX_CANDLES - 1) * tf.millis());
        }
        if (gap) {
            gapsWaiting.merge(symbol, 1, Integer::sum);
            countRepairedIfDone(symbol);
        }
    }

    /** Whether candles of {@code symbol} still wait for replacement. */
    boolean pendingFor(String symbol) {
        return pending.keySet().stream().anyMatch(k -> k.symbol().equals(symbol));
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Fetches the closed candles of the next range that has any closed and settled by {@code nowMillis}, and puts
     * them into the book; one request at a time. {@code changed} hears each symbol whose candles were replaced.
     */
    void replaceClosed(long nowMillis, CandleSource source, Executor loop, Consumer<String> changed) {
        if (fetching) {
            return;
        }
        for (Map.Entry<Key, Range> e : pending.entrySet()) {
            Key key = e.getKey();
            Range range = e.getValue();
            long millis = key.timeframe().millis();
            // The newest candle that closed at least SETTLE_MILLIS ago.
            long upTo = Math.min(range.to, key.timeframe().bucketStart(nowMillis - SETTLE_MILLIS - millis));
            if (upTo < range.from) {
                continue;
            }
            long from = range.from;
            int count = (int) ((upTo - from) / millis) + 1;
            fetching = true;
            CompletableFuture<CandlePage> page =
                    source.candles(key.symbol(), key.timeframe(), count, OptionalLong.of(upTo + millis));
            page.whenCompleteAsync((answer, error) -> replaced(key, range, from, upTo, answer, error, changed), loop);
            return;
        }
    }

    private void replaced(
            Key key, Range range, long from, long upTo, CandlePage answer, Throwable error, Consumer<String> changed) {
        fetching = false;
        if (error != null) {
            LOG.info("replacing candles of {} failed ({}); trying again", key.symbol(), FeedClient.rootMessage(error));
            return;
        }
        List<Candle> candles = answer.candles();
        for (Candle c : candles) {
            if (c.time() >= from && c.time() <= upTo) {
                range.book.putCandle(key.timeframe(), c);
            }
        }
        if (range.from >= from) {
            // Done up to upTo; a gap added meanwhile may have widened the range, never shrunk it.
            range.from = Math.max(range.from, upTo + key.timeframe().millis());
        }
        if (range.from > range.to && pending.get(key) == range) {
            pending.remove(key);
            countRepairedIfDone(key.symbol());
        }
        changed.accept(key.symbol());
    }

    private void countRepairedIfDone(String symbol) {
        if (pendingFor(symbol)) {
            return;
        }
        Integer gaps = gapsWaiting.remove(symbol);
        for (int i = 0; gaps != null && i < gaps; i++) {
            gapRepaired.run();
        }
    }
}
