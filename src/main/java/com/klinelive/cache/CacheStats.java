package com.klinelive.cache;

/**
 * What the cache did so far, for a status line or a test.
 *
 * @param candlesWritten candles inserted or replaced since the cache was opened
 * @param passes         write passes that committed
 * @param writeFailures  passes that failed and were rolled back (retried on the next pass)
 * @param lastError      the last failure's message, empty when none
 * @param symbolsEvicted symbols dropped to keep the database under its size bound
 * @param usedBytes      bytes the database uses (pages in use times the page size)
 */
public record CacheStats(
        long candlesWritten, long passes, long writeFailures, String lastError, long symbolsEvicted, long usedBytes) {}
