package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candles to be replaced from the feed's REST candles once they have closed (a candle still open could change
 * after we fetched it). Either candles a gap touched, where the missing trades cannot be fetched: each is replaced;
 * or, for a feed whose trade ids cannot show a gap (Bybit), every candle counted from live trades is checked, and
 * those that differ from the exchange's are replaced. Runs on the control thread.
 */
final class CandleReplacements {

    private static final Logger LOG = LoggerFactory.getLogger(CandleReplacements.class);
    /** A closed candle is fetched this long after it closed, so the feed has settled it. */
    static final long SETTLE_MILLIS = 2_000;
    /** Most candles replaced per timeframe for one gap: a longer outage keeps its oldest candles as they are. */
    static final int MAX_CANDLES = 1_000;
    /** Volumes that differ by less than this share are equal: an exchange sums decimals, we sum doubles. */
    private static final double VOLUME_TOLERANCE = 1e-9;

    /**
     * The candles {@code from} to {@code to} (bucket starts) of one timeframe of one symbol; {@code done} hears how
     * many were changed. With {@code onlyChanged}, only candles that differ from the exchange's are put.
     */
    private record Pending(
            String symbol,
            CandleBook book,
            Timeframe timeframe,
            long from,
            long to,
            boolean onlyChanged,
            IntConsumer done) {}

    private final List<Pending> pending = new ArrayList<>();
    /** Per symbol and timeframe, the newest candle queued for checking (feeds whose candles are all checked). */
    private final Map<String, Map<Timeframe, Long>> checkedThrough = new HashMap<>();

    private boolean fetching;
    /** After failed requests: none before this time (epoch ms), backing off. */
    private long notBeforeMillis;

    private int failuresInARow;

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
            pending.add(new Pending(symbol, book, tf, from, to, false, changed -> {
                if (--left[0] == 0) {
                    repaired.run();
                }
            }));
        }
    }

    /**
     * Queues the candles of {@code book} that closed and settled by {@code nowMillis} since the last call, in every
     * timeframe of {@code timeframes} it keeps, to be checked against the feed's; the first call only notes where
     * to begin (the open candle). {@code changed} hears each timeframe and range in which candles differed.
     */
    void checkClosed(
            String symbol, CandleBook book, Set<Timeframe> timeframes, long nowMillis, Consumer<Replaced> changed) {
        Map<Timeframe, Long> through = checkedThrough.computeIfAbsent(symbol, s -> new HashMap<>());
        for (Timeframe tf : timeframes) {
            if (!book.timeframes().contains(tf)) {
                continue;
            }
            long settled = tf.bucketStart(nowMillis - SETTLE_MILLIS - tf.millis());
            Long last = through.get(tf);
            if (last == null) {
                // Before the open candle, REST candles; the one before it too, unless it closed during the backfill.
                through.put(tf, tf.bucketStart(nowMillis) - 2 * tf.millis());
                continue;
            }
            if (settled <= last) {
                continue;
            }
            through.put(tf, settled);
            long from = Math.max(last + tf.millis(), settled - (MAX_CANDLES - 1) * tf.millis());
            pending.add(new Pending(symbol, book, tf, from, settled, true, n -> {
                if (n > 0) {
                    changed.accept(new Replaced(tf, from, settled + tf.millis(), n));
                }
            }));
        }
    }

    /** Candles of {@code timeframe} from {@code fromMillis} to {@code toMillis} that were replaced: {@code count}. */
    record Replaced(Timeframe timeframe, long fromMillis, long toMillis, int count) {}

    /** Forgets what was checked of {@code symbol} (its candles were rebuilt): checking begins anew. */
    void restartChecks(String symbol) {
        checkedThrough.remove(symbol);
    }

    /** Whether candles of {@code symbol} still wait for replacement (not counting routine checks). */
    boolean pendingFor(String symbol) {
        return pending.stream().anyMatch(p -> p.symbol().equals(symbol) && !p.onlyChanged());
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Fetches the next timeframe whose candles have all closed and settled by {@code nowMillis}, and puts them into
     * the book; one request at a time. {@code changed} hears each symbol whose candles were replaced, and
     * {@code failed} each failed request (it is tried again on a later call).
     */
    void replaceClosed(
            long nowMillis, CandleSource source, Executor loop, Consumer<String> changed, Consumer<Throwable> failed) {
        if (fetching || nowMillis < notBeforeMillis) {
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
            CompletableFuture<CandlePage> page = source.candles(p.symbol(), p.timeframe(), count, OptionalLong.of(end));
            page.whenCompleteAsync(
                    (answer, error) -> {
                        fetching = false;
                        if (error != null) {
                            failuresInARow++;
                            notBeforeMillis = nowMillis + Math.min(30_000, 500L << Math.min(6, failuresInARow));
                            LOG.info(
                                    "replacing candles of {} failed ({}); trying again",
                                    p.symbol(),
                                    FeedClient.rootMessage(error));
                            failed.accept(error);
                            return;
                        }
                        failuresInARow = 0;
                        pending.remove(p);
                        int put = put(p, answer.candles());
                        p.done().accept(put);
                        if (put > 0) {
                            changed.accept(p.symbol());
                        }
                    },
                    loop);
            return;
        }
    }

    /** Puts the exchange's candles of the range into the book (only those that differ, when checking). */
    private static int put(Pending p, List<Candle> answer) {
        Map<Long, Candle> held = new HashMap<>();
        if (p.onlyChanged()) {
            for (Candle c : p.book().candles(p.timeframe(), MAX_CANDLES + 2)) {
                held.put(c.time(), c);
            }
        }
        int put = 0;
        for (Candle c : answer) {
            if (c.time() < p.from() || c.time() > p.to()) {
                continue;
            }
            if (p.onlyChanged() && same(held.get(c.time()), c)) {
                continue;
            }
            if (p.book().putCandle(p.timeframe(), c)) {
                put++;
            }
        }
        return put;
    }

    /** Whether the candle held equals the exchange's, up to the trade count where the exchange gives none. */
    private static boolean same(Candle held, Candle feed) {
        if (held == null) {
            return false;
        }
        double scale = Math.max(Math.abs(held.volume()), Math.abs(feed.volume()));
        return held.open() == feed.open()
                && held.high() == feed.high()
                && held.low() == feed.low()
                && held.close() == feed.close()
                && Math.abs(held.volume() - feed.volume()) <= scale * VOLUME_TOLERANCE
                && (feed.trades() == 0 || held.trades() == feed.trades());
    }
}
