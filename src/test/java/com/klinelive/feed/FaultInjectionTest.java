package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random faults between the client and the simulator — cuts at random moments, stalls, refused upgrades and a
 * server restart — and afterwards the client's candles still equal the server's history: nothing lost, nothing
 * counted twice. The quick version runs in {@code ./mvnw verify}; {@code -Dfaults.cuts=N} runs longer.
 */
class FaultInjectionTest {

    private static final EnumSet<Timeframe> TIMEFRAMES =
            EnumSet.of(Timeframe.S1, Timeframe.S15, Timeframe.M1, Timeframe.H1);

    @Test
    void hundredsOfRandomCutsStallsAndRefusalsLeaveTheCandlesTrue() throws Exception {
        int cuts = Integer.getInteger("faults.cuts", 120);
        Random random = new Random(Long.getLong("faults.seed", 20261125L));
        SimServer sim = SimServer.start(
                SimOptions.defaults().withPort(0).withSeed(5).withRate(200).withHistory(Duration.ofHours(2)));
        try (TcpProxy proxy = new TcpProxy(sim.port())) {
            CandleAggregator aggregator = new CandleAggregator(TIMEFRAMES, 100_000, 16);
            FeedClient client = new FeedClient(
                    FeedOptions.defaults(proxy.url())
                            .withHistory(TIMEFRAMES, 300)
                            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofMillis(1_500))
                            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(250)),
                    aggregator,
                    new WebSocketTransports(),
                    new LongPollTransports());
            client.start();
            try {
                waitFor(30_000, () -> client.metrics().ticks() > 100, () -> "" + client.metrics());
                int restartAt = cuts / 2;
                for (int i = 0; i < cuts; i++) {
                    Thread.sleep(20 + random.nextInt(120));
                    int fault = random.nextInt(20);
                    if (fault == 0) {
                        proxy.stall(true);
                        Thread.sleep(300 + random.nextInt(900));
                        proxy.stall(false);
                    } else if (fault == 1) {
                        proxy.refuseUpgrades(true);
                        Thread.sleep(500 + random.nextInt(1_000));
                        proxy.refuseUpgrades(false);
                    }
                    if (i == restartAt) {
                        sim = sim.restart();
                    }
                    proxy.cutAll();
                }
                long before = client.metrics().ticks();
                waitFor(30_000, () -> client.metrics().ticks() > before + 100, () -> "recovers: " + client.metrics());

                ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
                assertTrue(client.metrics().reconnects() >= cuts / 2, "" + client.metrics());
            } finally {
                client.close();
            }
        } finally {
            sim.close();
        }
    }
}
