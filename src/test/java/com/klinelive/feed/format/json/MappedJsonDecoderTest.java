package com.klinelive.feed.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.DecodeOutcome;
import com.klinelive.model.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappedJsonDecoderTest {

    /** Binance's documented trade event. */
    static final String BINANCE_TRADE = "{\"e\":\"trade\",\"E\":1764073200125,\"s\":\"BTCUSDT\",\"t\":12345,"
            + "\"p\":\"43250.50\",\"q\":\"0.0125\",\"T\":1764073200123,\"m\":true,\"M\":true}";

    static final String[] BINANCE_FIELDS = {"symbol=s", "seq=t", "time=T", "price=p", "size=q"};

    /** 2025-11-25T12:20:00.123Z. */
    private static final long MILLIS = 1_764_073_200_123L;

    @Test
    void aBinanceTradeMappedFieldByFieldIsTheTradeItHolds() {
        MappedDecoderHarness h = new MappedDecoderHarness(BINANCE_FIELDS);
        assertEquals(new Tick("BTCUSDT", 12345, MILLIS, 43250.5, 0.0125), h.one(BINANCE_TRADE));
    }

    @Test
    void fieldOrderWhitespaceAndUnmappedMembersDoNotMatter() {
        MappedDecoderHarness h =
                new MappedDecoderHarness("symbol=sym", "seq=data.id", "time=data.ts", "price=data.px", "size=data.qty");
        String message = " {\"noise\":{\"deep\":[1,{\"x\":[null,true]}]},\n \"data\" : {\"qty\":2,\"skip\":\"x\","
                + "\"px\":43250.5,\"ts\":1764073200123,\"id\":\"7\"},\t\"sym\":\"ETHUSDT\"} ";
        assertEquals(new Tick("ETHUSDT", 7, MILLIS, 43250.5, 2), h.one(message));
    }

    @Test
    void aDigitSegmentIndexesAnArrayOrNamesAnObjectKey() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "time=data.0.T", "price=data.0.p", "size=data.1");
        Tick fromArray = h.one("{\"s\":\"X\",\"data\":[{\"T\":1764073200123,\"p\":\"2.5\"},\"0.5\",{\"p\":9}]}");
        assertEquals(new Tick("X", fromArray.seq(), MILLIS, 2.5, 0.5), fromArray);
        Tick fromObject = h.one("{\"s\":\"X\",\"data\":{\"1\":3,\"0\":{\"p\":1.25,\"T\":1764073200123}}}");
        assertEquals(new Tick("X", fromObject.seq(), MILLIS, 1.25, 3), fromObject);
    }

    @Test
    void anArrayWhereAnObjectWasMappedHoldsOneTradePerElementOldestFirst() {
        // OKX v5 trades: the symbol in "arg", the trades in "data".
        MappedDecoderHarness h = new MappedDecoderHarness(
                "symbol=arg.instId", "seq=data.tradeId", "time=data.ts", "price=data.px", "size=data.sz");
        String okx = "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":["
                + "{\"instId\":\"BTC-USDT\",\"tradeId\":\"130639474\",\"px\":\"42219.9\",\"sz\":\"0.12\","
                + "\"side\":\"buy\",\"ts\":\"1764073200123\"},"
                + "{\"instId\":\"BTC-USDT\",\"tradeId\":\"130639475\",\"px\":\"42220\",\"sz\":\"1\","
                + "\"side\":\"sell\",\"ts\":\"1764073200124\"}]}";
        TickRecorder sink = new TickRecorder();
        assertEquals(DecodeOutcome.DELIVERED, h.decoder.decode(okx, sink));
        assertEquals(
                List.of(
                        new Tick("BTC-USDT", 130639474, MILLIS, 42219.9, 0.12),
                        new Tick("BTC-USDT", 130639475, MILLIS + 1, 42220, 1)),
                sink.ticks);
        assertEquals(1, sink.batches, "trades of one symbol go to the sink as one batch");
        // The same mapping reads a message carrying one trade as an object.
        assertEquals(
                new Tick("BTC-USDT", 5, MILLIS, 1, 2),
                h.one("{\"arg\":{\"instId\":\"BTC-USDT\"},\"data\":{\"tradeId\":5,\"px\":1,\"sz\":2,\"ts\":" + MILLIS
                        + "}}"));
    }

    @Test
    void tradesOfSeveralSymbolsInOneArrayAreDeliveredOneByOne() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "seq=i", "time=t", "price=p", "size=q");
        TickRecorder sink = new TickRecorder();
        String message = "[{\"s\":\"A\",\"i\":1,\"t\":" + MILLIS + ",\"p\":1,\"q\":1}," + "{\"s\":\"B\",\"i\":1,\"t\":"
                + MILLIS + ",\"p\":2,\"q\":2}]";
        assertEquals(DecodeOutcome.DELIVERED, h.decoder.decode(message, sink));
        assertEquals(List.of(new Tick("A", 1, MILLIS, 1, 1), new Tick("B", 1, MILLIS, 2, 2)), sink.ticks);
        assertEquals(0, sink.batches);
    }

    @Test
    void fieldsOutsideTheArrayHoldForEveryTradeInIt() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "time=ts", "price=fills.p", "size=fills.q");
        List<Tick> ticks =
                h.delivered("{\"fills\":[{\"p\":1,\"q\":2},{\"p\":3,\"q\":4}],\"s\":\"X\",\"ts\":" + MILLIS + "}");
        assertEquals(2, ticks.size());
        assertEquals("X", ticks.get(1).symbol());
        assertEquals(MILLIS, ticks.get(1).time());
        assertEquals(3, ticks.get(1).price());
        assertTrue(ticks.get(1).seq() > ticks.get(0).seq(), "arrival order numbers them");
    }

    @Test
    void anEmptyArrayOfTradesIsIgnoredNotRejected() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "time=d.t", "price=d.p", "size=d.q");
        TickRecorder sink = new TickRecorder();
        assertEquals(DecodeOutcome.IGNORED, h.decoder.decode("{\"s\":\"X\",\"d\":[]}", sink));
        assertTrue(sink.ticks.isEmpty());
        assertEquals(0, h.rejections.count());
    }

    @Test
    void everyTimeUnitIsToldApartByMagnitude() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "time=t", "price=p", "size=q");
        String[] times = {
            "1764073200.123", // seconds with a fraction
            "\"1764073200.123\"",
            "1764073200123", // milliseconds
            "\"1764073200123\"",
            "1764073200123456", // microseconds
            "\"1764073200123999\"",
            "1764073200123456789", // nanoseconds
            "\"1764073200123999999\"",
            "\"2025-11-25T12:20:00.123Z\"", // ISO-8601
            "\"2025-11-25T12:20:00.123456789Z\"",
            "\"2025-11-25T13:20:00.123+01:00\"",
        };
        for (String t : times) {
            assertEquals(
                    MILLIS,
                    h.one("{\"s\":\"X\",\"t\":" + t + ",\"p\":1,\"q\":1}").time(),
                    t);
        }
        assertEquals(
                1_764_073_200_000L,
                h.one("{\"s\":\"X\",\"t\":1764073200,\"p\":1,\"q\":1}").time(),
                "seconds");
        assertEquals(
                MILLIS,
                h.one("{\"s\":\"X\",\"t\":1764073200.1239,\"p\":1,\"q\":1}").time(),
                "a fraction is truncated digit by digit, never rounded up into the next millisecond");
    }

    @Test
    void pricesSizesAndSeqsMayBeNumbersOrNumericStrings() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "seq=i", "time=t", "price=p", "size=q");
        String numbers = "{\"s\":\"X\",\"i\":42,\"t\":" + MILLIS + ",\"p\":43250.5,\"q\":0.5}";
        String strings = "{\"s\":\"X\",\"i\":\"42\",\"t\":\"" + MILLIS + "\",\"p\":\"43250.5\",\"q\":\"0.5\"}";
        assertEquals(h.one(numbers), h.one(strings));
    }

    @Test
    void withoutSeqTradesAreNumberedInArrivalOrderNeverRepeatingAcrossDecoders() {
        MappedDecoderHarness first = new MappedDecoderHarness("symbol=s", "time=t", "price=p", "size=q");
        MappedDecoderHarness second = new MappedDecoderHarness("symbol=s", "time=t", "price=p", "size=q");
        assertFalse(first.decoder.detectsGaps());
        String message = "{\"s\":\"X\",\"t\":" + MILLIS + ",\"p\":1,\"q\":1}";
        long a = first.one(message).seq();
        long b = first.one(message).seq();
        long later = second.one(message).seq();
        long againFirst = first.one(message).seq();
        assertEquals(a + 1, b);
        assertEquals(b + 1, againFirst);
        assertTrue(later > againFirst + 1_000_000, "a decoder made later numbers above every earlier one");
        assertTrue(new MappedDecoderHarness(BINANCE_FIELDS).decoder.detectsGaps());
    }

    @Test
    void aMissingFieldIsACountedRejectionNamingItsPath() {
        MappedDecoderHarness h =
                new MappedDecoderHarness("symbol=sym", "seq=data.id", "time=data.ts", "price=data.px", "size=data.qty");
        h.assertRejected(
                "{\"sym\":\"X\",\"data\":{\"id\":1,\"ts\":" + MILLIS + ",\"qty\":1}}",
                "data.px: missing required field");
        h.assertRejected(
                "{\"data\":{\"id\":1,\"ts\":" + MILLIS + ",\"px\":1,\"qty\":1}}", "sym: missing required field");
        h.assertRejected("{\"sym\":\"X\"}", "data.id: missing required field");
        h.assertRejected(
                "{\"sym\":\"X\",\"data\":[{\"id\":1,\"ts\":" + MILLIS + ",\"px\":1,\"qty\":1},{\"id\":2,\"ts\":"
                        + MILLIS + ",\"qty\":1}]}",
                "data.px: missing required field");
    }

    @Test
    void aWrongTypeIsACountedRejectionNamingPathAndType() {
        MappedDecoderHarness h =
                new MappedDecoderHarness("symbol=sym", "seq=data.id", "time=data.ts", "price=data.px", "size=data.qty");
        String ok = "{\"sym\":\"X\",\"data\":{\"id\":1,\"ts\":" + MILLIS + ",\"px\":1,\"qty\":1}}";
        h.one(ok);
        h.assertRejected(ok.replace("\"X\"", "42"), "sym: expected a string, found a number");
        h.assertRejected(
                ok.replace("\"px\":1", "\"px\":{}"), "data.px: expected a number or a numeric string, found an object");
        h.assertRejected(
                ok.replace("\"qty\":1", "\"qty\":true"),
                "data.qty: expected a number or a numeric string, found a boolean");
        h.assertRejected(
                ok.replace("\"id\":1", "\"id\":1.5"), "data.id: expected an integer without fraction or exponent");
        h.assertRejected(ok.replace("\"id\":1", "\"id\":\"7a\""), "data.id: expected a number in a string");
        h.assertRejected(
                ok.replace("\"ts\":" + MILLIS, "\"ts\":null"),
                "data.ts: expected a time: a number, a numeric string or an ISO-8601 string, found null");
        h.assertRejected(
                "{\"sym\":\"X\",\"data\":\"oops\"}",
                "data: expected an object or an array on the mapped path, found a string");
        h.assertRejected(
                "{\"sym\":\"X\",\"data\":[1,2]}",
                "data: expected an object for each trade of the array, found a number");
    }

    @Test
    void valuesOutOfRangeAreCountedRejections() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "seq=i", "time=t", "price=p", "size=q");
        String ok = "{\"s\":\"X\",\"i\":1,\"t\":" + MILLIS + ",\"p\":1,\"q\":1}";
        h.one(ok);
        h.assertRejected(ok.replace("\"p\":1", "\"p\":0"), "p: must be finite and > 0");
        h.assertRejected(ok.replace("\"p\":1", "\"p\":\"-2\""), "p: must be finite and > 0");
        h.assertRejected(ok.replace("\"p\":1", "\"p\":1e400"), "p: must be finite and > 0");
        h.assertRejected(ok.replace("\"q\":1", "\"q\":-1"), "q: must be finite and >= 0");
        h.assertRejected(ok.replace("\"i\":1", "\"i\":-1"), "i: must be an integer from 0 to 2^63-1");
        h.assertRejected(ok.replace("\"s\":\"X\"", "\"s\":\"\""), "s: must not be empty");
        String timeRange = "t: " + MappedJsonDecoder.TIME_RANGE;
        h.assertRejected(ok.replace(String.valueOf(MILLIS), "50000000000"), timeRange); // seconds in year 3554
        h.assertRejected(ok.replace(String.valueOf(MILLIS), "900000000000"), timeRange); // ms in 1998
        h.assertRejected(ok.replace(String.valueOf(MILLIS), "\"1999-12-31T23:59:59Z\""), timeRange);
        String malformed = "t: expected epoch s, ms, us or ns as a plain decimal (no sign, exponent or leading zero)";
        h.assertRejected(ok.replace(String.valueOf(MILLIS), "1.764e12"), malformed);
        h.assertRejected(ok.replace(String.valueOf(MILLIS), "\"-1764073200\""), malformed);
        h.assertRejected(ok.replace(String.valueOf(MILLIS), "99999999999999999999"), malformed);
        h.assertRejected(
                ok.replace(String.valueOf(MILLIS), "\"2025-13-25T12:20:00Z\""),
                "t: expected an ISO-8601 instant such as 2014-11-07T08:19:27.028459Z");
    }

    @Test
    void structuralProblemsAreCountedRejections() {
        MappedDecoderHarness h = new MappedDecoderHarness("symbol=s", "seq=u", "time=d.t", "price=d.p", "size=d.q");
        String trade = "{\"t\":" + MILLIS + ",\"p\":1,\"q\":1}";
        h.one("{\"s\":\"X\",\"u\":1,\"d\":[" + trade + "]}");
        h.assertRejected(
                "{\"s\":\"X\",\"u\":1,\"d\":[" + trade + "," + trade + "]}", "u: " + MappedJsonDecoder.SEQ_PER_MESSAGE);
        h.assertRejected("{\"s\":\"X\",\"s\":\"Y\",\"u\":1,\"d\":" + trade + "}", "s: duplicate field");
        h.assertRejected(
                "{\"s\":\"X\",\"u\":1,\"d\":[{\"t\":1764073200123,\"p\":1,\"p\":2,\"q\":1}]}", "d.p: duplicate field");
        h.assertRejected("{\"s\":\"X\",\"u\":1,\"d\":" + trade + "} x", "data after the end of the message");
        h.assertRejected("{\"s\":\"X\",\"u\":1,\"d\":" + trade, "message ends inside a value");
        h.assertRejected(
                "{\"s\":\"X\",\"u\":1,\"d\":" + trade + ",\"z\":NaN}",
                "expected a value, found NaN or Infinity, which JSON does not have");
        h.assertRejected(
                "{\"s\":\"X\",\"u\":1,\"d\":" + trade + ",\"pad\":\"" + "x".repeat(70_000) + "\"}",
                "message over 64 KiB");
        MappedDecoderHarness nested = new MappedDecoderHarness("symbol=s", "time=a.b.t", "price=a.b.p", "size=a.q");
        nested.assertRejected(
                "{\"s\":\"X\",\"a\":[{\"q\":1,\"b\":[" + trade + "]}]}", "a.b: " + MappedJsonDecoder.SECOND_ARRAY);
    }

    @Test
    void aLearnedLayoutGivesWhatTheGeneralReadGives() {
        // A flat mapping learns the layout of a message and matches the next ones literally; any other layout,
        // and any bad value, must come out exactly as a first read would have it.
        MappedDecoderHarness h = new MappedDecoderHarness(BINANCE_FIELDS);
        Tick trade = new Tick("BTCUSDT", 12345, MILLIS, 43250.5, 0.0125);
        String reordered = "{ \"T\":1764073200123,\"q\":\"0.0125\",\"s\":\"BTCUSDT\",\"p\":43250.5,\"t\":12345}";
        for (int i = 0; i < 3; i++) {
            assertEquals(trade, h.one(BINANCE_TRADE));
            assertEquals(trade, h.one(reordered));
        }
        String other = BINANCE_TRADE.replace("43250.50", "43251").replace("12345", "12346");
        assertEquals(new Tick("BTCUSDT", 12346, MILLIS, 43251, 0.0125), h.one(other));
        h.assertRejected(BINANCE_TRADE.replace("\"p\":\"43250.50\"", "\"p\":\"0\""), "p: must be finite and > 0");
        h.assertRejected(
                BINANCE_TRADE.replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTCUSDT\",\"s\":\"X\""), "s: duplicate field");
        h.assertRejected(BINANCE_TRADE.replace(",\"q\":\"0.0125\"", ""), "q: missing required field");
        h.assertRejected(BINANCE_TRADE + "}", "data after the end of the message");
        assertEquals(trade, h.one(BINANCE_TRADE));
    }

    @Test
    void aRejectedMessageLeavesTheNextOneIntact() {
        MappedDecoderHarness h = new MappedDecoderHarness(BINANCE_FIELDS);
        h.rejected(BINANCE_TRADE.replace("\"p\":\"43250.50\"", "\"p\":\"oops\""));
        assertEquals(new Tick("BTCUSDT", 12345, MILLIS, 43250.5, 0.0125), h.one(BINANCE_TRADE));
    }
}
