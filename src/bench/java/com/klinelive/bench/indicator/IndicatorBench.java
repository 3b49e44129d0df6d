package com.klinelive.bench.indicator;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudySeries;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * RSI 14, MACD 12 26 9 (line, signal, histogram) and Bollinger 20 2 (three bands) over a million one-minute candles,
 * computed from scratch: ours (a {@link StudySeries} synced over the book's candles, what a history load costs the
 * chart) against ta4j 0.17 with {@link DoubleNum}, its fastest number type, every output read at every candle.
 * A check before the benchmark asserts both compute the same values. Milliseconds per computation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndicatorBench {

    /** Candles computed over. */
    public static final int CANDLES = 1_000_000;

    static final String KEY = "BTCUSDT/1m";

    private CandleBook book;
    private BarSeries ta4j;
    private final Study rsi = StudyText.parse("rsi:14");
    private final Study macd = StudyText.parse("macd:12:26:9");
    private final Study bollinger = StudyText.parse("bollinger:20:2");

    @Setup(Level.Trial)
    public void setUp() {
        List<Candle> candles = candles(Integer.getInteger("bench.candles", CANDLES), 11);
        book = book(candles);
        ta4j = ta4jSeries(candles);
        checkSameValues();
        // The check leaves ta4j's caches of a million values behind: collected now, not during the first iterations.
        System.gc();
        System.gc();
    }

    @Benchmark
    public Object oursRsi() {
        return ours(rsi);
    }

    @Benchmark
    public double ta4jRsi() {
        return sum(new RSIIndicator(new ClosePriceIndicator(ta4j), 14));
    }

    @Benchmark
    public Object oursMacd() {
        return ours(macd);
    }

    @Benchmark
    public double ta4jMacd() {
        MACDIndicator line = new MACDIndicator(new ClosePriceIndicator(ta4j), 12, 26);
        return sum(line, line.getSignalLine(9), line.getHistogram(9));
    }

    @Benchmark
    public Object oursBollinger() {
        return ours(bollinger);
    }

    @Benchmark
    public double ta4jBollinger() {
        BollingerBandFacade bands = new BollingerBandFacade(ta4j, 20, 2);
        return sum(bands.upper(), bands.middle(), bands.lower());
    }

    private StudySeries ours(Study study) {
        StudySeries values = StudySeries.of(study);
        book.read(Timeframe.M1, candles -> values.sync(candles, KEY));
        return values;
    }

    /** Every value of every indicator, in index order, as a chart reads them. */
    @SafeVarargs
    private double sum(Indicator<Num>... indicators) {
        double sum = 0;
        int n = ta4j.getBarCount();
        for (int i = 0; i < n; i++) {
            for (Indicator<Num> indicator : indicators) {
                sum += indicator.getValue(i).doubleValue();
            }
        }
        return sum;
    }

    private void checkSameValues() {
        StudySeries ours = ours(macd);
        MACDIndicator line = new MACDIndicator(new ClosePriceIndicator(ta4j), 12, 26);
        Indicator<Num> histogram = line.getHistogram(9);
        for (int i = 100; i < ta4j.getBarCount(); i += 997) {
            double expected = histogram.getValue(i).doubleValue();
            if (Math.abs(expected - ours.value(2, i)) > 1e-6) {
                throw new IllegalStateException(
                        "MACD histogram at " + i + ": ta4j " + expected + ", ours " + ours.value(2, i));
            }
        }
    }

    /** One-minute candles of a random walk. */
    static List<Candle> candles(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candle> candles = new ArrayList<>(count);
        long start = 1_600_000_020_000L / 60_000 * 60_000;
        double close = 40_000;
        for (int i = 0; i < count; i++) {
            double open = close;
            close = Math.max(100, open * (1 + (random.nextDouble() - 0.5) * 0.004));
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
            candles.add(new Candle(start + i * 60_000L, open, high, low, close, random.nextDouble() * 50, 1));
        }
        return candles;
    }

    static CandleBook book(List<Candle> candles) {
        CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), Math.max(1, 2 * candles.size()));
        book.loadHistory(List.of(new History(Timeframe.M1, candles, 0)));
        return book;
    }

    private static BarSeries ta4jSeries(List<Candle> candles) {
        BarSeries series =
                new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        Duration minute = Duration.ofMinutes(1);
        for (Candle c : candles) {
            series.addBar(
                    minute,
                    ZonedDateTime.ofInstant(Instant.ofEpochMilli(c.time() + 60_000), ZoneOffset.UTC),
                    DoubleNum.valueOf(c.open()),
                    DoubleNum.valueOf(c.high()),
                    DoubleNum.valueOf(c.low()),
                    DoubleNum.valueOf(c.close()),
                    DoubleNum.valueOf(c.volume()));
        }
        return series;
    }
}
