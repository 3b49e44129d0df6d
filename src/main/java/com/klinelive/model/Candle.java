package com.klinelive.model;

/**
 * One OHLCV candle (k-line).
 *
 * @param time   start of the bucket, epoch milliseconds UTC, aligned to its {@link Timeframe}
 * @param open   price of the first trade in the bucket (by event time, then sequence)
 * @param high   highest trade price
 * @param low    lowest trade price
 * @param close  price of the last trade in the bucket (by event time, then sequence)
 * @param volume sum of the trade sizes
 * @param trades number of trades
 */
public record Candle(long time, double open, double high, double low, double close, double volume, long trades) {}
