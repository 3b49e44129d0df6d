package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.cache.CandleCache;
import com.klinelive.cache.FeedTracker;
import com.klinelive.cache.SeriesKey;
import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.model.Timeframe;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ViewerCacheTest {

    @AfterEach
    void restore() {
        ViewerCache.enabled(true);
    }

    @Test
    void noCacheKeepsSessionsOutOfTheCacheAndOtherwiseTheirClosedCandlesAreKept() throws Exception {
        CommandLine cli = new CommandLine(new KlineLiveCommand());
        cli.parseArgs("--no-cache");
        assertTrue(((KlineLiveCommand) cli.getCommand()).noCache);

        CandleAggregator aggregator = new CandleAggregator(EnumSet.of(Timeframe.M1), 1000, 4);
        ViewerCache.enabled(false);
        assertNull(ViewerCache.track("https://feed.example", aggregator));

        ViewerCache.enabled(true);
        FeedTracker tracker = ViewerCache.track("https://feed.example", aggregator);
        assertNotNull(tracker);
        CandleBook book = aggregator.bookFor("BTCUSDT");
        book.loadHistory(List.of(new History(Timeframe.M1, List.of(), 0)));
        long t0 = 1_764_000_000_000L;
        for (int i = 0; i < 180; i++) {
            book.apply(i + 1, t0 + i * 1000L, 100 + i, 1);
        }
        tracker.close();
        ViewerCache.close();
        try (CandleCache cache = CandleCache.open(Path.of(System.getProperty(ViewerCache.FILE_PROPERTY)))) {
            assertEquals(
                    book.candles(Timeframe.M1, 3).subList(0, 2),
                    cache.newest(new SeriesKey("https://feed.example", "BTCUSDT", Timeframe.M1), 2)
                            .toList());
        }
    }
}
