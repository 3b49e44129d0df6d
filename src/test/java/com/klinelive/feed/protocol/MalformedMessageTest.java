package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken input: each message is rejected, counted, and delivers nothing. */
class MalformedMessageTest {

    private static final String HEAD = "{\"type\":\"tick\",\"symbol\":\"BTCUSDT\",\"seq\":1042,\"time\":1764073200123,";

    private static String tick(String priceAndSize) {
        return HEAD + priceAndSize + "}";
    }

    static Stream<Arguments> nativeCorpus() {
        return Stream.of(
                Arguments.of("NaN price", tick("\"price\":NaN,\"size\":1"), "price: expected a number"),
                Arguments.of("Infinity price", tick("\"price\":Infinity,\"size\":1"), "price: expected a number"),
                Arguments.of("-Infinity price", tick("\"price\":-Infinity,\"size\":1"), "price: malformed number"),
                Arguments.of("overflowing price", tick("\"price\":1e400,\"size\":1"), "price: must be finite"),
                Arguments.of("overflowing size", tick("\"price\":1,\"size\":1e400"), "size: must be finite"),
                Arguments.of("negative size", tick("\"price\":1,\"size\":-0.5"), "size: must be finite and >= 0"),
                Arguments.of("zero price", tick("\"price\":0,\"size\":1"), "price: must be finite and > 0"),
                Arguments.of("negative price", tick("\"price\":-3.5,\"size\":1"), "price: must be finite and > 0"),
                Arguments.of("missing price", tick("\"size\":1"), "price: missing required field"),
                Arguments.of(
                        "missing symbol",
                        "{\"type\":\"tick\",\"seq\":1,\"time\":1764073200123,\"price\":1," + "\"size\":1}",
                        "symbol: missing required field"),
                Arguments.of("missing type", "{\"symbol\":\"X\",\"seq\":1}", "type: missing required field"),
                Arguments.of(
                        "price as string",
                        tick("\"price\":\"1.5\",\"size\":1"),
                        "price: expected a number, found a string"),
                Arguments.of(
                        "price as object",
                        tick("\"price\":{},\"size\":1"),
                        "price: expected a number, found an object"),
                Arguments.of(
                        "price as boolean",
                        tick("\"price\":true,\"size\":1"),
                        "price: expected a number, found a boolean"),
                Arguments.of(
                        "price as null", tick("\"price\":null,\"size\":1"), "price: expected a number, found null"),
                Arguments.of(
                        "escape with non-ASCII hex digits",
                        "{\"type\":\"error\",\"message\":\"\\u12\u0663\u0663\"}",
                        "invalid escape"),
                Arguments.of("symbol as number", "{\"type\":\"tick\",\"symbol\":5}", "symbol: expected a string"),
                Arguments.of("type as number", "{\"type\":1}", "type: expected a string"),
                Arguments.of(
                        "duplicate price with conflicting types",
                        tick("\"price\":1,\"size\":1,\"price\":\"2\""),
                        "price: duplicate field"),
                Arguments.of(
                        "duplicate type", tick("\"price\":1,\"size\":1,\"type\":\"hello\""), "type: duplicate field"),
                Arguments.of("empty symbol", "{\"type\":\"tick\",\"symbol\":\"\"}", "symbol: must not be empty"),
                Arguments.of(
                        "long symbol",
                        "{\"type\":\"tick\",\"symbol\":\"" + "A".repeat(65) + "\"}",
                        "symbol: must be at most 64 characters"),
                Arguments.of(
                        "control character in symbol",
                        "{\"type\":\"tick\",\"symbol\":\"A\\u0000B\"}",
                        "symbol: must not contain control characters"),
                Arguments.of("unquoted key", "{type:\"tick\"}", "expected a field name in double quotes"),
                Arguments.of("single quotes", "{'type':'tick'}", "found a single quote"),
                Arguments.of("trailing garbage", tick("\"price\":1,\"size\":1") + "x", "data after the end"),
                Arguments.of("second value", tick("\"price\":1,\"size\":1") + "{}", "data after the end"),
                Arguments.of("trailing comma in object", tick("\"price\":1,\"size\":1,"), "trailing comma"),
                Arguments.of(
                        "trailing comma in array",
                        "{\"type\":\"ticks\",\"symbol\":\"X\",\"ticks\":[[1," + "1764073200123,1,1],]}",
                        "trailing comma"),
                Arguments.of("missing comma", "{\"type\":\"heartbeat\" \"time\":1764073200123}", "expected ',' or '}'"),
                Arguments.of("missing colon", "{\"type\" \"heartbeat\"}", "expected ':'"),
                Arguments.of(
                        "unterminated object",
                        "{\"type\":\"heartbeat\",\"time\":1764073200123",
                        "message ends inside a value"),
                Arguments.of("unterminated string", "{\"type\":\"heartbe", "unterminated string"),
                Arguments.of(
                        "deep nesting",
                        "{\"type\":\"tick\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                        "nesting deeper than 32 levels"),
                Arguments.of("deep nesting at top", "[".repeat(10_000), "expected an object"),
                Arguments.of("empty string", "", "expected an object, found end of message"),
                Arguments.of("whitespace only", " \n\t\r ", "expected an object, found end of message"),
                Arguments.of("null message", null, "no message"),
                Arguments.of("top-level array", "[1,2]", "expected an object, found an array"),
                Arguments.of("NUL characters", "\u0000\u0000{}", "expected an object, found an unexpected"),
                Arguments.of("invalid escape", "{\"type\":\"error\",\"message\":\"a\\qb\"}", "invalid escape"),
                Arguments.of("short unicode escape", "{\"type\":\"error\",\"message\":\"a\\u12\"}", "invalid escape"),
                Arguments.of(
                        "non-hex unicode escape", "{\"type\":\"error\",\"message\":\"\\u12G4\"}", "invalid escape"),
                Arguments.of(
                        "raw newline in string",
                        "{\"type\":\"error\",\"message\":\"a\nb\"}",
                        "unescaped control character"),
                Arguments.of(
                        "seq of 2^63", "{\"type\":\"tick\",\"seq\":9223372036854775808}", "seq: integer out of range"),
                Arguments.of(
                        "huge seq",
                        "{\"type\":\"tick\",\"seq\":123456789012345678901234567890}",
                        "seq: integer out of range"),
                Arguments.of("negative seq", "{\"type\":\"tick\",\"seq\":-1}", "seq: must be an integer from 0"),
                Arguments.of("fractional seq", "{\"type\":\"tick\",\"seq\":1.5}", "seq: expected an integer"),
                Arguments.of("seq with exponent", "{\"type\":\"tick\",\"seq\":1e3}", "seq: expected an integer"),
                Arguments.of("seq with leading zero", "{\"type\":\"tick\",\"seq\":012}", "leading zero"),
                Arguments.of("seq with plus", "{\"type\":\"tick\",\"seq\":+12}", "seq: expected a number"),
                Arguments.of("hex seq", "{\"type\":\"tick\",\"seq\":0x1F}", "expected ',' or '}'"),
                Arguments.of("bare fraction", tick("\"price\":.5,\"size\":1"), "price: expected a number"),
                Arguments.of("dangling dot", tick("\"price\":5.,\"size\":1"), "price: malformed number"),
                Arguments.of("dangling exponent", tick("\"price\":5e,\"size\":1"), "price: malformed number"),
                Arguments.of("time before 2000", "{\"type\":\"tick\",\"time\":946684799999}", "time: must be epoch"),
                Arguments.of("time from 2100", "{\"type\":\"tick\",\"time\":4102444800000}", "time: must be epoch"),
                Arguments.of("time in seconds", "{\"type\":\"heartbeat\",\"time\":1764073200}", "time: must be epoch"),
                Arguments.of(
                        "batch whose last element is bad",
                        "{\"type\":\"ticks\",\"symbol\":\"X\",\"ticks\":"
                                + "[[1,1764073200123,1,1],[2,1764073200124,1,1],[3,1764073200125,0,1]]}",
                        "ticks[].price: must be finite and > 0"),
                Arguments.of(
                        "batch element too short",
                        "{\"type\":\"ticks\",\"symbol\":\"X\",\"ticks\":"
                                + "[[1,1764073200123,1,1],[2,1764073200124,1]]}",
                        "each element must be"),
                Arguments.of(
                        "batch element too long",
                        "{\"type\":\"ticks\",\"symbol\":\"X\",\"ticks\":" + "[[1,1764073200123,1,1,5]]}",
                        "each element must be"),
                Arguments.of(
                        "batch element as object",
                        "{\"type\":\"ticks\",\"symbol\":\"X\",\"ticks\":" + "[{\"seq\":1}]}",
                        "ticks: expected an array, found an object"),
                Arguments.of("batch without symbol", "{\"type\":\"ticks\",\"ticks\":[]}", "symbol: missing"),
                Arguments.of(
                        "hello with bad symbol",
                        "{\"type\":\"hello\",\"server\":\"s\",\"epoch\":\"e\","
                                + "\"symbols\":[\"A\",\"\"],\"time\":1764073200000}",
                        "symbols[]: must not be empty"),
                Arguments.of(
                        "hello without epoch",
                        "{\"type\":\"hello\",\"server\":\"s\",\"symbols\":[]," + "\"time\":1764073200000}",
                        "epoch: missing"),
                Arguments.of(
                        "reset with negative seq",
                        "{\"type\":\"reset\",\"symbol\":\"X\",\"seq\":-5," + "\"reason\":\"r\"}",
                        "seq: must be an integer"),
                Arguments.of("error without message", "{\"type\":\"error\"}", "message: missing"),
                Arguments.of(
                        "65 KiB message", HEAD + "\"pad\":\"" + "x".repeat(65 * 1024) + "\"}", "message over 64 KiB"),
                Arguments.of(
                        "64 KiB of three-byte characters",
                        HEAD + "\"pad\":\"" + "\u20ac".repeat(22_000) + "\"}",
                        "message over 64 KiB"),
                Arguments.of("misspelled literal", tick("\"price\":1,\"size\":1,\"m\":tru"), "expected a value"),
                Arguments.of("literal with suffix", tick("\"price\":1,\"size\":1,\"m\":nullx"), "expected ',' or '}'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeCorpus")
    void nativeMessageIsRejectedCountedAndDeliversNothing(String name, String message, String reasonPart) {
        String reason = new DecoderHarness("native").rejected(message);
        assertTrue(reason.contains(reasonPart), () -> "reason \"" + reason + "\" should contain \"" + reasonPart + '"');
    }

    @Test
    void messageOfExactly64KiBIsNotRejectedForItsSize() {
        String head = "{\"type\":\"heartbeat\",\"time\":1764073205000,\"pad\":\"";
        String message = head + "x".repeat(64 * 1024 - head.length() - 2) + "\"}";
        assertEquals(64 * 1024, message.length());
        new DecoderHarness("native").delivered(message);
    }

    @Test
    void randomBinaryGarbageIsRejectedInEveryFormat() {
        Random random = new Random(42);
        for (String format : List.of("native", "binance", "coinbase")) {
            DecoderHarness harness = new DecoderHarness(format);
            for (int i = 0; i < 2_000; i++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                harness.rejected(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void loneSurrogatesDoNotCrashTheDecoder() {
        DecoderHarness harness = new DecoderHarness("native");
        RecordingSink sink = harness.delivered("{\"type\":\"error\",\"message\":\"\\ud800 \ud800 \\udc00\"}");
        assertEquals(new ControlMessage.FeedError("\ud800 \ud800 \udc00"), sink.only());
        harness.delivered(tick("\"price\":1,\"size\":1").replace("BTCUSDT", "BTC\ud800"));
    }

    @Test
    void rejectionsAreCountedOncePerMessage() {
        DecoderHarness harness = new DecoderHarness("native");
        for (int i = 0; i < 10; i++) {
            harness.rejected("{\"type\":\"tick\"}");
        }
        assertEquals(10, harness.rejections.count());
    }
}
