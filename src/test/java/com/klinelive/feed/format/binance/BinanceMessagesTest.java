package com.klinelive.feed.format.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceMessagesTest {

    @Test
    void subscribeNamesLowerCaseStreamsAndAnId() {
        assertEquals(
                "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"ethusdt@trade\"],\"id\":7}",
                BinanceMessages.subscribe(
                        List.of(BinanceMessages.aggTradeStream("BTCUSDT"), BinanceMessages.tradeStream("ETHUSDT")), 7));
        assertThrows(IllegalArgumentException.class, () -> BinanceMessages.subscribe(List.of("x\"],\"id\":1}"), 1));
    }

    @Test
    void marketsAreKnownByTheirStreamHost() {
        assertEquals(BinanceMarket.SPOT, BinanceMarket.ofStreamHost("stream.binance.com"));
        assertEquals(BinanceMarket.USDM_FUTURES, BinanceMarket.ofStreamHost("FSTREAM.binance.com"));
        assertEquals(null, BinanceMarket.ofStreamHost("stream.binance.us"));
    }
}
