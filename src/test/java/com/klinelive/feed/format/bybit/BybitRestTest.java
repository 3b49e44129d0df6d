package com.klinelive.feed.format.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BybitRestTest {

    private static String corpus(String name) {
        return Corpus.read(BybitRestTest.class, name);
    }

    @Test
    void documentedKlinesComeOldestFirst() {
        List<Candle> candles = BybitRest.parseKlines(corpus("kline.json"), Timeframe.H1);
        assertEquals(3, candles.size());
        assertEquals(new Candle(1670601600000L, 17086.5, 17088, 16978, 17071.5, 6356, 0), candles.get(0));
        assertEquals(new Candle(1670608800000L, 17071, 17073, 17027, 17055.5, 268611, 0), candles.get(2));
    }

    @Test
    void recentTradesAndInstruments() {
        assertEquals(
                List.of(new Tick("BTCUSDT", 2100000000007764263L, 1672052955758L, 16618.49, 0.00012)),
                BybitRest.parseTrades(corpus("recent-trade.json"), "BTCUSDT"));
        assertEquals(List.of("BTCUSDT"), BybitRest.parseInstruments(corpus("instruments-info.json")));
    }

    @Test
    void tooManyVisitsIsARefusalWithBybitsMessage() {
        RestAnswerException e = assertThrows(
                RestAnswerException.class, () -> BybitRest.parseKlines(corpus("too-many-visits.json"), Timeframe.M1));
        assertEquals("kline: Bybit refused: Too many visits! (10006)", e.getMessage());
    }

    @Test
    void requestsAndMessages() {
        URI base = URI.create("http://127.0.0.1:9");
        assertEquals(
                "http://127.0.0.1:9/v5/market/kline?category=spot&symbol=BTCUSDT&interval=D&limit=1000"
                        + "&end=1764028799999",
                BybitRest.klines(base, "BTCUSDT", Timeframe.D1, 1764028800000L, 5000)
                        .toString());
        assertEquals(
                "{\"req_id\":\"3\",\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\"]}",
                BybitMessages.subscribe(List.of("BTCUSDT"), 3));
        assertEquals("{\"req_id\":\"4\",\"op\":\"ping\"}", BybitMessages.ping(4));
        assertThrows(IllegalArgumentException.class, () -> BybitMessages.subscribe(List.of("btc\"usdt"), 1));
    }
}
