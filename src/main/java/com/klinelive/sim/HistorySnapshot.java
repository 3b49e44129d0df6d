package com.klinelive.sim;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;

/**
 * The newest candles of one symbol and timeframe as the server counted them: the ground truth a client's candles
 * are compared with.
 *
 * @param symbol    the instrument
 * @param timeframe the candle period
 * @param seq       the last sequence counted in these candles; 0 when no tick was published yet
 * @param candles   oldest first; the last one may still be open
 */
public record HistorySnapshot(String symbol, Timeframe timeframe, long seq, List<Candle> candles) {

    public HistorySnapshot {
        candles = List.copyOf(candles);
        seq = Math.max(0, seq);
    }
}
