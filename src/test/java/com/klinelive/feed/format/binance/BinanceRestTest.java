package com.klinelive.feed.format.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class BinanceRestTest {

    private static final URI BASE = URI.create("http://127.0.0.1:9/");

    private static String corpus(String name) {
        return Corpus.read(BinanceRestTest.class, name);
    }

    @Test
    void documentedKlineIsACandleWithItsTradeCount() {
        // The documented kline opens at 1499040000000, a day boundary, so it is a valid 1d candle.
        assertEquals(
                List.of(new Candle(1499040000000L, 0.0163479, 0.8, 0.015758, 0.015771, 148976.11427815, 308)),
                BinanceRest.parseKlines(corpus("klines.json"), Timeframe.D1));
    }

    @Test
    void klinesNotAlignedToTheAskedTimeframeAreRefused() {
        RestAnswerException e = assertThrows(
                RestAnswerException.class,
                () -> BinanceRest.parseKlines(
                        corpus("klines.json").replace("1499040000000", "1499040000001"), Timeframe.M1));
        assertTrue(e.getMessage().contains("not aligned to 1m"), e.getMessage());
    }

    @Test
    void documentedAggTradesAndTradesAreTicks() {
        assertEquals(
                List.of(new Tick("ETHBTC", 26129, 1498793709153L, 0.01633102, 4.70443515)),
                BinanceRest.parseAggTrades(corpus("aggtrades.json"), "ETHBTC"));
        assertEquals(
                List.of(new Tick("LTCBTC", 28457, 1499865549590L, 4.000001, 12)),
                BinanceRest.parseTrades(corpus("historical-trades.json"), "LTCBTC"));
    }

    @Test
    void symbolsAreThoseTrading() {
        assertEquals(List.of("ETHBTC"), BinanceRest.parseSymbols(corpus("exchange-info.json")));
    }

    @Test
    void anHtmlPageIsRefusedAsSuch() {
        RestAnswerException e = assertThrows(
                RestAnswerException.class,
                () -> BinanceRest.parseKlines(
                        "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", Timeframe.M1));
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }

    @Test
    void numbersWhereBinanceSendsStringsAreRefused() {
        assertThrows(
                RestAnswerException.class,
                () -> BinanceRest.parseAggTrades("[{\"a\":1,\"p\":1.5,\"q\":\"1\",\"T\":1499865549590}]", "ETHBTC"));
        assertThrows(
                RestAnswerException.class,
                () -> BinanceRest.parseAggTrades(
                        "[{\"a\":1,\"p\":\"NaN\",\"q\":\"1\",\"T\":1499865549590}]", "ETHBTC"));
        assertThrows(
                RestAnswerException.class,
                () -> BinanceRest.parseAggTrades(
                        "[{\"a\":2,\"p\":\"1\",\"q\":\"1\",\"T\":1499865549590},"
                                + "{\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1499865549590}]",
                        "ETHBTC"));
    }

    @Test
    void errorAnswersAreReadForTheStatusLine() {
        assertEquals("Invalid symbol. (-1121)", BinanceRest.errorText("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        assertTrue(BinanceRest.errorText("<html>").contains("HTML page"));
    }

    @Test
    void requestsFollowTheDocumentedParameters() {
        assertEquals(
                "http://127.0.0.1:9/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1000&endTime=1764073199999",
                BinanceRest.klines(BASE, BinanceMarket.SPOT, "BTCUSDT", Timeframe.M1, 1764073200000L, 5000)
                        .toString());
        assertEquals(
                "http://127.0.0.1:9/fapi/v1/aggTrades?symbol=BTCUSDT&fromId=77&limit=1000",
                BinanceRest.aggTradesFromId(BASE, BinanceMarket.USDM_FUTURES, "BTCUSDT", 77, 1000)
                        .toString());
        assertEquals(
                "http://127.0.0.1:9/api/v3/historicalTrades?symbol=BTCUSDT&fromId=5&limit=10",
                BinanceRest.tradesFromId(BASE, "BTCUSDT", 5, 10).toString());
        assertFalse(BinanceMarket.USDM_FUTURES.hasKlines(Timeframe.S1));
        assertTrue(BinanceMarket.SPOT.hasKlines(Timeframe.S1));
        assertFalse(BinanceMarket.SPOT.hasKlines(Timeframe.S5));
        assertThrows(
                IllegalArgumentException.class,
                () -> BinanceRest.klines(BASE, BinanceMarket.USDM_FUTURES, "BTCUSDT", Timeframe.S1, Long.MAX_VALUE, 1));
    }
}
