package com.klinelive.candle;

import com.klinelive.model.Candle;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Timeframe;
import java.util.List;

/**
 * The candles of one symbol and one {@link Timeframe}, held column by column in primitive arrays, oldest first,
 * bounded: when full, appending drops the oldest candle, and older candles put in front ({@link #prepend}) take
 * only the room left.
 *
 * <p>Storage is a ring of fixed-size chunks, allocated on first use and reused when the ring wraps, so memory
 * grows with the candles actually held (56 bytes a candle) and a full series appends without allocating.
 *
 * <p>Open and close follow the trade order (event time, then sequence), not the arrival order, so a late tick
 * lands where it belongs. That needs the order keys of each candle's first and last trade; they are kept only
 * for the newest {@link #HELD} candles, which are the ones a late tick may still update.
 *
 * <p>Not thread-safe: the owning {@link CandleBook} guards every call with its lock.
 *
 * <p>Longer than most: the hot path of the engine, hand-written over primitive columns in a chunked ring (append, late
 * ticks, prepend, history joins, reads); splitting it would put a call between the newest candle's fields and the
 * columns.
 */
public final class CandleSeries implements CandleColumns {

    /** How many of the newest candles accept late ticks. */
    public static final int HELD = 4096;

    /** Memory per candle: time, open, high, low, close, volume, trades. */
    public static final int BYTES_PER_CANDLE = 7 * Long.BYTES;

    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK - 1;

    private final Timeframe timeframe;
    private final int capacity;
    private final int ringSize;

    private final long[][] times;
    private final double[][] opens;
    private final double[][] highs;
    private final double[][] lows;
    private final double[][] closes;
    private final double[][] volumes;
    private final long[][] tradeCounts;

    // Order keys (event time, sequence) of the first and last trade of the newest HELD candles,
    // indexed by physical position mod HELD.
    private final long[] firstTime = new long[HELD];
    private final long[] firstSeq = new long[HELD];
    private final long[] lastTime = new long[HELD];
    private final long[] lastSeq = new long[HELD];

    private int head;
    private int size;
    private long rewrites;

    // The newest candle, the one nearly every tick updates, lives in these fields rather than in the columns: a tick
    // in its bucket [newestStart, newestEnd) touches only this object, with no division, no search and no index
    // arithmetic, however many timeframes there are. While the series is not empty these fields are the truth
    // about the newest candle and its slot in the columns is stale; anything else that changes candles stores the
    // newest into its slot first and loads it back after. Empty: an empty bucket range.
    private long newestStart = Long.MAX_VALUE;
    private long newestEnd = Long.MIN_VALUE;
    private double newestOpen;
    private double newestHigh;
    private double newestLow;
    private double newestClose;
    private double newestVolume;
    private long newestTrades;
    private long newestFirstTime;
    private long newestFirstSeq;
    private long newestLastTime;
    private long newestLastSeq;

