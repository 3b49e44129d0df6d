package com.klinelive.model;

import java.util.Optional;

/**
 * The candle periods we chart. Buckets are aligned to the UTC epoch: a bucket starts at a multiple of the
 * period since 1970-01-01T00:00Z, so 1d candles start at 00:00 UTC and 4h candles at 00, 04, 08... UTC.
 */
public enum Timeframe {
    S1("1s", 1_000L),
    S5("5s", 5_000L),
    S15("15s", 15_000L),
    M1("1m", 60_000L),
    M5("5m", 300_000L),
    M15("15m", 900_000L),
    M30("30m", 1_800_000L),
    H1("1h", 3_600_000L),
    H4("4h", 14_400_000L),
    D1("1d", 86_400_000L);

    private final String label;
    private final long millis;

    Timeframe(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /** The short name used on the wire and in the UI, such as {@code "1m"}. */
    public String label() {
        return label;
    }

    /** The period length in milliseconds. */
    public long millis() {
        return millis;
    }

    /** Start of the bucket that holds {@code epochMillis}, also for times before 1970. */
    public long bucketStart(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /** The timeframe with this label ({@code "1s"} ... {@code "1d"}), or empty. */
    public static Optional<Timeframe> fromLabel(String label) {
        for (Timeframe t : values()) {
            if (t.label.equals(label)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
