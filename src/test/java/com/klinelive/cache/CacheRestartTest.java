package com.klinelive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.app.Feeds;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.FeedState;
import com.klinelive.feed.ServerTruth;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A viewer's restart with the cache: candles recorded from a live feed, the cache closed and opened again; the
 * cached candles are in the book before the feed is asked anything, and once the feed is back the candles equal
 * the server's {@code /history}.
 */
class CacheRestartTest {

    private static final EnumSet<Timeframe> ALL = EnumSet.allOf(Timeframe.class);

    @TempDir
    Path dir;

    @Test
    void cachedCandlesComeBackBeforeTheFeedAnswersAndTheFinalCandlesEqualTheServers() throws Exception {
        Path file = dir.resolve("candles.db");
        String feed;
        Map<Timeframe, List<Candle>> closed = new EnumMap<>(Timeframe.class);
        try (SimServer sim = SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(23)
                .withRate(200)
                .withHistory(Duration.ofHours(2))
                .withSymbols(List.of("BTCUSDT")))) {
            feed = sim.uri().toString();
            try (CandleCache cache = CandleCacheTest.open(file)) {
                CandleAggregator aggregator = new CandleAggregator(ALL, 100_000, 4);
                cache.track(feed, aggregator);
                try (FeedClient client = client(feed, aggregator)) {
                    client.start();
                    CandleCacheTest.await(
                            "streaming",
                            () -> client.status().state() == FeedState.WEBSOCKET
                                    && client.metrics().ticks() > 400);
                }
                CandleBook book = aggregator.book("BTCUSDT");
                for (Timeframe tf : ALL) {
                    List<Candle> all = book.candles(tf, 100_000);
                    closed.put(tf, all.subList(0, all.size() - 1));
                }
            } // closing writes every candle closed by now

            // The restart: the cache first, the feed after.
            try (CandleCache cache = CandleCache.open(file)) {
                CandleAggregator aggregator = new CandleAggregator(ALL, 100_000, 4);
                CandleBook book = aggregator.bookFor("BTCUSDT");
                cache.preload(feed, book, 100_000);
                for (Timeframe tf : ALL) {
                    assertEquals(closed.get(tf), book.candles(tf, 100_000), tf.label() + " cached, no network yet");
                    List<Candle> truth = sim.history("BTCUSDT", tf, 5_000).candles();
                    assertTrue(truth.containsAll(closed.get(tf)), tf.label() + " cached candles are the server's");
                }
                assertTrue(closed.get(Timeframe.S1).size() > 1_000, "backfill and live seconds");
                cache.track(feed, aggregator);
                try (FeedClient client = client(feed, aggregator)) {
                    client.start();
                    ServerTruth.assertClientMatchesServer(client, sim, ALL);
                }
            }
        }
    }

    private static FeedClient client(String url, CandleAggregator aggregator) {
        return Feeds.client(
                FeedOptions.defaults(url).withSymbols(List.of("BTCUSDT")).withHistory(ALL, 1_000), aggregator);
    }
}
