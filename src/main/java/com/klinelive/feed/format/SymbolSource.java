package com.klinelive.feed.format;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The symbols a feed offers, over REST, for the symbol picker and to check what the user asked for. */
@FunctionalInterface
public interface SymbolSource {

    /** The symbols, in the feed's spelling; fails with a message fit for the status bar. */
    CompletableFuture<List<String>> symbols();
}
