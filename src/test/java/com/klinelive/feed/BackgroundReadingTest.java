package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A feed client in the background (its window minimised) reads the simulator's 1,000 messages a second in bunches,
 * a nap apart, instead of waking once a message, and still counts every tick: its candles equal the server's.
 */
class BackgroundReadingTest {

    private static final EnumSet<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.S1, Timeframe.M1);
    private static final long WAIT = 30_000;

    /** Two messages handed on closer than this came from one read of the socket (one wake-up of the thread). */
    private static final long SAME_WAKE_NANOS = 500_000;

    /** Counts the messages handed on and the wake-ups they came in, on the read thread. */
    private static final class Wakes implements FeedListener {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong wakes = new AtomicLong();
        private long last;

        @Override
        public void onCandles(String symbol, long receivedNanos) {
            long now = System.nanoTime();
            if (now - last > SAME_WAKE_NANOS) {
                wakes.incrementAndGet();
            }
            last = now;
            messages.incrementAndGet();
        }

        double messagesPerWake() {
            return messages.get() / (double) Math.max(1, wakes.get());
        }

        void reset() {
            messages.set(0);
            wakes.set(0);
        }
    }

    @Test
    void inTheBackgroundMessagesAreReadInBunchesAndNoTickIsLost() throws Exception {
        SimOptions options = SimOptions.defaults()
                .withPort(0)
                .withRate(1_000)
                .withSymbols(List.of("BTCUSDT"))
                .withHistory(Duration.ofMinutes(5))
                .withSeed(7);
        try (SimServer sim = SimServer.start(options)) {
            CandleAggregator aggregator = new CandleAggregator(TIMEFRAMES, 100_000, 16);
            Wakes wakes = new Wakes();
            try (FeedClient client = new FeedClient(
                    FeedOptions.defaults(sim.uri().toString()).withHistory(TIMEFRAMES, 500),
                    aggregator,
                    new WebSocketTransports(),
                    new LongPollTransports())) {
                client.addListener(wakes);
                client.start();
                waitFor(
                        WAIT,
                        () -> client.status().state() == FeedState.WEBSOCKET
                                && client.metrics().ticks() > 500,
                        () -> client.status() + " " + client.metrics());

                client.background(true);
                assertTrue(client.isBackground());
                Thread.sleep(200);
                wakes.reset();
                long before = client.metrics().ticks();
                Thread.sleep(2_000);
                long counted = client.metrics().ticks() - before;
                double bunched = wakes.messagesPerWake();
                // A nap of 20 ms at 1,000 messages a second: some twenty a wake-up. Read once a message, about
                // one and a half (messages closer than half a millisecond count as one wake-up).
                assertTrue(bunched >= 5, "messages per wake-up in the background: " + bunched + " " + wakes.wakes);
                assertTrue(counted > 1_000, "ticks still counted in the background: " + counted);

                client.background(false);
                assertFalse(client.isBackground());
                // Everything read in the background went into the candles, in order, none lost or doubled.
                waitFor(WAIT, () -> client.metrics().ticks() > before + counted + 200, () -> "" + client.metrics());
                ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
                assertEquals(0, client.metrics().rejected());
            }
        }
    }
}
