package com.klinelive.feed.format.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.DecoderCheck;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.model.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented pushes and replies of bybit-exchange/docs (v5/websocket/public/trade, v5/ws/connect). */
class BybitDecoderTest {

    private final DecoderCheck check = new DecoderCheck(BybitDecoder::new);

    private static String corpus(String name) {
        return Corpus.read(BybitDecoderTest.class, name);
    }

    @Test
    void spotTradesAreOneBatchWithTheTradeIdAsSequence() {
        DecoderCheck.Recorded recorded = check.delivered(corpus("trade-spot.json"));
        assertEquals(
                List.of(
                        new Tick("BTCUSDT", 2290000000061666327L, 1672304486865L, 16578.50, 0.001),
                        new Tick("BTCUSDT", 2290000000061666328L, 1672304486866L, 16578.49, 0.25)),
                recorded.ticks());
        assertEquals(1, recorded.batches);
    }

    @Test
    void theDocumentedLinearExampleWithAUuidTradeIdIsRefusedOnSpot() {
        assertTrue(check.rejected(corpus("trade-linear.json")).startsWith("i: "));
    }

    @Test
    void aSubscriptionIsAcknowledgedPongsIgnoredAndARefusalIsAFeedError() {
        assertEquals(List.of(new ControlMessage.Subscribed()), check.delivered(corpus("subscribe-ack.json")).events);
        check.ignored(corpus("pong.json"));
        check.ignored("{\"args\":[\"1672916271846\"],\"op\":\"pong\"}");
        check.ignored("{\"topic\":\"orderbook.1.BTCUSDT\",\"type\":\"snapshot\",\"data\":{\"s\":\"BTCUSDT\"}}");
        assertEquals(
                "error:handler not found,topic:publicTrade.NOPEUSDT",
                check.feedError(corpus("subscribe-refused.json")));
    }

    @Test
    void topicAndDataMustAgreeAndValuesAreStrict() {
        String spot = corpus("trade-spot.json");
        assertTrue(check.rejected(spot.replace(
                        "\"s\": \"BTCUSDT\",\n            \"S\": \"Sell\"",
                        "\"s\": \"ETHUSDT\",\n            \"S\": \"Sell\""))
                .contains("another symbol"));
        assertTrue(check.rejected(spot.replace("\"16578.50\"", "16578.50")).startsWith("p: "));
        assertTrue(check.rejected(spot.replace("1672304486865", "\"1672304486865\""))
                .startsWith("T: "));
        assertEquals(
                2,
                check.ticks("{\"data\":" + spot.substring(spot.indexOf('['), spot.lastIndexOf(']') + 1)
                                + ",\"topic\":\"publicTrade.BTCUSDT\"}")
                        .size());
    }
}
