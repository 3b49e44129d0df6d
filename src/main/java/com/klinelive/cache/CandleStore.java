package com.klinelive.cache;

import com.klinelive.model.CandleColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the cache on one connection: series ids, candles in and out, sizes and eviction. Candles go in and
 * come out column by column, with no object per candle. Not thread-safe: one store per connection, used by one
 * thread at a time.
 */
final class CandleStore implements AutoCloseable {

    /** One (feed, symbol) and when it was last written or read, for eviction. */
    record SymbolUse(String feed, String symbol, long lastUsed) {}

    private final Connection connection;
    private final PreparedStatement findSeries;
    private final PreparedStatement insertSeries;
    private final PreparedStatement touchSeries;
    private final PreparedStatement upsert;
    private final PreparedStatement readBefore;
    private final PreparedStatement deleteRange;

    CandleStore(Connection connection) throws SQLException {
        this.connection = connection;
        findSeries =
                connection.prepareStatement("SELECT id FROM series WHERE feed = ? AND symbol = ? AND timeframe = ?");
        insertSeries = connection.prepareStatement(
                "INSERT INTO series (feed, symbol, timeframe, last_used) VALUES (?, ?, ?, ?)");
        touchSeries = connection.prepareStatement("UPDATE series SET last_used = ? WHERE id = ?");
        upsert = connection.prepareStatement("INSERT OR REPLACE INTO candles"
                + " (series, time, open, high, low, close, volume, trades) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        readBefore = connection.prepareStatement("SELECT time, open, high, low, close, volume, trades FROM candles"
                + " WHERE series = ? AND time < ? ORDER BY time DESC LIMIT ?");
        deleteRange = connection.prepareStatement("DELETE FROM candles WHERE series = ? AND time >= ? AND time <= ?");
    }

    Connection connection() {
        return connection;
    }

    /** The id of the series, or -1 when it has none. */
    long seriesId(SeriesKey key) throws SQLException {
        findSeries.setString(1, key.feed());
        findSeries.setString(2, key.symbol());
        findSeries.setString(3, key.timeframe().label());
        try (ResultSet rs = findSeries.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** The id of the series, made if new. */
    long createSeries(SeriesKey key, long nowMillis) throws SQLException {
        long id = seriesId(key);
        if (id >= 0) {
            return id;
        }
        insertSeries.setString(1, key.feed());
        insertSeries.setString(2, key.symbol());
        insertSeries.setString(3, key.timeframe().label());
        insertSeries.setLong(4, nowMillis);
        insertSeries.executeUpdate();
        return seriesId(key);
    }

    void touch(long series, long nowMillis) throws SQLException {
        touchSeries.setLong(1, nowMillis);
        touchSeries.setLong(2, series);
        touchSeries.executeUpdate();
    }

    /** Inserts candles {@code from} to {@code to - 1} of {@code candles}, replacing those with the same time. */
    void upsert(long series, CandleColumns candles, int from, int to) throws SQLException {
        upsert.setLong(1, series);
        for (int i = from; i < to; i++) {
            upsert.setLong(2, candles.time(i));
            upsert.setDouble(3, candles.open(i));
            upsert.setDouble(4, candles.high(i));
            upsert.setDouble(5, candles.low(i));
            upsert.setDouble(6, candles.close(i));
            upsert.setDouble(7, candles.volume(i));
            upsert.setLong(8, candles.trades(i));
            upsert.executeUpdate();
        }
    }

    /** Deletes the candles of the series from {@code fromTime} to {@code toTime}, both included. */
    void deleteRange(long series, long fromTime, long toTime) throws SQLException {
        deleteRange.setLong(1, series);
        deleteRange.setLong(2, fromTime);
        deleteRange.setLong(3, toTime);
        deleteRange.executeUpdate();
    }

    /** The newest {@code limit} candles that start before {@code endExclusive}, oldest first. */
    CachedCandles readBefore(long series, long endExclusive, int limit) throws SQLException {
        CachedCandles page = new CachedCandles(Math.min(limit, 4096));
        readBefore.setLong(1, series);
        readBefore.setLong(2, endExclusive);
        readBefore.setInt(3, limit);
        try (ResultSet rs = readBefore.executeQuery()) {
            while (rs.next()) {
                page.add(
                        rs.getLong(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getLong(7));
            }
        }
        page.reverse();
        return page;
    }

    /** Bytes in use: pages holding data times the page size (free pages not counted). */
    long usedBytes() throws SQLException {
        long pages = CacheSchema.intPragma(connection, "page_count");
        long free = CacheSchema.intPragma(connection, "freelist_count");
        return (pages - free) * CacheSchema.intPragma(connection, "page_size");
    }

    /** Every (feed, symbol), least recently used first. */
    List<SymbolUse> symbolsByAge() throws SQLException {
        List<SymbolUse> list = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT feed, symbol, max(last_used) AS used FROM series"
                        + " GROUP BY feed, symbol ORDER BY used, feed, symbol")) {
            while (rs.next()) {
                list.add(new SymbolUse(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return list;
    }

    /** Deletes every candle and series of one (feed, symbol). */
    void deleteSymbol(String feed, String symbol) throws SQLException {
        try (PreparedStatement candles = connection.prepareStatement(
                        "DELETE FROM candles WHERE series IN (SELECT id FROM series WHERE feed = ? AND symbol = ?)");
                PreparedStatement series =
                        connection.prepareStatement("DELETE FROM series WHERE feed = ? AND symbol = ?")) {
            for (PreparedStatement p : List.of(candles, series)) {
                p.setString(1, feed);
                p.setString(2, symbol);
                p.executeUpdate();
            }
        }
    }

    /** Deletes the oldest {@code fraction} of the candles of every series (when one symbol alone is too big). */
    void trimOldest(double fraction) throws SQLException {
        List<long[]> cuts = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT series, count(*) FROM candles GROUP BY series")) {
            while (rs.next()) {
                cuts.add(new long[] {rs.getLong(1), (long) Math.ceil(rs.getLong(2) * fraction)});
            }
        }
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM candles WHERE series = ?1 AND time <="
                + " (SELECT time FROM candles WHERE series = ?1 ORDER BY time LIMIT 1 OFFSET ?2 - 1)")) {
            for (long[] cut : cuts) {
                p.setLong(1, cut[0]);
                p.setLong(2, cut[1]);
                p.executeUpdate();
            }
        }
    }

    /** Deletes everything. */
    void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM candles");
            s.executeUpdate("DELETE FROM series");
        }
    }

    /** Gives free pages back to the file system. */
    void releaseFreePages() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA incremental_vacuum");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