    /**
     * @param timeframe the bucket size
     * @param capacity  most candles held, at least 1; the oldest is dropped beyond it
     */
    public CandleSeries(Timeframe timeframe, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.timeframe = timeframe;
        this.capacity = capacity;
        // A whole number of HELD blocks keeps the meta index (position mod HELD) distinct for the newest HELD.
        long ring = ((long) capacity + HELD - 1) / HELD * HELD;
        if (ring > Integer.MAX_VALUE - HELD) {
            throw new IllegalArgumentException("capacity too large: " + capacity);
        }
        this.ringSize = (int) ring;
        int chunks = ringSize >> CHUNK_SHIFT;
        times = new long[chunks][];
        opens = new double[chunks][];
        highs = new double[chunks][];
        lows = new double[chunks][];
        closes = new double[chunks][];
        volumes = new double[chunks][];
        tradeCounts = new long[chunks][];
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long time(int index) {
        int p = physical(index);
        return times[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double open(int index) {
        int p = physical(index);
        return index == size - 1 ? newestOpen : opens[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double high(int index) {
        int p = physical(index);
        return index == size - 1 ? newestHigh : highs[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double low(int index) {
        int p = physical(index);
        return index == size - 1 ? newestLow : lows[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double close(int index) {
        int p = physical(index);
        return index == size - 1 ? newestClose : closes[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double volume(int index) {
        int p = physical(index);
        return index == size - 1 ? newestVolume : volumes[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public long trades(int index) {
        int p = physical(index);
        return index == size - 1 ? newestTrades : tradeCounts[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public long rewrites() {
        return rewrites;
    }

    /**
     * Whether a trade at {@code eventTime} can be counted: it belongs to one of the newest {@link #HELD} candles, or
     * to a new candle among them.
     */
    boolean canHold(long eventTime) {
        // Not older than the newest candle (the case of nearly every tick), or nothing held yet.
        if (eventTime >= newestStart || size == 0) {
            return true;
        }
        int found = search(timeframe.bucketStart(eventTime));
        int index = found >= 0 ? found : -found - 1;
        if (index < size - HELD) {
            return false;
        }
        // Inserting before the oldest candle of a full series would drop it again at once.
        return found >= 0 || index > 0 || size < capacity;
    }

    /**
     * A time from which on {@link #canHold} is true of every trade: the newest candle's start, or the earliest
     * time there is when the series is empty.
     */
    long holdsAllFrom() {
        return size == 0 ? Long.MIN_VALUE : newestStart;
    }

    /** The end of the newest candle's bucket, exclusive; the earliest time there is when the series is empty. */
    long newestEnd() {
        return newestEnd;
    }

    /**
     * Counts a trade that falls in the newest candle's bucket and comes after its last trade (event time, then
     * sequence): what nearly every trade of a live feed does, with nothing to check.
     */
    void addInOrder(long seq, long eventTime, double price, double quantity) {
        countInNewest(price, quantity);
        newestClose = price;
        newestLastTime = eventTime;
        newestLastSeq = seq;
    }

    /** Counts one trade. The caller has checked {@link #canHold} for it. */
    void add(long seq, long eventTime, double price, double quantity) {
        if (eventTime >= newestStart && eventTime < newestEnd) {
            updateNewest(seq, eventTime, price, quantity);
            return;
        }
        long bucket = timeframe.bucketStart(eventTime);
        storeNewest();
        if (size == 0 || bucket > newestStart) {
            openNewest(bucket, seq, eventTime, price, quantity);
        } else {
            addLate(bucket, seq, eventTime, price, quantity);
            rewrites++;
            loadNewest();
        }
    }

    /**
     * Loads history: {@code candles} (oldest first, strictly increasing times, aligned to this timeframe) replace
     * the candles from the first of them on, keeping the newest {@link #capacity()}. The open and close of these
     * candles are final as far as earlier trades go, and any later trade becomes the close.
     *
     * <p>Older candles stay when the series already holds the history's first candle with exactly its values: the
     * history then continues them (cached candles shown before the feed answered, pages loaded by scrolling back,
     * a repair of the newest candles). Otherwise every candle is replaced, since older ones could not be told to
     * join the history without a hole or a difference.
     */
    void load(List<Candle> candles) {
        storeNewest();
        int kept = candles.isEmpty() ? 0 : joinPoint(candles.get(0));
        size = kept;
        rewrites++;
        int appended = 0;
        long previous = kept > 0 ? time(kept - 1) : Long.MIN_VALUE;
        for (int i = Math.max(0, candles.size() - capacity); i < candles.size(); i++) {
            Candle c = candles.get(i);
            if (c.time() <= previous || timeframe.bucketStart(c.time()) != c.time()) {
                // Keeps the fields true to the candles appended so far.
                loadNewest();
                throw new IllegalArgumentException("candles must be aligned and strictly increasing at " + i);
            }
            previous = c.time();
            append(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.trades());
            setKeys(physical(size - 1), Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
            appended++;
        }
        // Kept candles now among the newest HELD: the order keys in their slots may be another candle's.
        for (int i = Math.max(0, size - HELD); i < size - appended; i++) {
            setKeys(physical(i), Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        }
        loadNewest();
    }

    /** How many older candles {@link #load} keeps: those before {@code first}, if the series holds it as it is. */
    private int joinPoint(Candle first) {
        int found = size == 0 ? -1 : search(first.time());
        if (found <= 0) {
            return 0;
        }
        int p = physical(found);
        int c = p >> CHUNK_SHIFT;
        int o = p & CHUNK_MASK;
        boolean same = Double.compare(opens[c][o], first.open()) == 0
                && Double.compare(highs[c][o], first.high()) == 0
                && Double.compare(lows[c][o], first.low()) == 0
                && Double.compare(closes[c][o], first.close()) == 0
                && Double.compare(volumes[c][o], first.volume()) == 0
                && tradeCounts[c][o] == first.trades();
        return same ? found : 0;
    }

    /**
     * Puts candles {@code from} to {@code to - 1} of {@code older} (oldest first, aligned, strictly increasing, all
     * before this series' oldest candle) in front of the oldest candle, as many as there is room for, the newest
     * of them first: the series never drops a candle to make room for older ones. The newest candle and the order
     * keys of the held candles stay as they are, so live trades go on undisturbed.
     *
     * @return how many were put in front: {@code to - from} unless the series filled up
     * @throws IllegalArgumentException when the candles are not aligned, not in order, or not older than the oldest,
     *     changing nothing
     * @throws IllegalStateException    when the series is empty: there is nothing to join them to
     */
    int prepend(CandleColumns older, int from, int to) {
        if (size == 0) {
            throw new IllegalStateException("no candles to put older ones in front of");
        }
        long next = time(0);
        for (int i = to - 1; i >= from; i--) {
            long t = older.time(i);
            if (t >= next || timeframe.bucketStart(t) != t) {
                throw new IllegalArgumentException(
                        "older candles must be aligned, strictly increasing and before " + next + " at " + i);
            }
            next = t;
        }
        int added = Math.min(capacity - size, to - from);
        if (added <= 0) {
            return 0;
        }
        int start = to - added;
        head -= added;
        if (head < 0) {
            head += ringSize;
        }
        size += added;
        for (int i = 0; i < added; i++) {
            int k = start + i;
            write(
                    physical(i),
                    older.time(k),
                    older.open(k),
                    older.high(k),
                    older.low(k),
                    older.close(k),
                    older.volume(k),
                    older.trades(k));
        }
        // Only candles among the newest HELD have order keys; an older one's slot belongs to a newer candle.
        for (int i = Math.max(0, size - HELD); i < added; i++) {
            setKeys(physical(i), Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        }
        rewrites++;
        return added;
    }

    /**
     * Puts a whole candle reported by an exchange (a kline): it replaces the candle with the same time, or is
     * added in time order. Returns false, changing nothing, when it is older than the held candles.
     */
    boolean put(Candle c) {
        if (timeframe.bucketStart(c.time()) != c.time() || !canHold(c.time())) {
            return false;
        }
        storeNewest();
        int found = size == 0 ? -1 : search(c.time());
        // Replacing the newest candle or appending one is what a kline stream does all the time: no rewrite.
        if (found != size - 1 && -found - 1 != size) {
            rewrites++;
        }
        int index;
        if (found >= 0) {
            index = found;
        } else if (-found - 1 == size) {
            append(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.trades());
            index = size - 1;
        } else {
            // Inserting into a full series drops the oldest first, so look the new index up again.
            insert(-found - 1, c.time(), c.open(), 0, 0);
            index = search(c.time());
        }
        write(physical(index), c.time(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.trades());
        setKeys(physical(index), Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        loadNewest();
        return true;
    }

    /** Drops every candle. */
    void clear() {
        head = 0;
        size = 0;
        rewrites++;
        loadNewest();
    }

    /** A tick in the newest candle's bucket: the fast path of nearly every tick. */
    private void updateNewest(long seq, long eventTime, double price, double quantity) {
        // A trade after the last one (nearly every trade) cannot also be before the first.
        if (before(newestLastTime, newestLastSeq, eventTime, seq)) {
            addInOrder(seq, eventTime, price, quantity);
            return;
        }
        countInNewest(price, quantity);
        if (before(eventTime, seq, newestFirstTime, newestFirstSeq)) {
            newestOpen = price;
            newestFirstTime = eventTime;
            newestFirstSeq = seq;
        }
    }

    /** What every trade in the newest candle changes, wherever it falls in the trade order. */
    private void countInNewest(double price, double quantity) {
        if (price > newestHigh) {
            newestHigh = price;
        }
        if (price < newestLow) {
            newestLow = price;
        }
        newestVolume += quantity;
        newestTrades++;
    }

    /**
     * A tick that opens a candle newer than all: the newest goes into the fields, and into the columns only its time
     * (searches need it); the rest is stored there when a newer candle opens or the candles change otherwise.
     */
    private void openNewest(long bucket, long seq, long eventTime, double price, double quantity) {
        dropOldestIfFull();
        size++;
        int p = physical(size - 1);
        allocateChunk(p >> CHUNK_SHIFT);
        times[p >> CHUNK_SHIFT][p & CHUNK_MASK] = bucket;
        newestStart = bucket;
        newestEnd = endOf(bucket);
        newestOpen = price;
        newestHigh = price;
        newestLow = price;
        newestClose = price;
        newestVolume = quantity;
        newestTrades = 1;
        newestFirstTime = eventTime;
        newestFirstSeq = seq;
        newestLastTime = eventTime;
        newestLastSeq = seq;
    }

    /** A late tick for a candle older than the newest, or for an empty bucket among them; the newest is stored. */
    private void addLate(long bucket, long seq, long eventTime, double price, double quantity) {
        int found = search(bucket);
        if (found >= 0) {
            update(physical(found), seq, eventTime, price, quantity);
        } else {
            insert(-found - 1, bucket, price, quantity, 1);
            setKeys(physical(-found - 1), eventTime, seq, eventTime, seq);
        }
    }

    /** Writes the newest candle's fields into its slot of the columns. */
    private void storeNewest() {
        if (size > 0) {
            int p = physical(size - 1);
            write(p, newestStart, newestOpen, newestHigh, newestLow, newestClose, newestVolume, newestTrades);
            setKeys(p, newestFirstTime, newestFirstSeq, newestLastTime, newestLastSeq);
        }
    }

    /** Reads the newest candle from the columns into its fields, after any change to the candles. */
    private void loadNewest() {
        if (size == 0) {
            newestStart = Long.MAX_VALUE;
            newestEnd = Long.MIN_VALUE;
            return;
        }
        int p = physical(size - 1);
        int c = p >> CHUNK_SHIFT;
        int o = p & CHUNK_MASK;
        int m = p & (HELD - 1);
        newestStart = times[c][o];
        newestEnd = endOf(newestStart);
        newestOpen = opens[c][o];
        newestHigh = highs[c][o];
        newestLow = lows[c][o];
        newestClose = closes[c][o];
        newestVolume = volumes[c][o];
        newestTrades = tradeCounts[c][o];
        newestFirstTime = firstTime[m];
        newestFirstSeq = firstSeq[m];
        newestLastTime = lastTime[m];
        newestLastSeq = lastSeq[m];
    }

    /**
     * The end of the bucket starting at {@code start}. Saturates rather than wraps at the very end of time: a tick
     * at Long.MAX_VALUE then takes the slower path, which finds the same candle.
     */
    private long endOf(long start) {
        return start > Long.MAX_VALUE - timeframe.millis() ? Long.MAX_VALUE : start + timeframe.millis();
    }

    /** Counts a trade in the candle stored at physical position {@code p} of the columns. */
    private void update(int p, long seq, long eventTime, double price, double quantity) {
        int c = p >> CHUNK_SHIFT;
        int o = p & CHUNK_MASK;
        if (price > highs[c][o]) {
            highs[c][o] = price;
        }
        if (price < lows[c][o]) {
            lows[c][o] = price;
        }
        volumes[c][o] += quantity;
        tradeCounts[c][o]++;
        int m = p & (HELD - 1);
        if (before(eventTime, seq, firstTime[m], firstSeq[m])) {
            opens[c][o] = price;
            firstTime[m] = eventTime;
            firstSeq[m] = seq;
        }
        if (before(lastTime[m], lastSeq[m], eventTime, seq)) {
            closes[c][o] = price;
            lastTime[m] = eventTime;
            lastSeq[m] = seq;
        }
    }

    private static boolean before(long timeA, long seqA, long timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }

    private void append(long time, double open, double high, double low, double close, double volume, long trades) {
        dropOldestIfFull();
        size++;
        write(physical(size - 1), time, open, high, low, close, volume, trades);
    }

    /** Inserts a one-trade candle at {@code index}, shifting the newer ones up (late tick in an empty bucket). */
    private void insert(int index, long time, double price, double quantity, long trades) {
        if (size == capacity) {
            head = head + 1 == ringSize ? 0 : head + 1;
            size--;
            index--;
        }
        size++;
        for (int i = size - 1; i > index; i--) {
            move(physical(i - 1), physical(i));
        }
        write(physical(index), time, price, price, price, price, quantity, trades);
    }

    /** Copies the candle and order keys at physical position {@code from} to {@code to}. */
    private void move(int from, int to) {
        int fc = from >> CHUNK_SHIFT;
        int fo = from & CHUNK_MASK;
        write(
                to,
                times[fc][fo],
                opens[fc][fo],
                highs[fc][fo],
                lows[fc][fo],
                closes[fc][fo],
                volumes[fc][fo],
                tradeCounts[fc][fo]);
        int mf = from & (HELD - 1);
        setKeys(to, firstTime[mf], firstSeq[mf], lastTime[mf], lastSeq[mf]);
    }

    private void write(
            int p, long time, double open, double high, double low, double close, double volume, long trades) {
        int c = p >> CHUNK_SHIFT;
        allocateChunk(c);
        int o = p & CHUNK_MASK;
        times[c][o] = time;
        opens[c][o] = open;
        highs[c][o] = high;
        lows[c][o] = low;
        closes[c][o] = close;
        volumes[c][o] = volume;
        tradeCounts[c][o] = trades;
    }

    private void dropOldestIfFull() {
        if (size == capacity) {
            head = head + 1 == ringSize ? 0 : head + 1;
            size--;
        }
    }

    private void allocateChunk(int c) {
        if (times[c] == null) {
            times[c] = new long[CHUNK];
            opens[c] = new double[CHUNK];
            highs[c] = new double[CHUNK];
            lows[c] = new double[CHUNK];
            closes[c] = new double[CHUNK];
            volumes[c] = new double[CHUNK];
            tradeCounts[c] = new long[CHUNK];
        }
    }

    private void setKeys(int p, long fTime, long fSeq, long lTime, long lSeq) {
        int m = p & (HELD - 1);
        firstTime[m] = fTime;
        firstSeq[m] = fSeq;
        lastTime[m] = lTime;
        lastSeq[m] = lSeq;
    }

    private int physical(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        int p = head + index;
        return p >= ringSize ? p - ringSize : p;
    }
}
