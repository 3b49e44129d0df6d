package com.klinelive.feed.format.coinbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecoderHarness;
import com.klinelive.model.Tick;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public class CoinbaseDecoderTest {

    public static final String MATCH =
            "{\"type\":\"match\",\"trade_id\":10,\"sequence\":50,\"maker_order_id\":\"ac928c66\","
                    + "\"taker_order_id\":\"434f0b4a\",\"time\":\"2014-11-07T08:19:27.028459Z\",\"product_id\":\"BTC-USD\","
                    + "\"size\":\"5.23512\",\"price\":\"400.23\",\"side\":\"sell\"}";
    private static final long MATCH_TIME =
            Instant.parse("2014-11-07T08:19:27.028Z").toEpochMilli();

    private final DecoderHarness harness = new DecoderHarness("coinbase");

    @Test
    void matchBecomesATickWithTradeIdAsSequenceAndMillisecondTime() {
        assertEquals(
                new Tick("BTC-USD", 10, MATCH_TIME, 400.23, 5.23512),
                harness.delivered(MATCH).only());
    }

    @Test
    void lastMatchIsATickToo() {
        assertEquals(
                new Tick("BTC-USD", 10, MATCH_TIME, 400.23, 5.23512),
                harness.delivered(MATCH.replace("\"match\"", "\"last_match\"")).only());
    }

    @Test
    void timeWithOffsetIsConvertedToUtc() {
        Tick tick = (Tick) harness.delivered(MATCH.replace("08:19:27.028459Z", "10:19:27+02:00"))
                .only();
        assertEquals(Instant.parse("2014-11-07T08:19:27Z").toEpochMilli(), tick.time());
    }

    @Test
    void subscriptionsAcknowledgesTheSubscription() {
        assertEquals(
                new ControlMessage.Subscribed(),
                harness.delivered("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\","
                                + "\"product_ids\":[\"BTC-USD\"]}]}")
                        .only());
    }

    @Test
    void otherChannelsAreIgnored() {
        harness.ignored("{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,\"product_id\":\"BTC-USD\","
                + "\"time\":\"2014-11-07T08:19:28.464459Z\"}");
        harness.ignored("{\"type\":\"ticker\",\"sequence\":37475248783,\"product_id\":\"ETH-USD\","
                + "\"price\":\"1285.22\","
                + "\"open_24h\":\"1310.79\",\"best_bid\":\"1285.04\",\"time\":\"2022-10-19T23:28:22.061769Z\","
                + "\"trade_id\":370843401,\"last_size\":\"0.00055219\"}");
        harness.ignored("{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"buy\",\"10101.80\","
                + "\"0.162567\"]],\"time\":\"2019-08-14T20:42:27.265Z\"}");
    }

    @Test
    void errorBecomesAFeedErrorWithItsReason() {
        assertEquals(
                new ControlMessage.FeedError("Failed to subscribe: BTC-XYZ is not a valid product"),
                harness.delivered("{\"type\":\"error\",\"message\":\"Failed to subscribe\","
                                + "\"reason\":\"BTC-XYZ is not a valid product\"}")
                        .only());
        assertEquals(
                new ControlMessage.FeedError("oops"),
                harness.delivered("{\"type\":\"error\",\"message\":\"oops\"}").only());
    }

    @Test
    void invalidMatchesAreRejected() {
        assertTrue(harness.rejected(MATCH.replace("\"400.23\"", "400.23")).startsWith("price: expected a string"));
        assertTrue(harness.rejected(MATCH.replace("\"400.23\"", "\"Infinity\"")).startsWith("price: malformed"));
        assertTrue(harness.rejected(MATCH.replace("\"5.23512\"", "\"-5\"")).startsWith("size: must be finite"));
        assertTrue(harness.rejected(MATCH.replace("\"trade_id\":10", "\"trade_id\":\"10\""))
                .startsWith("trade_id"));
        assertTrue(harness.rejected(MATCH.replace("\"product_id\":\"BTC-USD\",", ""))
                .startsWith("product_id: miss"));
        assertTrue(harness.rejected(MATCH.replace("2014-11-07T08", "1999-11-07T08"))
                .startsWith("time: must be epoch"));
        assertTrue(harness.rejected("{\"trade_id\":10}").startsWith("type: missing"));
    }

    @Test
    void malformedTimesAreRejected() {
        String[] bad = {
            "2014-11-07 08:19:27Z",
            "2014-11-07T08:19:27",
            "2014-13-07T08:19:27Z",
            "2014-02-30T08:19:27Z",
            "2014-11-07T24:00:00Z",
            "2014-11-07T08:60:27Z",
            "2014-11-07T08:19:60Z",
            "2014-11-07T08:19:27.Z",
            "2014-11-07T08:19:27.0123456789Z",
            "2014-11-07T08:19:27+0200",
            "2014-11-07T08:19:27+24:00",
            "14-11-07T08:19:27Z",
            "2014-11-07T08:19:27ZZ",
            "",
            "x",
        };
        for (String time : bad) {
            String reason = harness.rejected(MATCH.replace("2014-11-07T08:19:27.028459Z", time));
            assertTrue(reason.startsWith("time: expected an ISO-8601"), () -> time + " gave " + reason);
        }
    }
}
