package com.klinelive.bench.common;

import java.util.Arrays;

/**
 * A growable list of measurements (nanoseconds, bytes, anything long) with the order statistics the report
 * quotes: nearest-rank percentiles, median and inter-quartile range. Not thread-safe.
 */
public final class Samples {

    private long[] values;
    private int size;

    public Samples() {
        this(1024);
    }

    public Samples(int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** The {@code i}th value added. */
    public long get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return values[i];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** The nearest-rank percentile {@code p} (0..1); 0 when empty. */
    public long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return rank(sorted, p);
    }

    /** p50, p25, p75, p99 and max in one sort, divided by {@code unit} (1e6 turns nanoseconds into ms). */
    public Summary summary(double unit) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        if (size == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        return new Summary(
                size,
                rank(sorted, 0.50) / unit,
                rank(sorted, 0.25) / unit,
                rank(sorted, 0.75) / unit,
                rank(sorted, 0.99) / unit,
                sorted[size - 1] / unit);
    }

    /** Median of doubles (average of the middle two for an even count); NaN when empty. */
    public static double median(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static long rank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Order statistics of a sample.
     *
     * @param n   how many values
     * @param p50 median
     * @param p25 first quartile
     * @param p75 third quartile
     * @param p99 99th percentile (nearest rank: the maximum below 100 values)
     * @param max largest value
     */
    public record Summary(int n, double p50, double p25, double p75, double p99, double max) {}
}
