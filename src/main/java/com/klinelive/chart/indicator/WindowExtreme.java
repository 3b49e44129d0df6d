package com.klinelive.chart.indicator;

/**
 * The highest (or lowest) of the newest {@code span} committed values, by a monotonic deque: O(1) amortised per
 * value, where a scan of the window would cost its length at every candle.
 */
final class WindowExtreme {

    private final boolean highest;
    private final int span;
    private final long[] indexes;
    private final double[] values;
    private int head;
    private int size;

    /**
     * @param highest whether the maximum is wanted, else the minimum
     * @param span    how many of the newest committed values count, &ge; 0
     */
    WindowExtreme(boolean highest, int span) {
        this.highest = highest;
        this.span = span;
        indexes = new long[span + 1];
        values = new double[span + 1];
    }

    /** The extreme of the window and {@code pending}, NaN values ignored; NaN when there is none. */
    double with(double pending) {
        if (size == 0) {
            return pending;
        }
        double held = values[head];
        if (Double.isNaN(pending)) {
            return held;
        }
        return highest ? Math.max(held, pending) : Math.min(held, pending);
    }

    /** Commits the value at index {@code index}, one more than the last; the oldest beyond the span leave. */
    void push(long index, double value) {
        if (span == 0 || Double.isNaN(value)) {
            evictBefore(index - span + 1);
            return;
        }
        // Values the new one beats can never be the extreme again.
        while (size > 0 && beats(value, values[slot(size - 1)])) {
            size--;
        }
        int at = slot(size);
        indexes[at] = index;
        values[at] = value;
        size++;
        evictBefore(index - span + 1);
    }

    private void evictBefore(long first) {
        while (size > 0 && indexes[head] < first) {
            head = head + 1 == indexes.length ? 0 : head + 1;
            size--;
        }
    }

    private boolean beats(double value, double held) {
        return highest ? value >= held : value <= held;
    }

    private int slot(int k) {
        int at = head + k;
        return at >= indexes.length ? at - indexes.length : at;
    }
}
