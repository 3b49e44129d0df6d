package com.klinelive.sim;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.TickOutcome;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Fills a symbol's candles with a past, so a chart is full the moment it connects. The past is made of synthetic
 * ticks at a coarse pace (one a second, or fewer for long histories), drawn from the same price model that goes
 * on live afterwards and counted by the same candle engine with real sequence numbers from 1, so every timeframe
 * agrees and the live ticks continue the path. Each synthetic tick carries the volume of the trades it stands
 * for, so volume does not jump where the live ticks begin.
 */
final class HistoryFiller {

    /**
     * Most synthetic ticks per symbol: bounds the start-up time and memory whatever the history length. One a second
     * up to three days; 30 days get one every 10 s, six in every 1m candle (about 40 MB of candles per symbol).
     */
    static final int MAX_TICKS = 259_200;

    private HistoryFiller() {}

    /**
     * Counts synthetic ticks from {@code nowMillis - history} up to (not including) {@code nowMillis}.
     *
     * @param rate the live tick rate, to scale each synthetic tick's size to the trades it stands for
     * @return the last sequence number used, 0 when the history is empty
     */
    static long fill(
            CandleBook book,
            PriceModel model,
            Instrument instrument,
            Duration history,
            long nowMillis,
            double rate,
            SplittableRandom jitter) {
        long span = history.toMillis();
        if (span <= 0) {
            return 0;
        }
        long interval = Math.max(1_000, (span + MAX_TICKS - 1) / MAX_TICKS);
        double seconds = interval / 1000.0;
        double tradesPerTick = Math.max(1, rate * seconds);
        long seq = 0;
        for (long slot = nowMillis - span; slot < nowMillis; slot += interval) {
            // Anywhere inside its slot, so tick times are strictly increasing yet not on a grid.
            long time = Math.min(nowMillis - 1, slot + (long) (jitter.nextDouble() * interval));
            model.step(seconds);
            double size = instrument.roundSize(model.size() * tradesPerTick);
            TickOutcome outcome = book.apply(++seq, time, model.price(), size);
            if (outcome != TickOutcome.ACCEPTED) {
                throw new IllegalStateException("history tick " + seq + " refused by the candle engine: " + outcome);
            }
        }
        return seq;
    }
}
