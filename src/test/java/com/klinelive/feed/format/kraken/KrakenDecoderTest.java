package com.klinelive.feed.format.kraken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.DecoderCheck;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.model.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented messages of docs.kraken.com websocket-v2 (trade, status, heartbeat, ping). */
class KrakenDecoderTest {

    private final DecoderCheck check = new DecoderCheck(KrakenDecoder::new);

    private static String corpus(String name) {
        return Corpus.read(KrakenDecoderTest.class, name);
    }

    @Test
    void documentedUpdateAndSnapshotAreTicksWithTheTradeIdAsSequence() {
        assertEquals(
                List.of(new Tick("MATIC/USD", 4665906, 1695628177708L, 0.5117, 40.0)),
                check.ticks(corpus("trade-update.json")));
        assertEquals(
                List.of(
                        new Tick("MATIC/USD", 4665846, 1695628116925L, 0.5147, 6423.46326),
                        new Tick("MATIC/USD", 4665847, 1695628176925L, 0.5147, 1136.19677815)),
                check.ticks(corpus("trade-snapshot.json")));
    }

    @Test
    void tradesOfSeveralPairsInOneMessageGoAsOneBatchPerPair() {
        String two = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":["
                + "{\"symbol\":\"BTC/USD\",\"price\":1,\"qty\":1,\"trade_id\":1,\"timestamp\":\"2023-09-25T07:49:37Z\"},"
                + "{\"symbol\":\"ETH/USD\",\"price\":2,\"qty\":2,\"trade_id\":9,\"timestamp\":\"2023-09-25T07:49:38Z\"}]}";
        DecoderCheck.Recorded recorded = check.delivered(two);
        assertEquals(
                List.of("BTC/USD", "ETH/USD"),
                recorded.ticks().stream().map(Tick::symbol).toList());
        assertEquals(2, recorded.batches);
    }

    @Test
    void aSubscriptionIsAcknowledgedOtherControlMessagesIgnoredAndARefusalIsAFeedError() {
        assertEquals(List.of(new ControlMessage.Subscribed()), check.delivered(corpus("subscribe-ack.json")).events);
        check.ignored(corpus("heartbeat.json"));
        check.ignored(corpus("status.json"));
        check.ignored(corpus("pong.json"));
        assertEquals("Currency pair not supported MATIC/ABC", check.feedError(corpus("subscribe-error.json")));
    }

    @Test
    void numbersWhereKrakenSendsNumbers() {
        String update = corpus("trade-update.json");
        assertTrue(check.rejected(update.replace("0.5117", "\"0.5117\"")).startsWith("price: "));
        assertTrue(check.rejected(update.replace("4665906", "\"4665906\"")).startsWith("trade_id: "));
        assertTrue(check.rejected(update.replace("2023-09-25T07:49:37.708706Z", "yesterday"))
                .startsWith("timestamp: "));
        assertTrue(check.rejected(update.replace("40.0", "-40.0")).startsWith("qty: "));
    }
}
