package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The values of one computation at every candle of a series, kept up to date incrementally. Each
 * {@link #sync(CandleColumns, Object)} commits the candles that became final since the last one and previews the
 * newest: a live trade costs one preview, a new candle one commit. Only a rewrite of older candles (history, a
 * late trade in an older candle, another series) computes everything again, once. When a full series drops its
 * oldest candles, the values drop theirs.
 *
 * <p>Memory is one double per output per candle. Not thread-safe: the chart syncs and reads it on the FX thread,
 * syncing under the book's read lock.
 */
public final class StudySeries {

    private final Supplier<Computation> factory;
    private final double[][] columns;
    private final double[] out;
    private Computation computation;
    private int base;
    private int size;
    private int committed;
    private Object seriesKey;
    private long rewrites;
    private long committedTime;

    /**
     * @param outputs how many values the computation writes per candle
     * @param factory a fresh computation from the first candle
     */
    public StudySeries(int outputs, Supplier<Computation> factory) {
        this.factory = factory;
        this.columns = new double[outputs][64];
        this.out = new double[outputs];
    }

    /** The values of {@code study}. */
    public static StudySeries of(Study study) {
        double[] parameters = study.parameterArray();
        return new StudySeries(
                study.indicator().outputs().size(), () -> study.indicator().computation(parameters));
    }

    /**
     * Brings the values up to date with {@code candles}, the series identified by {@code key}; call under the
     * lock that guards them.
     *
     * @return how many candles were computed (committed or previewed)
     */
    public int sync(CandleColumns candles, Object key) {
        int n = candles.size();
        if (!Objects.equals(key, seriesKey) || candles.rewrites() != rewrites || !keepCommitted(candles)) {
            seriesKey = key;
            rewrites = candles.rewrites();
            computation = factory.get();
            base = 0;
            size = 0;
            committed = 0;
        }
        int from = committed;
        reserve(n);
        for (int i = committed; i < n - 1; i++) {
            computation.commit(candles, i, out);
            store(i);
        }
        committed = Math.max(committed, n - 1);
        if (n > 0) {
            committedTime = committed > 0 ? candles.time(committed - 1) : Long.MIN_VALUE;
            computation.preview(candles, n - 1, out);
            store(n - 1);
        }
        size = n;
        return n - from;
    }

    /** Number of candles with values: the series' size at the last sync. */
    public int size() {
        return size;
    }

    /** Output {@code output} at candle {@code index} (0 &le; index &lt; size), NaN where it has none. */
    public double value(int output, int index) {
        return columns[output][base + index];
    }

    /**
     * Whether the committed values still hold for {@code candles}: found by the time of the last committed candle,
     * dropping as many of the oldest values as the series dropped candles.
     */
    private boolean keepCommitted(CandleColumns candles) {
        if (committed == 0) {
            return true;
        }
        int at = candles.search(committedTime);
        int dropped = committed - 1 - at;
        if (at < 0 || dropped < 0 || dropped >= committed) {
            return false;
        }
        base += dropped;
        committed -= dropped;
        size -= dropped;
        return true;
    }

    /** Room for {@code n} candles from {@code base}: compacts to the start or grows. */
    private void reserve(int n) {
        int capacity = columns[0].length;
        if (base + n <= capacity) {
            return;
        }
        boolean compact = n <= capacity / 2 + capacity / 4;
        int grown = compact ? capacity : Math.max(n + n / 2, capacity * 2);
        for (int k = 0; k < columns.length; k++) {
            double[] to = compact ? columns[k] : new double[grown];
            System.arraycopy(columns[k], base, to, 0, Math.min(size, n));
            columns[k] = to;
        }
        base = 0;
    }

    private void store(int i) {
        for (int k = 0; k < columns.length; k++) {
            columns[k][base + i] = out[k];
        }
    }

    @Override
    public String toString() {
        return "StudySeries[size=" + size + ", committed=" + committed + ", outputs=" + columns.length + "]"
                + (size > 0 ? " newest " + Arrays.toString(out) : "");
    }
}
