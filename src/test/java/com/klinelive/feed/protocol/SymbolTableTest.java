package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SymbolTableTest {

    private static char[] chars(String s) {
        return s.toCharArray();
    }

    @Test
    void lastSymbolMatchesOnlyWhenFollowedByItsClosingQuote() {
        SymbolTable table = new SymbolTable();
        char[] text = chars("BTCUSDT\"");
        assertNull(table.matchLast(text, 0, text.length), "nothing found yet");
        String added = table.add(text, 0, 7);
        assertSame(added, table.find(text, 0, 7));

        assertSame(added, table.matchLast(chars("BTCUSDT\","), 0, 9));
        assertSame(added, table.matchLast(chars("x\"BTCUSDT\""), 2, 10));
        assertNull(table.matchLast(chars("BTCUSDTX\""), 0, 9), "longer symbol");
        assertNull(table.matchLast(chars("BTC\""), 0, 4), "shorter symbol");
        assertNull(table.matchLast(chars("BTCUSDT"), 0, 7), "no closing quote");
        assertNull(table.matchLast(chars("BTCUSDT\""), 0, 7), "closing quote past the limit");
        assertNull(table.matchLast(chars("BTCUSDt\""), 0, 8), "one char differs");
    }

    @Test
    void lastSymbolFollowsTheLatestFind() {
        SymbolTable table = new SymbolTable();
        char[] btc = chars("BTCUSDT\"");
        char[] eth = chars("ETHUSDT\"");
        String first = table.add(btc, 0, 7);
        String second = table.add(eth, 0, 7);
        assertSame(second, table.find(eth, 0, 7));
        assertSame(second, table.matchLast(eth, 0, 8));
        assertNull(table.matchLast(btc, 0, 8));
        assertSame(first, table.find(btc, 0, 7));
        assertSame(first, table.matchLast(btc, 0, 8));
        assertEquals(2, table.size());
    }
}
