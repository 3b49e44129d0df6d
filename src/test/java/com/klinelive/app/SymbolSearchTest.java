package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolSearchTest {

    private static final List<String> ALL = List.of("BTCUSDT", "ETHBTC", "ETHUSDT", "SOLETH", "XRPUSDT");

    @Test
    void symbolsStartingWithTheTextComeBeforeThoseThatContainItInAnyCase() {
        assertEquals(List.of("ETHBTC", "ETHUSDT", "SOLETH"), SymbolSearch.matches(ALL, "eth"));
        assertEquals(List.of("BTCUSDT", "ETHBTC"), SymbolSearch.matches(ALL, " Btc "));
        assertEquals(List.of(), SymbolSearch.matches(ALL, "doge"));
        assertEquals(ALL, SymbolSearch.matches(ALL, ""));
    }
}
