package com.klinelive.feed.format.peer;

import com.klinelive.model.Tick;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic tape of one symbol's trades for a scripted exchange peer: ids from {@code firstId} up by
 * {@code idStep} (1 for exchanges with consecutive ids, more for Bybit's skipping ones), one trade every
 * {@code stepMillis} from {@code startTime}, prices and sizes as the decimal strings an exchange sends.
 */
public final class TradeTape {

    /** One trade as the exchange states it. */
    public record Trade(long id, long time, String price, String size) {
        public Tick tick(String symbol) {
            return new Tick(symbol, id, time, Double.parseDouble(price), Double.parseDouble(size));
        }
    }

    private final String symbol;
    private final List<Trade> trades;

    public TradeTape(String symbol, long firstId, int idStep, long startTime, long stepMillis, int count, long seed) {
        this.symbol = symbol;
        SplittableRandom random = new SplittableRandom(seed);
        List<Trade> list = new ArrayList<>(count);
        long cents = 4_325_000;
        for (int i = 0; i < count; i++) {
            cents = Math.max(100, cents + random.nextInt(-40, 41));
            long sizeUnits = 1 + random.nextInt(50_000);
            list.add(new Trade(
                    firstId + (long) i * idStep,
                    startTime + i * stepMillis,
                    BigDecimal.valueOf(cents, 2).toPlainString(),
                    BigDecimal.valueOf(sizeUnits, 5).toPlainString()));
        }
        this.trades = List.copyOf(list);
    }

    public String symbol() {
        return symbol;
    }

    public List<Trade> trades() {
        return trades;
    }

    /** The trades with a time at or before {@code nowMillis}: what the exchange has published by then. */
    public List<Trade> publishedAt(long nowMillis) {
        int n = 0;
        while (n < trades.size() && trades.get(n).time() <= nowMillis) {
            n++;
        }
        return trades.subList(0, n);
    }
}
