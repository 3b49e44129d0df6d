package com.klinelive.feed.format.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.DecoderCheck;
import com.klinelive.model.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented aggTrade events and replies of binance-spot-api-docs and the USDⓈ-M futures docs. */
class BinanceAggTradeDecoderTest {

    static final String SPOT_COMPACT = "{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"a\":12345,"
            + "\"p\":\"0.001\",\"q\":\"100\",\"f\":100,\"l\":105,\"T\":1672515782136,\"m\":true,\"M\":true}";
    static final String FUTURES_COMPACT = "{\"e\":\"aggTrade\",\"E\":1764073200125,\"s\":\"BTCUSDT\",\"a\":5933014,"
            + "\"p\":\"43250.10\",\"q\":\"0.020\",\"f\":100,\"l\":105,\"T\":1764073200123,\"m\":true}";

    private final DecoderCheck check = new DecoderCheck(BinanceAggTradeDecoder::new);

    private static String corpus(String name) {
        return Corpus.read(BinanceAggTradeDecoderTest.class, name);
    }

    @Test
    void documentedSpotAggTradeIsOneTickWithTheAggregateIdAsSequence() {
        assertEquals(
                List.of(new Tick("BNBBTC", 12345, 1672515782136L, 0.001, 100)),
                check.ticks(corpus("spot-aggtrade.json")));
    }

    @Test
    void documentedFuturesExampleIsRefusedForItsTimeOf1973() {
        // The futures docs' example carries T=123456785, a placeholder; a real event has a plausible time.
        assertTrue(check.rejected(corpus("futures-aggtrade.json")).startsWith("T: "));
    }

    @Test
    void compactLayoutsOfSpotAndFuturesGiveWhatTheGeneralReaderGives() {
        assertEquals(List.of(new Tick("BNBBTC", 12345, 1672515782136L, 0.001, 100)), check.ticks(SPOT_COMPACT));
        Tick futures = new Tick("BTCUSDT", 5933014, 1764073200123L, 43250.10, 0.020);
        assertEquals(List.of(futures), check.ticks(FUTURES_COMPACT));
        assertEquals(List.of(futures), check.ticks(FUTURES_COMPACT.replace(",", ", ")));
        assertEquals(
                List.of(futures),
                check.ticks("{\"T\":1764073200123,\"a\":5933014,\"s\":\"BTCUSDT\",\"q\":\"0.020\",\"p\":\"43250.10\","
                        + "\"e\":\"aggTrade\"}"));
    }

    @Test
    void combinedStreamWrapperIsUnwrapped() {
        assertEquals(
                List.of(new Tick("BNBBTC", 12345, 1672515782136L, 0.001, 100)),
                check.ticks("{\"stream\":\"bnbbtc@aggTrade\",\"data\":" + SPOT_COMPACT + "}"));
    }

    @Test
    void subscribeReplyAndServerShutdownAreIgnoredAndAnErrorReplyIsAFeedError() {
        check.ignored(corpus("subscribe-reply.json"));
        check.ignored(corpus("server-shutdown.json"));
        check.ignored("{\"e\":\"trade\",\"s\":\"BNBBTC\",\"t\":1}");
        assertTrue(check.feedError(corpus("error-reply.json")).startsWith("Invalid request: unknown variant"));
    }

    @Test
    void badValuesAreRejectedWithTheFieldNamed() {
        assertTrue(check.rejected(SPOT_COMPACT.replace("\"p\":\"0.001\"", "\"p\":0.001"))
                .startsWith("p: "));
        assertTrue(check.rejected(SPOT_COMPACT.replace("\"q\":\"100\"", "\"q\":\"-1\""))
                .startsWith("q: "));
        assertTrue(
                check.rejected(SPOT_COMPACT.replace("\"a\":12345", "\"a\":-5")).startsWith("a: "));
        assertTrue(check.rejected(SPOT_COMPACT.replace("\"p\":\"0.001\"", "\"p\":\" 1\""))
                .startsWith("p: "));
        assertTrue(check.rejected(SPOT_COMPACT.replace(",\"a\":12345", "")).contains("a: missing"));
        assertTrue(check.rejected(SPOT_COMPACT.replace("\"s\":\"BNBBTC\"", "\"s\":\"BNBBTC\",\"s\":\"X\""))
                .contains("duplicate"));
        check.rejected(SPOT_COMPACT + "x");
    }
}
