package com.klinelive.cache;

import com.klinelive.app.Feeds;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.model.Timeframe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link CacheCrashTest}: opens the cache (after the last child was killed), loads what it holds
 * into a book, follows the simulator with a feed client while the cache writes every 20 ms, and prints what a
 * second connection sees committed, until it is killed.
 *
 * <p>Arguments: the database file, the simulator's URL. Output: {@code ready}, then lines
 * {@code committed <timeframe> <count> <newest time>} whenever a series' committed candles change.
 */
public final class CacheWriterChild {

    static final String FEED = "crash-test-sim";

    private CacheWriterChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        CandleAggregator aggregator = new CandleAggregator(EnumSet.allOf(Timeframe.class), 100_000, 4);
        CandleCache cache =
                CandleCache.open(CandleCache.Options.defaults(file).withFlushInterval(Duration.ofMillis(20)));
        cache.preload(FEED, aggregator.bookFor("BTCUSDT"), 5_000);
        cache.track(FEED, aggregator);
        FeedClient client = Feeds.client(
                FeedOptions.defaults(args[1])
                        .withSymbols(List.of("BTCUSDT"))
                        .withHistory(EnumSet.allOf(Timeframe.class), 1_000),
                aggregator);
        client.start();
        System.out.println("ready");
        System.out.flush();
        Map<String, String> seen = new HashMap<>();
        try (Connection observer = CacheSchema.connect(file)) {
            while (true) {
                try (Statement s = observer.createStatement();
                        ResultSet rs = s.executeQuery("SELECT timeframe, count(*), max(time) FROM candles"
                                + " JOIN series ON series.id = candles.series GROUP BY timeframe")) {
                    while (rs.next()) {
                        String value = rs.getLong(2) + " " + rs.getLong(3);
                        if (!value.equals(seen.put(rs.getString(1), value))) {
                            System.out.println("committed " + rs.getString(1) + " " + value);
                        }
                    }
                }
                System.out.flush();
                Thread.sleep(5);
            }
        }
    }
}
