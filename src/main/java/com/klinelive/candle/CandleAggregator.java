package com.klinelive.candle;

import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a stream of ticks of any number of symbols into candles of every timeframe: one {@link CandleBook} per
 * symbol, created on its first tick, up to a bound so that a feed inventing symbols cannot exhaust memory.
 * Thread-safe.
 */
public final class CandleAggregator {

    /** Candles kept per symbol and timeframe unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 1_000_000;

    /** Symbols tracked unless told otherwise. */
    public static final int DEFAULT_MAX_SYMBOLS = 256;

    private final Set<Timeframe> timeframes;
    private final int capacity;
    private final int maxSymbols;
    private final Map<String, CandleBook> books = new ConcurrentHashMap<>();
    private volatile TradeListener tradeListener;

    /** Every timeframe, {@link #DEFAULT_CAPACITY} candles each, {@link #DEFAULT_MAX_SYMBOLS} symbols. */
    public CandleAggregator() {
        this(EnumSet.allOf(Timeframe.class), DEFAULT_CAPACITY, DEFAULT_MAX_SYMBOLS);
    }

    public CandleAggregator(Set<Timeframe> timeframes, int capacity, int maxSymbols) {
        if (timeframes.isEmpty() || capacity < 1 || maxSymbols < 1) {
            throw new IllegalArgumentException("need a timeframe, capacity >= 1 and maxSymbols >= 1");
        }
        this.timeframes = EnumSet.copyOf(timeframes);
        this.capacity = capacity;
        this.maxSymbols = maxSymbols;
    }

    /** Counts one tick in its symbol's candles of every timeframe. */
    public TickOutcome accept(Tick tick) {
        CandleBook book = bookFor(tick.symbol());
        return book == null ? TickOutcome.TOO_MANY_SYMBOLS : book.apply(tick);
    }

    /** The book of {@code symbol}, created if new and within the symbol limit; null beyond it. */
    public CandleBook bookFor(String symbol) {
        CandleBook book = books.get(symbol);
        if (book != null) {
            return book;
        }
        synchronized (books) {
            if (books.size() >= maxSymbols && !books.containsKey(symbol)) {
                return null;
            }
            return books.computeIfAbsent(symbol, s -> {
                CandleBook created = new CandleBook(s, timeframes, capacity);
                created.tradeListener(tradeListener);
                return created;
            });
        }
    }

    /**
     * Tells {@code listener} (null: nobody) of every trade counted in any book, present or future (see
     * {@link CandleBook#tradeListener}).
     */
    public void tradeListener(TradeListener listener) {
        synchronized (books) {
            tradeListener = listener;
            books.values().forEach(b -> b.tradeListener(listener));
        }
    }

    /** The book of {@code symbol} if it has one. */
    public CandleBook book(String symbol) {
        return books.get(symbol);
    }

    /** The symbols seen so far, sorted. */
    public List<String> symbols() {
        return books.keySet().stream().sorted().toList();
    }

    public Set<Timeframe> timeframes() {
        return EnumSet.copyOf(timeframes);
    }
}
