package com.klinelive.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The channels of a server, in the order of its symbol list, found by index or by name. Immutable. */
final class SymbolChannels {

    private final List<SymbolChannel> all;
    private final Map<String, SymbolChannel> bySymbol = new LinkedHashMap<>();

    SymbolChannels(List<SymbolChannel> channels) {
        this.all = List.copyOf(channels);
        for (int i = 0; i < all.size(); i++) {
            SymbolChannel channel = all.get(i);
            if (channel.index() != i) {
                throw new IllegalArgumentException("channel " + channel.symbol() + " out of order");
            }
            bySymbol.put(channel.symbol(), channel);
        }
    }

    List<SymbolChannel> all() {
        return all;
    }

    SymbolChannel get(int index) {
        return all.get(index);
    }

    /** The channel of {@code symbol}, or null. */
    SymbolChannel find(String symbol) {
        return bySymbol.get(symbol);
    }

    int size() {
        return all.size();
    }

    List<String> symbols() {
        return all.stream().map(SymbolChannel::symbol).toList();
    }
}
