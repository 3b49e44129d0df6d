package com.klinelive.feed.format.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkxRestTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9");

    private static String corpus(String name) {
        return Corpus.read(OkxRestTest.class, name);
    }

    @Test
    void candlesComeOldestFirstWithoutTradeCounts() {
        assertEquals(
                List.of(
                        new Candle(1597026360000L, 3.731, 3.799, 3.494, 3.72, 24912403, 0),
                        new Candle(1597026420000L, 3.721, 3.743, 3.677, 3.708, 8422410, 0)),
                OkxRest.parseCandles(corpus("candles-aligned.json"), Timeframe.M1));
    }

    @Test
    void documentedCandlesWithPlaceholderTimesAreRefused() {
        // The docs' example repeats one unaligned timestamp; a chart built from it would be wrong.
        assertThrows(RestAnswerException.class, () -> OkxRest.parseCandles(corpus("candles.json"), Timeframe.M1));
    }

    @Test
    void historyTradesComeOldestFirst() {
        assertEquals(
                List.of(
                        new Tick("BTC-USDT", 242720719, 1654161641568L, 29964.1, 0.00001),
                        new Tick("BTC-USDT", 242720720, 1654161646974L, 29963.2, 0.00001)),
                OkxRest.parseTrades(corpus("history-trades.json"), "BTC-USDT"));
    }

    @Test
    void liveInstrumentsOnly() {
        assertEquals(List.of("BTC-USDT"), OkxRest.parseInstruments(corpus("instruments.json")));
    }

    @Test
    void aRefusalCodeIsReportedWithOkxsMessage() {
        RestAnswerException e = assertThrows(
                RestAnswerException.class, () -> OkxRest.parseTrades(corpus("rate-limited.json"), "BTC-USDT"));
        assertEquals("trades: OKX refused: Too Many Requests (50011)", e.getMessage());
        assertTrue(assertThrows(RestAnswerException.class, () -> OkxRest.parseInstruments("<html>"))
                .getMessage()
                .contains("HTML page"));
    }

    @Test
    void requestsUseUtcDaysAndTradeIdPaging() {
        assertEquals(
                "http://127.0.0.1:9/api/v5/market/candles?instId=BTC-USDT&bar=1Dutc&limit=300",
                OkxRest.candles(BASE, "BTC-USDT", Timeframe.D1, Long.MAX_VALUE, 1000)
                        .toString());
        assertEquals(
                "http://127.0.0.1:9/api/v5/market/history-candles?instId=BTC-USDT&bar=1H&after=1764073200000"
                        + "&limit=100",
                OkxRest.candles(BASE, "BTC-USDT", Timeframe.H1, 1764073200000L, 1000)
                        .toString());
        assertEquals(
                "http://127.0.0.1:9/api/v5/market/history-trades?instId=BTC-USDT&type=1&after=501&limit=100",
                OkxRest.tradesBefore(BASE, "BTC-USDT", 501, 500).toString());
        assertTrue(OkxRest.bar(Timeframe.S5).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> OkxRest.latestTrades(BASE, "BTC-USDT&x=1", 1));
    }

    @Test
    void subscribeMessagesAndChannels() {
        assertEquals(
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades-all\",\"instId\":\"BTC-USDT\"}]}",
                OkxMessages.subscribe(OkxMessages.ALL_TRADES_CHANNEL, List.of("BTC-USDT")));
        assertEquals("trades-all", OkxMessages.tradeChannelFor("/ws/v5/business"));
        assertEquals("trades", OkxMessages.tradeChannelFor("/ws/v5/public"));
    }
}
