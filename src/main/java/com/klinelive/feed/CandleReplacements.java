package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candles a gap touched, where the missing trades cannot be fetched: each is replaced from the feed's REST
 * candles once it has closed (a candle still open could change after we fetched it). Runs on the control thread.
 */
final class CandleReplacements {

    private static final Logger LOG = LoggerFactory.getLogger(CandleReplacements.class);
    /** A closed candle is fetched this long after it closed, so the feed has settled it. */
    static final long SETTLE_MILLIS = 2_000;
    /** Most candles replaced per timeframe for one gap: a longer outage keeps its oldest candles as they are. */
    static final int MAX_CANDLES = 1_000;

    /** The candles {@code from} to {@code to} (bucket starts) of one timeframe of one symbol, to replace. */
    private record Pending(String symbol, CandleBook book, Timeframe timeframe, long from, long to, Runnable done) {}

    private final List<Pending> pending = new ArrayList<>();
    private boolean fetching;

    /**
     * Marks the candles of every timeframe of {@code book} that hold times {@code fromTime} to {@code toTime}
     * (epoch ms) for replacement; {@code repaired} runs once all of them are replaced.
     */
    void add(String symbol, CandleBook book, Set<Timeframe> timeframes, long fromTime, long toTime, Runnable repaired) {
        List<Timeframe> kept =
                timeframes.stream().filter(book.timeframes()::contains).toList();
        int[] left = {kept.size()};
        for (Timeframe tf : kept) {
            long to = tf.bucketStart(Math.max(fromTime, toTime));
            long from = Math.max(tf.bucketStart(Math.min(fromTime, toTime)), to - (MAX_CANDLES - 1) * tf.millis());
            pending.add(new Pending(symbol, book, tf, from, to, () -> {
                if (--left[0] == 0) {
                    repaired.run();
                }
            }));
        }
    }

    /** Whether candles of {@code symbol} still wait for replacement. */
    boolean pendingFor(String symbol) {
        return pending.stream().anyMatch(p -> p.symbol().equals(symbol));
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Fetches the next timeframe whose touched candles have all closed and settled by {@code nowMillis}, and puts
     * them into the book; one request at a time. {@code changed} hears each symbol whose candles were replaced.
     */
    void replaceClosed(
            long nowMillis,
            CandleSource source,
            java.util.concurrent.Executor loop,
            java.util.function.Consumer<String> changed) {
        if (fetching) {
            return;
        }
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            long end = p.to() + p.timeframe().millis();
            if (nowMillis < end + SETTLE_MILLIS) {
                continue;
            }
            int count = (int) ((p.to() - p.from()) / p.timeframe().millis()) + 1;
            fetching = true;
            CompletableFuture<com.klinelive.feed.format.CandlePage> page =
                    source.candles(p.symbol(), p.timeframe(), count, OptionalLong.of(end));
            page.whenCompleteAsync(
                    (answer, error) -> {
                        fetching = false;
                        if (error != null) {
                            LOG.info(
                                    "replacing candles of {} failed ({}); trying again",
                                    p.symbol(),
                                    error.getMessage());
                            return;
                        }
                        pending.remove(p);
                        for (Candle c : answer.candles()) {
                            if (c.time() >= p.from() && c.time() <= p.to()) {
                                p.book().putCandle(p.timeframe(), c);
                            }
                        }
                        p.done().run();
                        changed.accept(p.symbol());
                    },
                    loop);
            return;
        }
    }
}
