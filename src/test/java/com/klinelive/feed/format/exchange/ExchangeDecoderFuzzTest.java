package com.klinelive.feed.format.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.format.binance.BinanceAggTradeDecoder;
import com.klinelive.feed.format.bybit.BybitDecoder;
import com.klinelive.feed.format.kraken.KrakenDecoder;
import com.klinelive.feed.format.okx.OkxDecoder;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.feed.protocol.FeedDecoder;
import com.klinelive.feed.protocol.Rejections;
import com.klinelive.model.Tick;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each exchange decoder fed mutations of its documented messages, as DecoderFuzzTest does for the others: nothing
 * escapes, a rejection delivers nothing and is counted with a reason that is not an internal error, and whatever
 * is delivered passes validation.
 */
class ExchangeDecoderFuzzTest {

    private static final String ALPHABET = "{}[]\":,.-+eE0123456789 \\/utfnlrasxN\u0000\u00ff\ud800";

    record Format(String name, Function<Rejections, FeedDecoder> decoder, List<String> seeds) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Format> formats() {
        return Stream.of(
                new Format(
                        "binance aggTrade",
                        BinanceAggTradeDecoder::new,
                        List.of(
                                "{\"e\":\"aggTrade\",\"E\":1764073200125,\"s\":\"BTCUSDT\",\"a\":5933014,\"p\":\"43250.10\","
                                        + "\"q\":\"0.020\",\"f\":100,\"l\":105,\"T\":1764073200123,\"m\":true}",
                                "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,"
                                        + "\"p\":\"1\",\"q\":\"1\",\"T\":1764073200123}}",
                                "{\"code\":2,\"msg\":\"Invalid request\"}")),
                new Format(
                        "okx",
                        OkxDecoder::new,
                        List.of(
                                "{\"arg\":{\"channel\":\"trades-all\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instId\":"
                                        + "\"BTC-USDT\",\"tradeId\":\"130639474\",\"px\":\"42219.9\",\"sz\":\"0.12\","
                                        + "\"side\":\"buy\",\"ts\":\"1764073200123\"}]}",
                                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},"
                                        + "\"connId\":\"a4d3ae55\"}",
                                "{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\"}",
                                "pong")),
                new Format(
                        "bybit",
                        BybitDecoder::new,
                        List.of(
                                "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1764073200125,\"data\":"
                                        + "[{\"T\":1764073200123,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.001\","
                                        + "\"p\":\"16578.50\",\"i\":\"2290000000061666327\",\"BT\":false,\"seq\":17}]}",
                                "{\"success\":true,\"ret_msg\":\"subscribe\",\"conn_id\":\"x\",\"op\":\"subscribe\"}",
                                "{\"success\":false,\"ret_msg\":\"error\",\"op\":\"subscribe\"}")),
                new Format(
                        "kraken",
                        KrakenDecoder::new,
                        List.of(
                                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":"
                                        + "\"sell\",\"price\":0.5117,\"qty\":40.0,\"ord_type\":\"market\","
                                        + "\"trade_id\":4665906,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}",
                                "{\"method\":\"subscribe\",\"result\":{\"channel\":\"trade\"},\"success\":true,"
                                        + "\"time_in\":\"2023-09-25T09:04:31.742599Z\"}",
                                "{\"channel\":\"heartbeat\"}")));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void mutatedMessagesNeverThrowAndNeverDeliverInvalidData(Format format) {
        Random random = new Random(4321);
        Rejections rejections = new Rejections();
        FeedDecoder decoder = format.decoder().apply(rejections);
        int delivered = 0;
        for (int i = 0; i < 20_000; i++) {
            String message = mutate(
                    random, format.seeds().get(random.nextInt(format.seeds().size())));
            DecoderCheck.Recorded sink = new DecoderCheck.Recorded();
            long before = rejections.count();
            DecodeOutcome outcome = decoder.decode(message, sink);
            assertNotNull(outcome);
            if (outcome == DecodeOutcome.REJECTED) {
                assertEquals(before + 1, rejections.count());
                assertTrue(sink.events.isEmpty());
                assertTrue(
                        !rejections.lastReason().orElseThrow().contains("internal"),
                        () -> rejections.lastReason().orElseThrow());
            } else {
                assertEquals(before, rejections.count());
            }
            if (outcome == DecodeOutcome.DELIVERED) {
                delivered++;
                for (Object event : sink.events) {
                    if (event instanceof Tick t) {
                        assertTrue(t.seq() >= 0
                                && !t.symbol().isEmpty()
                                && t.symbol().length() <= 64);
                        assertTrue(t.time() >= 946_684_800_000L && t.time() < 4_102_444_800_000L);
                    } else {
                        assertTrue(event instanceof ControlMessage, () -> "unexpected " + event);
                    }
                }
            } else {
                assertTrue(sink.events.isEmpty());
            }
        }
        assertTrue(delivered > 300, "the mutations should leave many messages valid, got " + delivered);
    }

    private static String mutate(Random random, String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(5)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                case 2 -> sb.deleteCharAt(at);
                case 3 -> sb.setCharAt(at, (char) (sb.charAt(at) ^ (1 << random.nextInt(7))));
                default -> {
                    int end = Math.min(sb.length(), at + random.nextInt(20));
                    sb.insert(at, sb.substring(at, end));
                }
            }
        }
        return sb.toString();
    }
}
