package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;

/**
 * An indicator computed candle by candle, oldest first, in O(1) a candle. Candles are committed once they are
 * final as far as the computation knows; the newest candle, which live trades still change, is only previewed,
 * from the state after the committed ones, so a live trade costs one preview and never a walk over the look-back.
 * Values a candle does not have yet (the first candles of a series) are NaN. Not thread-safe.
 */
public interface Computation {

    /**
     * Writes the outputs of candle {@code i} to {@code out} and takes it into the state. Called for every candle
     * from 0 on, in order, each once.
     */
    void commit(CandleColumns candles, int i, double[] out);

    /**
     * Writes the outputs of candle {@code i}, the one after the last committed, to {@code out}, leaving the state
     * as it is: the same values {@link #commit} would write for the candle as it is now.
     */
    void preview(CandleColumns candles, int i, double[] out);
}
