package com.klinelive.workspace;

/** A row of the watchlist: a symbol of a feed (the feed's URL; empty for the embedded simulator). */
public record WatchEntry(String feed, String symbol) {

    WatchEntry normalized() {
        return new WatchEntry(Texts.orEmpty(feed), Texts.orEmpty(symbol));
    }
}
