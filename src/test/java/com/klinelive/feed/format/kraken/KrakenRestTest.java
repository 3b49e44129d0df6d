package com.klinelive.feed.format.kraken;

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

class KrakenRestTest {

    private static String corpus(String name) {
        return Corpus.read(KrakenRestTest.class, name);
    }

    @Test
    void documentedOhlcRowsAreCandlesWithTradeCounts() {
        List<Candle> candles = KrakenRest.parseOhlc(corpus("ohlc.json"), "BTC/USD", Timeframe.M1);
        assertEquals(3, candles.size());
        assertEquals(new Candle(1688671200000L, 30306.1, 30306.2, 30305.7, 30305.7, 3.39243896, 23), candles.get(0));
    }

    @Test
    void documentedTradesHaveTheirIdsAndMillisecondTimes() {
        assertEquals(
                List.of(
                        new Tick("BTC/USD", 61044952, 1688669597827L, 30243.4, 0.34507674),
                        new Tick("BTC/USD", 61044953, 1688669598280L, 30243.3, 0.0037696),
                        new Tick("BTC/USD", 61044956, 1688669602698L, 30243.3, 0.01235716)),
                KrakenRest.parseTrades(corpus("trades.json"), "BTC/USD"));
    }

    @Test
    void onlinePairsByTheirV2Names() {
        assertEquals(List.of("BTC/USD"), KrakenRest.parseAssetPairs(corpus("asset-pairs.json")));
    }

    @Test
    void krakenErrorsAndHostileTimesAreRefusals() {
        assertEquals(
                "Trades: Kraken refused: EAPI:Rate limit exceeded",
                assertThrows(
                                RestAnswerException.class,
                                () -> KrakenRest.parseTrades(corpus("rate-limited.json"), "BTC/USD"))
                        .getMessage());
        assertThrows(
                RestAnswerException.class,
                () -> KrakenRest.parseTrades(
                        "{\"error\":[],\"result\":{\"BTC/USD\":[[\"1\",\"1\",1e999999999,\"b\",\"m\",\"\",1]]}}",
                        "BTC/USD"));
        assertThrows(
                RestAnswerException.class, () -> KrakenRest.parseOhlc(corpus("ohlc.json"), "ETH/USD", Timeframe.M1));
    }

    @Test
    void requestsAndMessages() {
        URI base = URI.create("http://127.0.0.1:9");
        assertEquals(
                "http://127.0.0.1:9/0/public/Trades?pair=BTC%2FUSD&count=1000&assetVersion=1&since=1688669597",
                KrakenRest.trades(base, "BTC/USD", 1688669597827L, 5000).toString());
        assertEquals(
                "http://127.0.0.1:9/0/public/OHLC?pair=BTC%2FUSD&interval=240&assetVersion=1",
                KrakenRest.ohlc(base, "BTC/USD", Timeframe.H4, 0).toString());
        assertEquals(
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"],"
                        + "\"snapshot\":false},\"req_id\":2}",
                KrakenMessages.subscribe(List.of("BTC/USD"), 2));
    }
}
