package com.klinelive.bench.aggregate;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

/**
 * Building candles from the same 10 million trades: our candle engine (one timeframe, the peer's job, and all
 * ten, what the client does) against ta4j's time bars. One invocation builds every candle from an empty
 * series, so the score is nanoseconds per tick including the candles' storage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AggregateBench {

    public static final int TICKS = 10_000_000;
    /** Trades per call in {@link #oursOneTimeframeInRuns}: a native {@code ticks} message's worth. */
    public static final int RUN = 50;

    private TickTape tape;

    @Setup(Level.Trial)
    public void setUp() {
        tape = new TickTape(Integer.getInteger("bench.ticks", TICKS), 7);
        checkSameCandles();
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public Object oursOneTimeframe() {
        return build(EnumSet.of(Timeframe.M1));
    }

    /**
     * The same trades handed over {@link #RUN} at a time from columns, as the client counts a {@code ticks}
     * message: one lock per run instead of per trade, which is most of what a trade costs the per-call path.
     */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public Object oursOneTimeframeInRuns() {
        return buildInRuns(tape.size());
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public Object oursAllTimeframes() {
        return build(EnumSet.allOf(Timeframe.class));
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public Object ta4jDoubleNum() {
        return ta4j(true);
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public Object ta4jDefaultNum() {
        return ta4j(false);
    }

    private Object ta4j(boolean doubles) {
        Ta4jTimeBars bars = new Ta4jTimeBars(Timeframe.M1.millis(), doubles);
        for (int i = 0; i < tape.size(); i++) {
            bars.add(tape.times[i], tape.prices[i], tape.sizes[i]);
        }
        return bars.series();
    }

    private CandleBook build(Set<Timeframe> timeframes) {
        CandleBook book = new CandleBook("BTCUSDT", timeframes, 1_000_000);
        for (int i = 0; i < tape.size(); i++) {
            book.apply(tape.seqs[i], tape.times[i], tape.prices[i], tape.sizes[i]);
        }
        return book;
    }

    /** One-minute candles from the first {@code n} trades, counted {@link #RUN} to a call. */
    private CandleBook buildInRuns(int n) {
        CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 1_000_000);
        for (int from = 0; from < n; from += RUN) {
            book.apply(tape.seqs, tape.times, tape.prices, tape.sizes, from, Math.min(n, from + RUN), null);
        }
        return book;
    }

    /** Same work, same answer: both build the same one-minute candles from the first 200,000 ticks. */
    private void checkSameCandles() {
        int n = Math.min(200_000, tape.size());
        CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 1_000_000);
        Ta4jTimeBars bars = new Ta4jTimeBars(Timeframe.M1.millis(), true);
        for (int i = 0; i < n; i++) {
            book.apply(tape.seqs[i], tape.times[i], tape.prices[i], tape.sizes[i]);
            bars.add(tape.times[i], tape.prices[i], tape.sizes[i]);
        }
        List<Candle> ours = book.candles(Timeframe.M1, Integer.MAX_VALUE);
        if (!ours.equals(buildInRuns(n).candles(Timeframe.M1, Integer.MAX_VALUE))) {
            throw new IllegalStateException("candles counted in runs differ from candles counted one by one");
        }
        BarSeries theirs = bars.series();
        if (ours.size() != theirs.getBarCount()) {
            throw new IllegalStateException("candle counts differ: " + ours.size() + " vs " + theirs.getBarCount());
        }
        for (int i = 0; i < ours.size(); i++) {
            Candle c = ours.get(i);
            Bar b = theirs.getBar(i);
            if (c.open() != b.getOpenPrice().doubleValue()
                    || c.high() != b.getHighPrice().doubleValue()
                    || c.low() != b.getLowPrice().doubleValue()
                    || c.close() != b.getClosePrice().doubleValue()
                    || c.trades() != b.getTrades()) {
                throw new IllegalStateException("candle " + i + " differs: " + c + " vs " + b);
            }
        }
    }
}
