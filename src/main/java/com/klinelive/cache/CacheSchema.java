package com.klinelive.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;

/**
 * Opens the cache database and makes sure it holds this version's schema. The version is {@code PRAGMA
 * user_version}. A database of another version is rebuilt (its tables dropped and made anew: it is a cache, so
 * nothing is lost that the feeds cannot send again); a file that is not a database, or a damaged one, is deleted
 * and created afresh. Never a crash for what is on disk.
 *
 * <p>WAL journal with {@code synchronous=NORMAL}: a commit survives the process being killed at any moment (the
 * write-ahead log is in the operating system's hands when the commit returns); a power cut may lose the last
 * commits but never damages the database.
 */
final class CacheSchema {

    /** The schema this code reads and writes. */
    static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CacheSchema.class);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private static final String[] CREATE = {
        // One row per feed, symbol and timeframe; last_used (epoch ms) orders eviction.
        "CREATE TABLE series (id INTEGER PRIMARY KEY, feed TEXT NOT NULL, symbol TEXT NOT NULL,"
                + " timeframe TEXT NOT NULL, last_used INTEGER NOT NULL, UNIQUE (feed, symbol, timeframe))",
        // Clustered by series and time: a page of candles is one contiguous range of the b-tree.
        "CREATE TABLE candles (series INTEGER NOT NULL, time INTEGER NOT NULL, open REAL NOT NULL,"
                + " high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL,"
                + " trades INTEGER NOT NULL, PRIMARY KEY (series, time)) WITHOUT ROWID",
        "PRAGMA user_version = " + VERSION
    };

    private CacheSchema() {}

    /**
     * A connection to {@code file} with this version's schema, creating the file and its folder if needed.
     *
     * @throws IOException when the file cannot be opened or made at all (no permission, no space)
     */
    static Connection open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IOException("cannot create the cache folder for " + file + ": " + e.getMessage(), e);
        }
        if (Files.exists(damageMarker(file))) {
            LOG.warn("the candle cache {} was found damaged in the last run: starting a new one", file);
            delete(file);
        }
        try {
            return openAndCheck(file);
        } catch (SQLException e) {
            if (!damaged(e)) {
                throw new IOException("cannot open the candle cache " + file + ": " + e.getMessage(), e);
            }
            LOG.warn("the candle cache {} is damaged ({}): starting a new one", file, e.getMessage());
            delete(file);
            try {
                return openAndCheck(file);
            } catch (SQLException again) {
                throw new IOException("cannot create the candle cache " + file + ": " + again.getMessage(), again);
            }
        }
    }

    /** A plain connection with the journal and timeouts set, and no schema check: for a second connection. */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private static Connection openAndCheck(Path file) throws SQLException {
        Connection c = connect(file);
        try {
            ensureSchema(c, file);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void ensureSchema(Connection c, Path file) throws SQLException {
        int version = intPragma(c, "user_version");
        List<String> tables = tables(c);
        if (version == VERSION && tables.containsAll(List.of("series", "candles"))) {
            return;
        }
        if (version != 0 || !tables.isEmpty()) {
            LOG.info(
                    "the candle cache {} has schema version {}, this program uses {}: rebuilding it",
                    file,
                    version,
                    VERSION);
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.executeUpdate("DROP TABLE IF EXISTS \"" + table.replace("\"", "\"\"") + "\"");
            }
            // Eviction frees pages; incremental auto-vacuum gives them back to the file system. The mode can only
            // change on an empty database, and takes effect with a VACUUM.
            s.executeUpdate("PRAGMA auto_vacuum = INCREMENTAL");
            s.executeUpdate("VACUUM");
            c.setAutoCommit(false);
            try {
                for (String sql : CREATE) {
                    s.executeUpdate(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static int intPragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Whether {@code e} says the database is damaged or not a database at all. */
    static boolean damaged(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /**
     * The file that says the database was found damaged while in use, so that the next open starts a new one
     * (a database cannot be replaced while open).
     */
    static Path damageMarker(Path file) {
        return Path.of(file + ".damaged");
    }

    /** Deletes the database, its journal files and the damage marker. */
    private static void delete(Path file) {
        for (String suffix : new String[] {"-wal", "-shm", "-journal", "", ".damaged"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                LOG.warn("cannot delete {}{}: {}", file, suffix, e.getMessage());
            }
        }
    }
}
