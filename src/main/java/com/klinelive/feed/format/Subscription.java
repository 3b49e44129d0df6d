package com.klinelive.feed.format;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a new connection subscribes to.
 *
 * @param symbols    the symbols, in the feed's own spelling; empty means every symbol where the format allows it
 * @param resumeFrom per symbol, the last sequence the client holds, or -1: a feed that replays (ours) resumes after it
 */
public record Subscription(List<String> symbols, ToLongFunction<String> resumeFrom) {

    public Subscription {
        symbols = List.copyOf(symbols);
    }
}
