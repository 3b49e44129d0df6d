package com.klinelive.candle;

import com.klinelive.model.Candle;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.Timeframe;
import java.util.List;

/**
 * The candles of one symbol and one {@link Timeframe}, held column by column in primitive arrays, oldest first,
 * bounded: when full, appending drops the oldest candle.
 *
 * <p>Storage is a ring of fixed-size chunks, allocated on first use and reused when the ring wraps, so memory
 * grows with the candles actually held (56 bytes a candle) and a full series appends without allocating.
 *
 * <p>Open and close follow the trade order (event time, then sequence), not the arrival order, so a late tick
 * lands where it belongs. That needs the order keys of each candle's first and last trade; they are kept only
 * for the newest {@link #HELD} candles, which are the ones a late tick may still update.
 *
 * <p>Not thread-safe: the owning {@link CandleBook} guards every call with its lock.
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

    // The last bucket computed: nearly every tick falls in the same bucket as the one before, and then needs no
    // 64-bit division, which would otherwise be the largest cost of a tick in each timeframe.
    private long memoStart = Long.MAX_VALUE;
    private long memoEnd = Long.MIN_VALUE;

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
        return opens[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double high(int index) {
        int p = physical(index);
        return highs[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double low(int index) {
        int p = physical(index);
        return lows[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double close(int index) {
        int p = physical(index);
        return closes[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public double volume(int index) {
        int p = physical(index);
        return volumes[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    @Override
    public long trades(int index) {
        int p = physical(index);
        return tradeCounts[p >> CHUNK_SHIFT][p & CHUNK_MASK];
    }

    /** The start of the bucket holding {@code eventTime}: {@link Timeframe#bucketStart}, remembered. */
    long bucketOf(long eventTime) {
        if (eventTime >= memoStart && eventTime < memoEnd) {
            return memoStart;
        }
        long start = timeframe.bucketStart(eventTime);
        memoStart = start;
        memoEnd = start + timeframe.millis();
        return start;
    }

    /**
     * Whether a trade in the bucket starting at {@code bucket} can be counted: it belongs to one of the newest
     * {@link #HELD} candles, or to a new candle among them.
     */
    boolean canHold(long bucket) {
        if (size == 0 || bucket >= time(size - 1)) {
            return true;
        }
        int found = search(bucket);
        int index = found >= 0 ? found : -found - 1;
        if (index < size - HELD) {
            return false;
        }
        // Inserting before the oldest candle of a full series would drop it again at once.
        return found >= 0 || index > 0 || size < capacity;
    }

    /** Counts one trade. The caller has checked {@link #canHold} for its bucket. */
    void add(long seq, long eventTime, double price, double quantity) {
        long bucket = bucketOf(eventTime);
        if (size > 0) {
            long lastBucket = time(size - 1);
            if (bucket == lastBucket) {
                update(size - 1, seq, eventTime, price, quantity);
                return;
            }
            if (bucket < lastBucket) {
                int found = search(bucket);
                if (found >= 0) {
                    update(found, seq, eventTime, price, quantity);
                } else {
                    insert(-found - 1, bucket, price, quantity, 1);
                    setKeys(physical(-found - 1), eventTime, seq, eventTime, seq);
                }
                return;
            }
        }
        append(bucket, price, price, price, price, quantity, 1);
        setKeys(physical(size - 1), eventTime, seq, eventTime, seq);
    }

    /**
     * Replaces every candle with {@code candles} (oldest first, strictly increasing times, aligned to this
     * timeframe), keeping the newest {@link #capacity()}. Used for history: the open and close of these candles
     * are final as far as earlier trades go, and any later trade becomes the close.
     */
    void replaceAll(List<Candle> candles) {
        head = 0;
        size = 0;
        long previous = Long.MIN_VALUE;
        for (int i = Math.max(0, candles.size() - capacity); i < candles.size(); i++) {
            Candle c = candles.get(i);
            if (c.time() <= previous || timeframe.bucketStart(c.time()) != c.time()) {
                throw new IllegalArgumentException("candles must be aligned and strictly increasing at " + i);
            }
            previous = c.time();
            append(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.trades());
            setKeys(physical(size - 1), Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        }
    }

    /**
     * Puts a whole candle reported by an exchange (a kline): it replaces the candle with the same time, or is
     * added in time order. Returns false, changing nothing, when it is older than the held candles.
     */
    boolean put(Candle c) {
        if (timeframe.bucketStart(c.time()) != c.time() || !canHold(c.time())) {
            return false;
        }
        int found = size == 0 ? -1 : search(c.time());
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
        return true;
    }

    /** Drops every candle. */
    void clear() {
        head = 0;
        size = 0;
    }

    private void update(int index, long seq, long eventTime, double price, double quantity) {
        int p = physical(index);
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

    private void append(long time, double open, double high, double low, double close, double volume,
            long trades) {
        if (size == capacity) {
            head = head + 1 == ringSize ? 0 : head + 1;
            size--;
        }
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
            int to = physical(i);
            int from = physical(i - 1);
            write(to, time(i - 1), open(i - 1), high(i - 1), low(i - 1), close(i - 1), volume(i - 1),
                    trades(i - 1));
            int mf = from & (HELD - 1);
            setKeys(to, firstTime[mf], firstSeq[mf], lastTime[mf], lastSeq[mf]);
        }
        write(physical(index), time, price, price, price, price, quantity, trades);
    }

    private void write(int p, long time, double open, double high, double low, double close, double volume,
            long trades) {
        int c = p >> CHUNK_SHIFT;
        if (times[c] == null) {
            times[c] = new long[CHUNK];
            opens[c] = new double[CHUNK];
            highs[c] = new double[CHUNK];
            lows[c] = new double[CHUNK];
            closes[c] = new double[CHUNK];
            volumes[c] = new double[CHUNK];
            tradeCounts[c] = new long[CHUNK];
        }
        int o = p & CHUNK_MASK;
        times[c][o] = time;
        opens[c][o] = open;
        highs[c][o] = high;
        lows[c][o] = low;
        closes[c][o] = close;
        volumes[c][o] = volume;
        tradeCounts[c][o] = trades;
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
