package com.klinelive.bench.indicator;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.indicator.StudySeries;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a live trade costs the indicators: one trade into the newest candle of a book holding {@code history}
 * candles, then RSI, MACD and Bollinger brought up to date, as a frame does. The same at 10 thousand and a million
 * candles is what O(1) a tick means. Nanoseconds per trade, the book's own count included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LiveTickBench {

    @Param({"10000", "1000000"})
    public int history;

    private CandleBook book;
    private List<StudySeries> studies;
    private long seq = 1;
    private long time;
    private double price;

    @Setup(Level.Trial)
    public void setUp() {
        var candles = IndicatorBench.candles(history, 5);
        book = IndicatorBench.book(candles);
        studies = List.of(
                StudySeries.of(StudyText.parse("rsi:14")),
                StudySeries.of(StudyText.parse("macd:12:26:9")),
                StudySeries.of(StudyText.parse("bollinger:20:2")));
        sync();
        var newest = candles.get(candles.size() - 1);
        // Trades after the history, all in one new candle: every one updates the newest.
        time = newest.time() + 60_000;
        price = newest.close();
        book.apply(seq++, time, price, 0.1);
        sync();
    }

    @Benchmark
    public int tradeAndUpdate() {
        price *= seq % 2 == 0 ? 1.0001 : 0.9999;
        book.apply(seq++, time + (seq % 50_000), price, 0.1);
        return sync();
    }

    private int sync() {
        return book.read(Timeframe.M1, candles -> {
            int computed = 0;
            for (StudySeries s : studies) {
                computed += s.sync(candles, IndicatorBench.KEY);
            }
            return computed;
        });
    }
}
