package com.klinelive.cache;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the database under its size bound: past it, whole symbols go, least recently used first, down to 90 % of
 * the bound, so that eviction runs seldom; the most recently used symbol stays, and if it alone is too big its
 * oldest candles go instead. Freed pages are given back to the file system.
 */
final class CacheEviction {

    private static final int MAX_TRIMS = 20;

    private final long maxBytes;
    private long symbolsEvicted;

    CacheEviction(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long symbolsEvicted() {
        return symbolsEvicted;
    }

    /**
     * Evicts until the database fits; commits on the store's connection.
     *
     * @return the symbols evicted, whose writers must start over
     */
    List<CandleStore.SymbolUse> enforce(CandleStore store) throws SQLException {
        long used = store.usedBytes();
        if (used <= maxBytes) {
            return List.of();
        }
        long target = maxBytes / 10 * 9;
        List<CandleStore.SymbolUse> gone = new ArrayList<>();
        List<CandleStore.SymbolUse> byAge = store.symbolsByAge();
        for (int i = 0; i < byAge.size() - 1 && used > target; i++) {
            CandleStore.SymbolUse oldest = byAge.get(i);
            store.deleteSymbol(oldest.feed(), oldest.symbol());
            store.connection().commit();
            gone.add(oldest);
            symbolsEvicted++;
            used = store.usedBytes();
        }
        for (int trims = 0; used > target && trims < MAX_TRIMS; trims++) {
            store.trimOldest(0.25);
            store.connection().commit();
            used = store.usedBytes();
        }
        store.releaseFreePages();
        store.connection().commit();
        return gone;
    }
}
