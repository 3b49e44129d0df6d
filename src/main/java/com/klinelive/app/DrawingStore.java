package com.klinelive.app;

import com.klinelive.workspace.SymbolDrawings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drawings of the workspace, per feed and symbol, as text lines ({@code DrawingText}): every chart that shows a
 * symbol of a feed shows its drawings. FX thread.
 */
final class DrawingStore {

    /** A symbol's drawings beyond this are not kept (the oldest go first): a workspace file stays readable. */
    static final int MAX_PER_SYMBOL = 500;

    private final Map<String, SymbolDrawings> bySymbol = new LinkedHashMap<>();

    List<String> load(String feed, String symbol) {
        SymbolDrawings d = bySymbol.get(key(feed, symbol));
        return d == null ? List.of() : d.drawings();
    }

    void save(String feed, String symbol, List<String> drawings) {
        List<String> kept = drawings.subList(Math.max(0, drawings.size() - MAX_PER_SYMBOL), drawings.size());
        if (kept.isEmpty()) {
            bySymbol.remove(key(feed, symbol));
        } else {
            bySymbol.put(key(feed, symbol), new SymbolDrawings(feed, symbol, List.copyOf(kept)));
        }
    }

    List<SymbolDrawings> all() {
        return new ArrayList<>(bySymbol.values());
    }

    void restore(List<SymbolDrawings> all) {
        bySymbol.clear();
        all.forEach(d -> bySymbol.put(key(d.feed(), d.symbol()), d));
    }

    private static String key(String feed, String symbol) {
        return feed + "\n" + symbol;
    }
}
