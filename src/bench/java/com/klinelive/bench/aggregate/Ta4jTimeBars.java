package com.klinelive.bench.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * Time bars from trades the way ta4j 0.17 builds them (0.18's {@code TimeBarBuilder} does the same and needs
 * Java 21): a new bar when a trade falls past the current bar's end, then {@code addTrade} on the last bar. The
 * bar boundary is compared in epoch milliseconds rather than {@code ZonedDateTime}, which favours the peer.
 * Two number types: ta4j's default {@code DecimalNum} (what a user gets), and {@link DoubleNum}, its fastest,
 * fed without boxing.
 */
final class Ta4jTimeBars {

    private final BarSeries series;
    private final boolean doubles;
    private final long periodMillis;
    private final Duration period;
    private long barEnd = Long.MIN_VALUE;

    /** @param doubles {@link DoubleNum} if true, else ta4j's default number type */
    Ta4jTimeBars(long periodMillis, boolean doubles) {
        BaseBarSeriesBuilder builder = new BaseBarSeriesBuilder().withName("BTCUSDT");
        this.series = doubles ? builder.withNumTypeOf(DoubleNum.class).build() : builder.build();
        this.doubles = doubles;
        this.periodMillis = periodMillis;
        this.period = Duration.ofMillis(periodMillis);
    }

    void add(long timeMillis, double price, double size) {
        if (timeMillis >= barEnd) {
            barEnd = Math.floorDiv(timeMillis, periodMillis) * periodMillis + periodMillis;
            series.addBar(period, ZonedDateTime.ofInstant(Instant.ofEpochMilli(barEnd), ZoneOffset.UTC));
        }
        if (doubles) {
            series.addTrade(DoubleNum.valueOf(size), DoubleNum.valueOf(price));
        } else {
            series.addTrade(size, price);
        }
    }

    BarSeries series() {
        return series;
    }
}
