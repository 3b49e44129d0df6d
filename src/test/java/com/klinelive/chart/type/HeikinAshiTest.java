package com.klinelive.chart.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.indicator.StudySeries;
import com.klinelive.model.Timeframe;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Heikin-Ashi candles from the feed's, kept up to date as trades change the newest. */
class HeikinAshiTest {

    private final CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 10_000);
    private final StudySeries ha = new StudySeries(4, new HeikinAshi().candles());
    private final Random random = new Random(9);
    private long seq;
    private double price = 100;

    @Test
    void everyCandleFollowsTheDefinitionAlsoAfterLiveTrades() {
        for (int i = 0; i < 3_000; i++) {
            trade(i * 15_000L);
        }
        assertMatchesDefinition();
        for (int i = 0; i < 50; i++) {
            trade(3_000 * 15_000L + i * 5_000L);
            assertMatchesDefinition();
        }
    }

    @Test
    void chartTypesAreFoundByIdAndAnUnknownOneIsNamed() {
        assertEquals("heikin-ashi", ChartTypes.byId("Heikin-Ashi").id());
        String message = assertThrows(IllegalArgumentException.class, () -> ChartTypes.byId("renko"))
                .getMessage();
        assertEquals("unknown chart type 'renko' (use candles, hollow, ohlc, line, area, heikin-ashi)", message);
    }

    private void trade(long time) {
        price *= 1 + random.nextGaussian() * 0.004;
        book.apply(seq++, time, price, 1);
    }

    private void assertMatchesDefinition() {
        book.read(Timeframe.M1, candles -> {
            ha.sync(candles, "BTCUSDT/1m");
            double open = Double.NaN;
            double close = Double.NaN;
            for (int i = 0; i < candles.size(); i++) {
                double haClose = (candles.open(i) + candles.high(i) + candles.low(i) + candles.close(i)) / 4;
                double haOpen = i == 0 ? (candles.open(i) + candles.close(i)) / 2 : (open + close) / 2;
                assertEquals(haOpen, ha.value(0, i), 1e-9, "open " + i);
                assertEquals(Math.max(candles.high(i), Math.max(haOpen, haClose)), ha.value(1, i), 1e-9);
                assertEquals(Math.min(candles.low(i), Math.min(haOpen, haClose)), ha.value(2, i), 1e-9);
                assertEquals(haClose, ha.value(3, i), 1e-9, "close " + i);
                open = haOpen;
                close = haClose;
            }
            return null;
        });
    }
}
