package com.klinelive.bench.axis;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.chart.scale.TimeTicks;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Timeframe;
import java.time.ZoneId;
import java.util.EnumSet;
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
 * What the time axis labels cost a frame (the chart computes them at every frame, under the book's read lock) in
 * a zone with daylight saving, beside UTC and a fixed offset: UTC's arithmetic is also what a chart without zones
 * costs when its user shifts every timestamp by an offset, the usual workaround (and wrong across a change).
 * {@code visible} one-minute candles over 1,920 pixels, labels at least 90 pixels apart, as the chart asks; the
 * visible range straddles New York's autumn change. Microseconds per frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimeTicksBench {

    private static final long MINUTE = 60_000;
    private static final long CHANGE =
            java.time.Instant.parse("2025-11-02T06:00:00Z").toEpochMilli();

    @Param({"UTC", "+05:30", "America/New_York"})
    public String zone;

    @Param({"300", "5000"})
    public int visible;

    private CandleBook book;
    private Viewport view;
    private TimeLabels labels;

    @Setup(Level.Trial)
    public void setUp() {
        int count = 2 * visible;
        book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 1_000_000);
        long start = CHANGE - (count - visible / 2) * MINUTE;
        for (int i = 0; i < count; i++) {
            book.apply(i, start + i * MINUTE, 100 + i % 7, 1);
        }
        double width = 1_920;
        // The newest `visible` candles, the change in their middle.
        view = new Viewport(count, width, width / visible, 0).clamped();
        labels = TimeLabels.UTC.inZone(ZoneId.of(zone));
    }

    @Benchmark
    public List<TimeTicks.Tick> labelsOfAFrame() {
        return book.read(Timeframe.M1, candles -> TimeTicks.compute(candles, view, MINUTE, 90, labels));
    }
}
