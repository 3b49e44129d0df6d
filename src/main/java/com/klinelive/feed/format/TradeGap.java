package com.klinelive.feed.format;

/**
 * Trades missing from a stream: the ids between two trades that arrived. The times help feeds that page trades by
 * time rather than by id (Kraken).
 *
 * @param symbol     the symbol, in the feed's spelling
 * @param afterSeq   the last trade id before the gap
 * @param afterTime  its time, epoch milliseconds UTC
 * @param beforeSeq  the first trade id after the gap
 * @param beforeTime its time, epoch milliseconds UTC
 */
public record TradeGap(String symbol, long afterSeq, long afterTime, long beforeSeq, long beforeTime) {

    public TradeGap {
        if (beforeSeq <= afterSeq + 1) {
            throw new IllegalArgumentException("no trade missing between " + afterSeq + " and " + beforeSeq);
        }
    }

    /** How many trades are missing. */
    public long missing() {
        return beforeSeq - afterSeq - 1;
    }
}
