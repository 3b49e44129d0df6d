package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstrumentTest {

    @Test
    void roundedPricesPrintAsTheirDecimalValue() {
        Instrument btc = Instrument.of("BTCUSDT");
        assertEquals("43250.51", Double.toString(btc.roundPrice(43250.509999)));
        assertEquals(0.01, btc.tickSize());
        assertEquals(0.01, btc.roundPrice(0.0001), "never below one tick");
    }

    @Test
    void unknownSymbolsGetAPlausibleMarketThatDependsOnlyOnTheName() {
        Instrument a = Instrument.of("ACMEUSD");
        assertEquals(a, Instrument.of("ACMEUSD"));
        assertTrue(a.startPrice() >= 1 && a.startPrice() <= 1000, "start price " + a.startPrice());
        assertTrue(a.tickSize() <= a.startPrice() / 100, "a tick is a small step");
    }
}
