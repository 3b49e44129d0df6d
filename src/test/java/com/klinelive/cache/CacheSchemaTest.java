package com.klinelive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSchemaTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseOfAnotherVersionIsRebuiltAndThenWorks() throws Exception {
        Path file = dir.resolve("c.db");
        try (Connection c = CacheSchema.connect(file);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE candles (x TEXT)");
            s.executeUpdate("CREATE TABLE notes (y TEXT)");
            s.executeUpdate("INSERT INTO candles VALUES ('from a future version')");
            s.executeUpdate("PRAGMA user_version = 7");
        }
        assertCachesAndReads(file);
        try (Connection c = CacheSchema.connect(file)) {
            assertEquals(CacheSchema.VERSION, CacheSchema.intPragma(c, "user_version"));
            assertEquals("ok", single(c, "PRAGMA integrity_check"));
            assertEquals("0", single(c, "SELECT count(*) FROM sqlite_master WHERE name = 'notes'"));
            assertEquals("2", single(c, "PRAGMA auto_vacuum"), "incremental");
            assertEquals("wal", single(c, "PRAGMA journal_mode"));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReplacedByANewCache() throws Exception {
        Path file = dir.resolve("c.db");
        Files.write(
                file,
                "this is not a database, it is a text file long enough to have a header"
                        .repeat(100)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertCachesAndReads(file);
    }

    @Test
    void aDamagedDatabaseIsReplacedByANewCache() throws Exception {
        Path file = dir.resolve("c.db");
        CandleAggregator aggregator = CandleCacheTest.aggregator();
        try (CandleCache cache = CandleCacheTest.open(file)) {
            cache.track("feed", aggregator);
            CandleCacheTest.trade(aggregator, "BTCUSDT", 1, 3_600, 0);
        }
        // Scribble over every page but the first, as a broken disk or a stray program might.
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < bytes.length; i += 7) {
            bytes[i] = (byte) (bytes[i] * 31 + 17);
        }
        Files.write(file, bytes);
        try (CandleCache cache = CandleCacheTest.open(file)) {
            SeriesKey key = new SeriesKey("feed", "BTCUSDT", Timeframe.S1);
            IOException e = assertThrows(IOException.class, () -> cache.newest(key, 5_000));
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        }
        assertCachesAndReads(file);
    }

    @Test
    void aCacheThatCannotBeCreatedIsAClearError() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "a file where the folder should be");
        IOException e = assertThrows(IOException.class, () -> CandleCache.open(blocker.resolve("c.db")));
        assertTrue(e.getMessage().contains("cannot create the cache folder"), e.getMessage());
        assertFalse(Files.isDirectory(blocker));
    }

    private static void assertCachesAndReads(Path file) throws Exception {
        CandleAggregator aggregator = CandleCacheTest.aggregator();
        SeriesKey key = new SeriesKey("feed", "BTCUSDT", Timeframe.M1);
        try (CandleCache cache = CandleCacheTest.open(file)) {
            cache.track("feed", aggregator);
            CandleCacheTest.trade(aggregator, "BTCUSDT", 1, 600, 0);
            CandleCacheTest.await(
                    "written", () -> CandleCacheTest.cached(cache, key).size() == 9);
        }
        try (CandleCache cache = CandleCacheTest.open(file)) {
            assertEquals(
                    aggregator.book("BTCUSDT").candles(Timeframe.M1, 10).subList(0, 9),
                    cache.newest(key, 100).toList());
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
