package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumberParserTest {

    private final JsonNumberParser parser = new JsonNumberParser();

    private double parse(String text) {
        char[] chars = text.toCharArray();
        int end = parser.parseDouble(chars, 0, chars.length);
        assertEquals(chars.length, end, () -> "end of " + text + ", problem " + parser.problem());
        return parser.doubleValue();
    }

    private String problemOfDouble(String text) {
        char[] chars = text.toCharArray();
        int end = parser.parseDouble(chars, 0, chars.length);
        return end == JsonNumberParser.FAILED ? parser.problem() : "stopped at " + end;
    }

    private String problemOfLong(String text) {
        char[] chars = text.toCharArray();
        int end = parser.parseLong(chars, 0, chars.length);
        return end == JsonNumberParser.FAILED ? parser.problem() : "stopped at " + end;
    }

    private static void assertSameDouble(double expected, double actual, String text) {
        assertEquals(
                Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(actual),
                () -> text + ": expected " + expected + " got " + actual);
    }

    @Test
    void javaShortestReprOfRandomDoublesParsesBackToTheSameBits() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(12));
                case 2 -> Math.round(random.nextDouble() * 1e8) / 100.0;
                default -> random.nextInt(1_000_000) / 1e4;
            };
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = Double.toString(value);
            assertSameDouble(value, parse(text), text);
        }
    }

    @Test
    void randomPlainDecimalsMatchDoubleParseDouble() {
        // Around the short path's limits: 18 digits, 2^53, fractions with leading zeros, negative zero.
        Random random = new Random(21);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(4) == 0) {
                sb.append('-');
            }
            int integerDigits = 1 + random.nextInt(20);
            sb.append(integerDigits == 1 ? (char) ('0' + random.nextInt(10)) : (char) ('1' + random.nextInt(9)));
            for (int d = 1; d < integerDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                sb.append('.');
                int zeros = random.nextInt(3) == 0 ? random.nextInt(20) : 0;
                sb.append("0".repeat(zeros));
                for (int d = 1 + random.nextInt(20); d > 0; d--) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
            }
            String text = sb.toString();
            assertSameDouble(Double.parseDouble(text), parse(text), text);
        }
        for (String text : new String[] {
            "9007199254740992",
            "9007199254740993",
            "9007199254740992.5",
            "900719925474099.3",
            "999999999999999999",
            "99999999999999999.9",
            "0.999999999999999999",
            "-0.0",
            "-0",
            "0.000000000000000000",
            "12345678901234567.8"
        }) {
            assertSameDouble(Double.parseDouble(text), parse(text), text);
        }
    }

    @Test
    void hardDecimalStringsMatchDoubleParseDouble() {
        String[] texts = {
            "0.1",
            "0.2",
            "0.3",
            "1e22",
            "1e23",
            "9007199254740993",
            "9007199254740992",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2e-324",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e400",
            "-1e400",
            "1e-400",
            "-0",
            "-0.0",
            "0e999",
            "0.000000000000000000001",
            "43250.50",
            "0.0125",
            "1.5e3",
            "1E+2",
            "1e-22",
            "123456789012345678e-5",
            "99999999999999999999.5",
            "0.30000000000000004",
            "1.00000000000000011102230246251565404236316680908203125",
        };
        for (String text : texts) {
            assertSameDouble(Double.parseDouble(text), parse(text), text);
        }
    }

    @Test
    void numbersOutsideTheStrictGrammarAreRefused() {
        for (String text : new String[] {"", "-", "+1", ".5", "1.", "1e", "1e+", "-.5", "NaN", "-Infinity", "x"}) {
            assertEquals(JsonNumberParser.MALFORMED, problemOfDouble(text), text);
        }
        assertEquals(JsonNumberParser.LEADING_ZERO, problemOfDouble("01"));
        assertEquals(JsonNumberParser.LEADING_ZERO, problemOfDouble("-00.5"));
        assertEquals("stopped at 1", problemOfDouble("0x1F"));
    }

    @Test
    void skippingANumberEndsWhereParsingItEndsAndFailsForTheSameReason() {
        Random random = new Random(11);
        String alphabet = "0123456789-+.eE x";
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(
                "",
                "-",
                "+1",
                ".5",
                "1.",
                "1e",
                "1e+",
                "-.5",
                "NaN",
                "01",
                "-00.5",
                "0x1F",
                "0",
                "-0",
                "0.0",
                "1764073200125",
                "43250.50",
                "1.5e-3",
                "1E+22",
                "123456789012345678901234567890",
                "0.000"));
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        JsonNumberParser skipper = new JsonNumberParser();
        for (String text : texts) {
            char[] chars = text.toCharArray();
            int parsedEnd = parser.parseDouble(chars, 0, chars.length);
            int skippedEnd = skipper.skip(chars, 0, chars.length);
            assertEquals(parsedEnd, skippedEnd, text);
            if (parsedEnd == JsonNumberParser.FAILED) {
                assertEquals(parser.problem(), skipper.problem(), text);
            }
        }
    }

    @Test
    void randomIntegersOfEveryLengthMatchLongParseLong() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            // Every length from 1 to 19 digits, odd and even, signed, followed by what ends a JSON number.
            int length = 1 + i % 19;
            long bound = length == 19 ? Long.MAX_VALUE : (long) Math.pow(10, length);
            long value = length == 1
                    ? random.nextInt(10)
                    : bound / 10 + Math.floorMod(random.nextLong(), bound - bound / 10);
            String number = (random.nextBoolean() ? "-" : "") + value;
            char[] text = (number + ",").toCharArray();
            assertEquals(number.length(), parser.parseLong(text, 0, text.length), number);
            assertEquals(Long.parseLong(number), parser.longValue(), number);
        }
    }

    @Test
    void integersAreExactUpToLongMaxAndRefusedBeyond() {
        char[] max = "9223372036854775807".toCharArray();
        assertEquals(max.length, parser.parseLong(max, 0, max.length));
        assertEquals(Long.MAX_VALUE, parser.longValue());
        assertEquals(JsonNumberParser.OUT_OF_RANGE, problemOfLong("9223372036854775808"));
        assertEquals(JsonNumberParser.OUT_OF_RANGE, problemOfLong("99999999999999999999"));
        assertEquals(JsonNumberParser.NOT_INTEGER, problemOfLong("1.0"));
        assertEquals(JsonNumberParser.NOT_INTEGER, problemOfLong("1e3"));
        assertEquals(JsonNumberParser.LEADING_ZERO, problemOfLong("007"));
        assertEquals(JsonNumberParser.MALFORMED, problemOfLong("+7"));
        char[] negative = "-42,".toCharArray();
        assertEquals(3, parser.parseLong(negative, 0, negative.length));
        assertEquals(-42, parser.longValue());
    }
}
