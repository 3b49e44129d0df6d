package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldGuessTest {

    @Test
    void leavesAreDottedPathsInDocumentOrder() {
        Map<String, String> leaves = JsonLeaves.of(
                "{\"arg\":{\"instId\":\"BTC-USDT\"},\"data\":[{\"px\":\"42000.1\",\"sz\":\"0.5\",\"ts\":\"1733400000000\",\"tradeId\":\"77\"}]}");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("arg.instId", "BTC-USDT");
        expected.put("data.0.px", "42000.1");
        expected.put("data.0.sz", "0.5");
        expected.put("data.0.ts", "1733400000000");
        expected.put("data.0.tradeId", "77");
        assertEquals(expected, leaves);
        assertEquals(Map.of(), JsonLeaves.of("{not json"));
        assertEquals(Map.of(), JsonLeaves.of("{\"a\":NaN}"));
    }

    @Test
    void commonNamesAreGuessedAndEachPathIsTakenOnce() {
        Map<FieldGuess.Field, String> guess = FieldGuess.guess(
                JsonLeaves.of(
                        "{\"arg\":{\"instId\":\"BTC-USDT\"},\"data\":[{\"px\":\"42000.1\",\"sz\":\"0.5\",\"ts\":\"1733400000000\",\"tradeId\":\"77\"}]}"));

        assertEquals("arg.instId", guess.get(FieldGuess.Field.SYMBOL));
        assertEquals("data.0.px", guess.get(FieldGuess.Field.PRICE));
        assertEquals("data.0.sz", guess.get(FieldGuess.Field.SIZE));
        assertEquals("data.0.ts", guess.get(FieldGuess.Field.TIME));
        assertEquals("data.0.tradeId", guess.get(FieldGuess.Field.SEQ));
    }

    @Test
    void binanceStyleOneLetterNamesDoNotCollide() {
        Map<FieldGuess.Field, String> guess = FieldGuess.guess(
                JsonLeaves.of(
                        "{\"e\":\"trade\",\"E\":1733400000001,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"42000.10\",\"q\":\"0.01\",\"T\":1733400000000}"));

        assertEquals("s", guess.get(FieldGuess.Field.SYMBOL));
        assertEquals("p", guess.get(FieldGuess.Field.PRICE));
        assertEquals("q", guess.get(FieldGuess.Field.SIZE));
        assertEquals("T", guess.get(FieldGuess.Field.TIME), "the trade time, not the event time E");
        assertEquals("t", guess.get(FieldGuess.Field.SEQ), "the trade id");
    }
}
