package com.klinelive.feed.format.exchange;

import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The validation rules of docs/PROTOCOL.md applied to what an exchange's REST answer held, and its order fixed:
 * exchanges answer newest first or oldest first, we hand over oldest first. A value that breaks a rule refuses the
 * whole answer: a chart built from half a page would look complete and be wrong.
 */
public final class RestChecks {

    /** 2000-01-01T00:00:00Z, the earliest plausible time (as for streamed ticks). */
    static final long MIN_TIME = 946_684_800_000L;
    /** 2100-01-01T00:00:00Z, the first implausible time. */
    static final long END_TIME = 4_102_444_800_000L;
    /** Most items one answer may hold; exchanges send at most a few thousand. */
    public static final int MAX_ITEMS = 100_000;

    private RestChecks() {}

    /**
     * Candles in time order, each checked: aligned to {@code timeframe}, strictly increasing, prices finite and
     * &gt; 0, high and low enclosing open and close, volume finite and &ge; 0.
     *
     * @param newestFirst whether the exchange listed them newest first
     */
    public static List<Candle> candles(List<Candle> listed, Timeframe timeframe, boolean newestFirst, String what) {
        List<Candle> candles = new ArrayList<>(listed);
        if (newestFirst) {
            Collections.reverse(candles);
        }
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            String at = what + ": candle at " + c.time() + ": ";
            if (c.time() < MIN_TIME || c.time() >= END_TIME) {
                throw new RestAnswerException(at + "time not from 2000 to 2100");
            }
            if (timeframe.bucketStart(c.time()) != c.time()) {
                throw new RestAnswerException(at + "not aligned to " + timeframe.label());
            }
            if (c.time() <= previous) {
                throw new RestAnswerException(at + "times not in order");
            }
            if (!(positive(c.open()) && positive(c.high()) && positive(c.low()) && positive(c.close()))) {
                throw new RestAnswerException(at + "prices must be finite and > 0");
            }
            if (!(Double.isFinite(c.volume()) && c.volume() >= 0) || c.trades() < 0) {
                throw new RestAnswerException(at + "volume and trades must be finite and >= 0");
            }
            if (c.high() < Math.max(Math.max(c.open(), c.close()), c.low())
                    || c.low() > Math.min(c.open(), c.close())) {
                throw new RestAnswerException(at + "high and low do not enclose open and close");
            }
            previous = c.time();
        }
        return List.copyOf(candles);
    }

    /**
     * Trades in id order, each checked: id &ge; 0 and strictly increasing, time plausible, price finite and &gt; 0,
     * size finite and &ge; 0.
     *
     * @param newestFirst whether the exchange listed them newest first
     */
    public static List<Tick> trades(List<Tick> listed, boolean newestFirst, String what) {
        List<Tick> trades = new ArrayList<>(listed);
        if (newestFirst) {
            Collections.reverse(trades);
        }
        long previous = -1;
        for (Tick t : trades) {
            String at = what + ": trade " + t.seq() + ": ";
            if (t.seq() <= previous) {
                throw new RestAnswerException(at + "ids not increasing");
            }
            if (t.time() < MIN_TIME || t.time() >= END_TIME) {
                throw new RestAnswerException(at + "time not from 2000 to 2100");
            }
            previous = t.seq();
        }
        return List.copyOf(trades);
    }

    /**
     * A trade from checked values; {@link Tick}'s own checks become a {@link RestAnswerException}.
     *
     * @param id the exchange's trade id, the tick's sequence
     */
    public static Tick trade(String symbol, long id, long time, double price, double size, String what) {
        if (id < 0) {
            throw new RestAnswerException(what + ": trade id must be >= 0");
        }
        try {
            return new Tick(symbol, id, time, price, size);
        } catch (IllegalArgumentException e) {
            throw new RestAnswerException(what + ": trade " + id + ": " + e.getMessage(), e);
        }
    }

    /** Refuses an answer with more than {@link #MAX_ITEMS} items, so memory stays bounded. */
    public static void countOne(List<?> items, String what) {
        if (items.size() >= MAX_ITEMS) {
            throw new RestAnswerException(what + ": more than " + MAX_ITEMS + " items");
        }
    }

    private static boolean positive(double v) {
        return Double.isFinite(v) && v > 0;
    }
}
