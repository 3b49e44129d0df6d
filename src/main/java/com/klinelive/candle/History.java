package com.klinelive.candle;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.List;

/**
 * Candles of one timeframe as a feed's history reported them.
 *
 * @param timeframe the candles' timeframe
 * @param candles   oldest first, aligned to the timeframe, strictly increasing times; the last may still be open
 * @param lastSeq   the last sequence number counted in them: ticks up to it are already inside, later ones are not
 */
public record History(Timeframe timeframe, List<Candle> candles, long lastSeq) {

    public History {
        candles = List.copyOf(candles);
    }
}
