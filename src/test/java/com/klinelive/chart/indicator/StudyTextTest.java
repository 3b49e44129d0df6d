package com.klinelive.chart.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Studies read from and written to command lines and settings. */
class StudyTextTest {

    @Test
    void parametersLeftOutTakeTheirDefaults() {
        Study macd = StudyText.parse("macd:8");
        assertEquals(List.of(8.0, 26.0, 9.0), macd.parameters());
        assertEquals("MACD 8 26 9", macd.label());
        assertEquals("rsi:14", StudyText.format(StudyText.parse(" RSI ")));
        assertEquals("bollinger:20:2.5", StudyText.format(StudyText.parse("BB:20:2.5")));
    }

    @Test
    void aListRoundTripsWithColoursAndPaneShares() {
        List<Study> studies = List.of(
                StudyText.parse("sma:20").withColours(List.of("#ff9800")),
                StudyText.parse("macd").withPaneShare(0.31),
                StudyText.parse("volume"));
        String text = StudyText.formatList(studies);
        assertEquals(studies, StudyText.parseList(text));
    }

    @Test
    void aSecondOverlayOfOneKindGetsAColourOfItsOwn() {
        List<Study> studies = StudyText.parseList("sma:20,sma:50,bollinger,rsi");
        assertNotEquals(studies.get(0).colours(), studies.get(1).colours());
        // Bollinger keeps one colour for its three lines; RSI in its own pane keeps its own.
        List<String> bands = studies.get(2).colours();
        assertEquals(bands.get(1), bands.get(2));
        assertEquals(bands.get(2), bands.get(3));
        assertEquals(
                Study.defaultColours(Indicators.byId("rsi")), studies.get(3).colours());
    }

    @Test
    void badTextSaysWhatIsWrong() {
        assertTrue(message("foo:3").contains("unknown indicator 'foo'"), message("foo:3"));
        assertTrue(message("rsi:0").contains("length must be a whole number from 1 to 1000, not 0"), message("rsi:0"));
        assertTrue(message("rsi:2.5").contains("whole number"), message("rsi:2.5"));
        assertTrue(message("sma:x").contains("'x' is not a number"), message("sma:x"));
        assertTrue(message("vwap:3").contains("at most 0 parameters"), message("vwap:3"));
        assertTrue(message("rsi|red;|0.2").contains("bad colour"), message("rsi|red;|0.2"));
        assertTrue(message("rsi:14|line-3/line-2").contains("takes 1 colour, not 2"), message("rsi:14|line-3/line-2"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> StudyText.parse(text))
                .getMessage();
    }
}
