package com.klinelive.workspace;

import java.util.List;

/** The drawings made on one symbol of one feed: every chart that shows it shows them. */
public record SymbolDrawings(String feed, String symbol, List<DrawingSpec> drawings) {

    SymbolDrawings normalized() {
        return new SymbolDrawings(
                Texts.orEmpty(feed), Texts.orEmpty(symbol), Texts.each(drawings, DrawingSpec::normalized));
    }
}
