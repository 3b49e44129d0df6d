package com.klinelive.feed.format.coinbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.DecoderCheck;
import com.klinelive.feed.format.exchange.RestAnswerException;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coinbase Exchange's documented messages (docs.cdp.coinbase.com, Exchange WebSocket Overview and Channels) through
 * the existing matches decoder, and its documented REST answers through {@link CoinbaseRest}.
 */
class CoinbaseCorpusTest {

    private final DecoderCheck check = new DecoderCheck(CoinbaseDecoder::new);

    private static String corpus(String name) {
        return Corpus.read(CoinbaseCorpusTest.class, name);
    }

    @Test
    void documentedMessagesDecode() {
        assertEquals(
                List.of(new Tick("BTC-USD", 10, 1415348367028L, 400.23, 5.23512)), check.ticks(corpus("match.json")));
        assertEquals(List.of(new ControlMessage.Subscribed()), check.delivered(corpus("subscriptions.json")).events);
        check.ignored(corpus("heartbeat.json"));
        assertEquals("error message", check.feedError(corpus("error.json")));
    }

    @Test
    void candlesAreNumbersInSecondsNewestFirst() {
        assertEquals(
                List.of(
                        new Candle(1415398740000L, 0.31, 0.4, 0.3, 0.33, 4.5, 0),
                        new Candle(1415398800000L, 0.35, 4.2, 0.32, 4.2, 12.3, 0)),
                CoinbaseRest.parseCandles(corpus("candles.json"), Timeframe.M1));
        // The documented example's time, 1415398768, is not on a minute: refused rather than misplaced.
        assertThrows(
                RestAnswerException.class,
                () -> CoinbaseRest.parseCandles(corpus("candles-documented.json"), Timeframe.M1));
        assertThrows(
                RestAnswerException.class,
                () -> CoinbaseRest.parseCandles("[[1415398800, \"0.32\", 4.2, 0.35, 4.2, 12.3]]", Timeframe.M1));
    }

    @Test
    void tradesComeOldestFirstAndProductsOnlineOnly() {
        assertEquals(
                List.of(
                        new Tick("BTC-USD", 86327326, 1584664618123L, 6225.3, 0.1),
                        new Tick("BTC-USD", 86327327, 1584664619860L, 6225.32, 0.06469797)),
                CoinbaseRest.parseTrades(corpus("trades.json"), "BTC-USD"));
        assertEquals(List.of("BTC-USD"), CoinbaseRest.parseProducts(corpus("products.json")));
        assertTrue(
                CoinbaseRest.errorText("<html><body>Cloudflare</body></html>").contains("HTML page"));
        assertEquals("NotFound", CoinbaseRest.errorText("{\"message\":\"NotFound\"}"));
    }

    @Test
    void requests() {
        URI base = URI.create("http://127.0.0.1:9");
        assertEquals(
                "http://127.0.0.1:9/products/BTC-USD/candles?granularity=60&start=2025-11-25T12:00:00Z"
                        + "&end=2025-11-25T12:04:00Z",
                CoinbaseRest.candles(base, "BTC-USD", Timeframe.M1, 1764072000000L, 1764072300000L)
                        .toString());
        assertEquals(
                "http://127.0.0.1:9/products/BTC-USD/trades?limit=1000&after=500",
                CoinbaseRest.trades(base, "BTC-USD", 500, 5000).toString());
        assertThrows(
                IllegalArgumentException.class,
                () -> CoinbaseRest.candles(base, "BTC-USD", Timeframe.M30, 0, 1_800_000));
    }
}
