package com.klinelive.feed.format.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.DecoderCheck;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.model.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented pushes and events of okx.com/docs-v5 (WebSocket: Trades channel, All trades channel). */
class OkxDecoderTest {

    private static final Tick DOCUMENTED = new Tick("BTC-USDT", 130639474, 1630048897897L, 42219.9, 0.12060306);

    private final DecoderCheck check = new DecoderCheck(OkxDecoder::new);

    private static String corpus(String name) {
        return Corpus.read(OkxDecoderTest.class, name);
    }

    @Test
    void documentedTradesPushesAreTicksWithTheTradeIdAsSequence() {
        assertEquals(List.of(DOCUMENTED), check.ticks(corpus("trades-push.json")));
        assertEquals(List.of(DOCUMENTED), check.ticks(corpus("trades-all-push.json")));
    }

    @Test
    void severalTradesInOnePushAreOneBatchInOrder() {
        String push = "{\"arg\":{\"channel\":\"trades-all\",\"instId\":\"ETH-USDT\"},\"data\":["
                + "{\"instId\":\"ETH-USDT\",\"tradeId\":\"7\",\"px\":\"2310.4\",\"sz\":\"1.5\",\"side\":\"buy\","
                + "\"ts\":\"1764073200123\"},"
                + "{\"instId\":\"ETH-USDT\",\"tradeId\":\"8\",\"px\":\"2310.5\",\"sz\":\"0.5\",\"side\":\"sell\","
                + "\"ts\":\"1764073200124\"}]}";
        DecoderCheck.Recorded recorded = check.delivered(push);
        assertEquals(
                List.of(
                        new Tick("ETH-USDT", 7, 1764073200123L, 2310.4, 1.5),
                        new Tick("ETH-USDT", 8, 1764073200124L, 2310.5, 0.5)),
                recorded.ticks());
        assertEquals(1, recorded.batches);
    }

    @Test
    void argMayComeAfterData() {
        String push = corpus("trades-all-push.json");
        int data = push.indexOf("\"data\"");
        int argEnd = push.indexOf("},", push.indexOf("\"arg\"")) + 2;
        String reordered = "{" + push.substring(data, push.lastIndexOf('}')).trim() + ","
                + push.substring(push.indexOf("\"arg\""), argEnd - 1) + "}";
        assertEquals(List.of(DOCUMENTED), check.ticks(reordered));
    }

    @Test
    void aSubscriptionIsAcknowledgedNoticesPongAndOtherChannelsIgnoredAndAnErrorIsAFeedError() {
        assertEquals(List.of(new ControlMessage.Subscribed()), check.delivered(corpus("subscribe-event.json")).events);
        check.ignored(corpus("notice-event.json"));
        check.ignored(Corpus.read(OkxDecoderTest.class, "pong.txt"));
        check.ignored("{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USDT\"},\"data\":[{\"last\":\"1\"}]}");
        assertEquals(
                "Invalid request: {\"op\": \"subscribe\", \"argss\":[{ \"channel\" : \"trades\", \"instId\" : "
                        + "\"BTC-USDT\"}]} (60012)",
                check.feedError(corpus("error-event.json")));
    }

    @Test
    void stringsWhereOkxSendsStringsAndOneInstrumentPerPush() {
        String push = corpus("trades-all-push.json");
        assertTrue(check.rejected(push.replace("\"130639474\"", "130639474")).startsWith("tradeId: "));
        assertTrue(check.rejected(push.replace("\"1630048897897\"", "\"163004889789.7\""))
                .startsWith("ts: "));
        assertTrue(check.rejected(push.replace("\"42219.9\"", "\"-1\"")).startsWith("px: "));
        assertTrue(check.rejected(push.replace(
                        "\"instId\": \"BTC-USDT\",\n      \"tradeId\"", "\"instId\": \"ETH-USDT\",\n      \"tradeId\""))
                .contains("another instrument"));
        assertTrue(check.rejected(push.replace("\"sz\": \"0.12060306\",", "")).contains("sz: missing"));
        check.rejected("pongx");
        check.rejected("ping");
    }
}
