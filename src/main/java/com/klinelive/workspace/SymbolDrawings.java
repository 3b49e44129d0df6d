package com.klinelive.workspace;

import java.util.List;

/**
 * The drawings made on one symbol of one feed: every chart that shows it shows them.
 *
 * @param feed     the feed's URL without secrets; empty for the embedded simulator
 * @param symbol   the symbol
 * @param drawings one drawing each, as the chart writes one: the tool, then each anchor's time (epoch ms UTC) and
 *                 price, then a note's text ({@code trend:1764000000000:43250.5:1764003600000:43800.0})
 */
public record SymbolDrawings(String feed, String symbol, List<String> drawings) {

    SymbolDrawings normalized() {
        return new SymbolDrawings(Texts.orEmpty(feed), Texts.orEmpty(symbol), Texts.each(drawings, String::trim));
    }
}
