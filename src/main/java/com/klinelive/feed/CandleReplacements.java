package com.klinelive.feed;

import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.CandleSource;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candles to be replaced from the feed's REST candles once they have closed (a candle still open could change
 * after we fetched it). Either candles a gap touched, where the missing trades cannot be fetched, or open candles a
 * backfill could not rebuild: each is replaced; or, for a feed whose trade ids cannot show a gap (Bybit), every
 * candle counted from live trades is checked, and those that differ from the exchange's are replaced. Runs on the
 * control thread.
 *
 * <p>Bounded whatever the feed does: each timeframe of each symbol keeps one range of candles to replace, which
 * every further gap widens (to at most {@link #MAX_CANDLES} candles), so a feed with a gap every few seconds costs
 * neither memory nor a request per gap; the closed part of a range is replaced while the rest waits to close. The
 * checks queue at most one range per timeframe for each time a candle closes. Failed requests back off.
 */
final class CandleReplacements {

    private static final Logger LOG = LoggerFactory.getLogger(CandleReplacements.class);
    /** A closed candle is fetched this long after it closed, so the feed has settled it. */
    static final long SETTLE_MILLIS = 2_000;
    /** Most candles kept to replace per timeframe of a symbol: a longer outage keeps its oldest candles as they are. */
    static final int MAX_CANDLES = 1_000;
    /** Volumes that differ by less than this share are equal: an exchange sums decimals, we sum doubles. */
    private static final double VOLUME_TOLERANCE = 1e-9;

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

    /** What a symbol's replacements are for: the gaps they repair and the stretch they cover, for the mark. */
    private static final class Waiting {
        int gaps;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        String text = "";
    }

    /**
     * Candles {@code from} to {@code to} of one timeframe of one symbol to check against the exchange's; {@code done}
     * hears how many differed and were replaced.
     */
    private record Check(String symbol, CandleBook book, Timeframe timeframe, long from, long to, IntConsumer done) {}

    private final Runnable gapRepaired;
    private final BiConsumer<String, FeedMark> marked;
    private final Map<Key, Range> pending = new LinkedHashMap<>();
    private final Map<String, Waiting> waiting = new HashMap<>();
    private final List<Check> checks = new ArrayList<>();
    /** Per symbol and timeframe, the newest candle queued for checking (feeds whose candles are all checked). */
    private final Map<String, Map<Timeframe, Long>> checkedThrough = new HashMap<>();

    private boolean fetching;
    /** After failed requests: none before this time (epoch ms), backing off. */
    private long notBeforeMillis;

    private int failuresInARow;

    /**
     * @param gapRepaired runs once for each gap whose candles were all replaced
     * @param marked      hears the repair mark of a symbol whose candles were all replaced
     */
    CandleReplacements(Runnable gapRepaired, BiConsumer<String, FeedMark> marked) {
        this.gapRepaired = gapRepaired;
        this.marked = marked;
    }

    /**
     * Marks the candles of every timeframe of {@code book} that hold times {@code fromTime} to {@code toTime}
     * (epoch ms) for replacement; {@code gap} when a gap (rather than a backfill) touched them, to be counted as
     * repaired once they are replaced; {@code text} says what the repair mark will say.
     */
    void add(
            String symbol,
            CandleBook book,
            Set<Timeframe> timeframes,
            long fromTime,
            long toTime,
            boolean gap,
            String text) {
        boolean any = false;
        for (Timeframe tf : timeframes) {
            if (!book.timeframes().contains(tf)) {
                continue;
            }
            any = true;
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
        if (!any) {
            return;
        }
        Waiting w = waiting.computeIfAbsent(symbol, s -> new Waiting());
        w.gaps += gap ? 1 : 0;
        w.from = Math.min(w.from, Math.min(fromTime, toTime));
        w.to = Math.max(w.to, Math.max(fromTime, toTime));
        w.text = text;
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
            checks.add(new Check(symbol, book, tf, from, settled, n -> {
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
        return pending.keySet().stream().anyMatch(k -> k.symbol().equals(symbol));
    }

    boolean isEmpty() {
        return pending.isEmpty() && checks.isEmpty();
    }

    /**
     * Fetches the closed candles of the next range that has any closed and settled by {@code nowMillis} (replacements
     * first, then checks), and puts them into the book; one request at a time. {@code changed} hears each symbol
     * whose candles were replaced, and {@code failed} each failed request (it is tried again on a later call).
     */
    void replaceClosed(
            long nowMillis, CandleSource source, Executor loop, Consumer<String> changed, Consumer<Throwable> failed) {
        if (fetching || nowMillis < notBeforeMillis) {
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
            page.whenCompleteAsync(
                    (answer, error) -> {
                        fetching = false;
                        if (failedNow(key.symbol(), nowMillis, error, failed)) {
                            return;
                        }
                        replaced(key, range, from, upTo, answer.candles(), changed);
                    },
                    loop);
            return;
        }
        Iterator<Check> it = checks.iterator();
        while (it.hasNext()) {
            Check c = it.next();
            long end = c.to() + c.timeframe().millis();
            if (nowMillis < end + SETTLE_MILLIS) {
                continue;
            }
            int count = (int) ((c.to() - c.from()) / c.timeframe().millis()) + 1;
            fetching = true;
            CompletableFuture<CandlePage> page = source.candles(c.symbol(), c.timeframe(), count, OptionalLong.of(end));
            page.whenCompleteAsync(
                    (answer, error) -> {
                        fetching = false;
                        if (failedNow(c.symbol(), nowMillis, error, failed)) {
                            return;
                        }
                        checks.remove(c);
                        int put = putChanged(c, answer.candles());
                        c.done().accept(put);
                        if (put > 0) {
                            changed.accept(c.symbol());
                        }
                    },
                    loop);
            return;
        }
    }

    /** Whether the request failed; if so, later requests back off. */
    private boolean failedNow(String symbol, long nowMillis, Throwable error, Consumer<Throwable> failed) {
        if (error == null) {
            failuresInARow = 0;
            return false;
        }
        failuresInARow++;
        notBeforeMillis = nowMillis + Math.min(30_000, 500L << Math.min(6, failuresInARow));
        LOG.info("replacing candles of {} failed ({}); trying again", symbol, FeedClient.rootMessage(error));
        failed.accept(error);
        return true;
    }

    private void replaced(Key key, Range range, long from, long upTo, List<Candle> candles, Consumer<String> changed) {
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
            doneIfNothingWaits(key.symbol());
        }
        changed.accept(key.symbol());
    }

    /** Once no candle of {@code symbol} waits: its gaps count as repaired, and one mark says what was replaced. */
    private void doneIfNothingWaits(String symbol) {
        if (pendingFor(symbol)) {
            return;
        }
        Waiting w = waiting.remove(symbol);
        if (w == null) {
            return;
        }
        for (int i = 0; i < w.gaps; i++) {
            gapRepaired.run();
        }
        marked.accept(symbol, new FeedMark(FeedMark.Kind.REPAIR, w.from, Math.max(w.from, w.to), false, w.text));
    }

    /** Puts the exchange's candles of the range that differ from the ones held into the book. */
    private static int putChanged(Check c, List<Candle> answer) {
        Map<Long, Candle> held = new HashMap<>();
        for (Candle h : c.book().candles(c.timeframe(), MAX_CANDLES + 2)) {
            held.put(h.time(), h);
        }
        int put = 0;
        for (Candle feed : answer) {
            if (feed.time() < c.from() || feed.time() > c.to() || same(held.get(feed.time()), feed)) {
                continue;
            }
            if (c.book().putCandle(c.timeframe(), feed)) {
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
