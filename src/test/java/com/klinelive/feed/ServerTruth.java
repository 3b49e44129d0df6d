package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimServer;
import java.util.List;
import java.util.Set;

/** The promise, as an assertion: a client's candles equal the simulator's {@code /history}, exactly. */
public final class ServerTruth {

    private ServerTruth() {}

    /**
     * Stops the server's ticks, waits until the client holds the last one of every symbol, and compares every
     * candle the client holds with the server's history, field for field; then lets the ticks flow again.
     */
    public static void assertClientMatchesServer(FeedClient client, SimServer sim, Set<Timeframe> timeframes) {
        sim.pauseTicks();
        try {
            for (String symbol : sim.symbols()) {
                long last = sim.lastSeq(symbol);
                waitFor(
                        30_000,
                        () -> client.book(symbol) != null && client.book(symbol).lastSeq() >= last,
                        () -> symbol + " client at "
                                + (client.book(symbol) == null
                                        ? -1
                                        : client.book(symbol).lastSeq()) + " of " + last + " " + client.status() + " "
                                + client.metrics());
                CandleBook book = client.book(symbol);
                for (Timeframe tf : timeframes) {
                    List<Candle> mine = book.candles(tf, 100_000);
                    List<Candle> truth = sim.history(symbol, tf, mine.size()).candles();
                    assertEquals(truth.size(), mine.size(), symbol + " " + tf.label());
                    for (int i = 0; i < mine.size(); i++) {
                        assertEquals(truth.get(i), mine.get(i), symbol + " " + tf.label() + " candle " + i);
                    }
                }
            }
        } finally {
            sim.resumeTicks();
        }
    }
}
