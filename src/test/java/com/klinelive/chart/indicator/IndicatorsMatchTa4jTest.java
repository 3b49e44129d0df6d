package com.klinelive.chart.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.model.Candle;
import com.klinelive.model.CandleColumns;
import com.klinelive.model.CandleList;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every indicator equals ta4j's value for the same candles, to a relative error of 1e-9, at every candle where
 * ours has a value (relative to the output's largest magnitude over the series, so that values crossing zero,
 * such as the MACD histogram or a %D of 0, compare by their scale and not by rounding noise around 0); ours has none exactly before its look-back. Checked on history, after live trades change the
 * newest candle and open new ones (the incremental path), and after history replaces the candles.
 */
class IndicatorsMatchTa4jTest {

    private static final double TOLERANCE = 1e-9;
    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L - 1_764_000_000_000L % MINUTE;

    private final Random random = new Random(5);
    private final CandleBook book = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 1_000_000);
    private long seq;
    private long time = T0;
    private double price = 43_000;

    /** Every registered kind, some twice with other parameters. */
    private final List<Study> studies = studies();

    private static List<Study> studies() {
        List<Study> all = new ArrayList<>();
        for (Indicator indicator : Indicators.ALL) {
            all.add(Study.of(indicator));
        }
        all.add(StudyText.parse("sma:50"));
        all.add(StudyText.parse("ema:9"));
        all.add(StudyText.parse("bollinger:10:2.5"));
        all.add(StudyText.parse("rsi:7"));
        all.add(StudyText.parse("macd:5:35:5"));
        all.add(StudyText.parse("stochastic:5:1"));
        all.add(StudyText.parse("atr:1"));
        return all;
    }

    @Test
    void everyIndicatorEqualsTa4jOnHistoryLiveTicksAndAHistoryLoad() {
        // Over two UTC days of minutes, so VWAP starts again.
        trades(2 * 1_440 + 300, 3);
        List<StudySeries> values = new ArrayList<>();
        for (Study study : studies) {
            values.add(StudySeries.of(study));
        }
        assertAllMatch(values, "history");

        for (int round = 0; round < 30; round++) {
            // Trades inside the newest candle: only its values may change.
            for (int k = 0; k < 3; k++) {
                trade(time, price * (1 + random.nextGaussian() * 0.002), random.nextDouble());
                time += 1_000;
            }
            int computed = sync(values);
            assertTrue(computed <= 2 * values.size(), "a live trade computes the newest candle only: " + computed);
            if (round % 6 == 5) {
                assertAllMatch(values, "live trade " + round);
            }
            if (round % 5 == 4) {
                time += MINUTE;
            }
        }

        List<Candle> history = book.candles(Timeframe.M1, Integer.MAX_VALUE);
        List<Candle> repaired = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Candle c = history.get(i);
            // A history load that changes candles far back, as a gap repair would.
            repaired.add(
                    i % 97 == 0
                            ? new Candle(
                                    c.time(),
                                    c.open(),
                                    c.high() * 1.01,
                                    c.low(),
                                    c.high() * 1.005,
                                    c.volume() * 3,
                                    c.trades())
                            : c);
        }
        book.loadHistory(List.of(new History(Timeframe.M1, repaired.subList(100, repaired.size()), seq)));
        assertAllMatch(values, "history load");
    }

    @Test
    void everyIndicatorEqualsTa4jAfterOlderPagesArePutInFront() {
        trades(2 * 1_440 + 300, 3);
        List<Candle> all = book.candles(Timeframe.M1, Integer.MAX_VALUE);
        CandleBook scrolled = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 1_000_000);
        int oldest = all.size() - 700;
        scrolled.loadHistory(List.of(new History(Timeframe.M1, all.subList(oldest, all.size()), seq)));
        List<StudySeries> values = new ArrayList<>();
        for (Study study : studies) {
            values.add(StudySeries.of(study));
        }
        assertAllMatch(scrolled, values, "the newest page");
        while (oldest > 0) {
            int from = Math.max(0, oldest - 1_000);
            scrolled.prepend(Timeframe.M1, all.get(oldest).time(), new CandleList(all.subList(from, oldest)));
            oldest = from;
            // A live trade in the newest candle between pages: the values follow both.
            scrolled.apply(seq++, time - 1, price * 1.001, 0.5);
            assertAllMatch(scrolled, values, "pages from " + from);
        }
        assertEquals(all.size(), scrolled.read(Timeframe.M1, CandleColumns::size));
    }

    @Test
    void valuesFollowAFullSeriesThatDropsItsOldestCandles() {
        CandleBook small = new CandleBook("BTCUSDT", EnumSet.of(Timeframe.M1), 500);
        List<StudySeries> values = new ArrayList<>();
        for (Study study : studies) {
            values.add(StudySeries.of(study));
        }
        long t = T0;
        small.read(Timeframe.M1, c -> sync(values, c));
        for (int i = 0; i < 3_000; i++) {
            small.apply(seq++, t, price *= 1 + random.nextGaussian() * 0.003, 1 + random.nextDouble());
            t += 20_000;
            if (i % 7 == 0) {
                int computed = small.read(Timeframe.M1, c -> sync(values, c));
                // 140 s of trades: at most four candles each, kept rather than computed again as candles drop.
                assertTrue(computed <= 4 * values.size(), "computed " + computed + " at trade " + i);
            }
        }
        // The oldest were dropped after their values were computed: ta4j over the candles held sees a shorter
        // history, so compare where its start weighs under a millionth (the last 200 candles). A value kept one
        // candle off would be off by a candle's move, far more.
        small.read(Timeframe.M1, c -> {
            sync(values, c);
            assertEquals(500, c.size());
            Ta4jReference reference = new Ta4jReference(c, MINUTE);
            for (int s = 0; s < studies.size(); s++) {
                StudySeries series = values.get(s);
                assertEquals(c.size(), series.size());
                if (studies.get(s).indicator() instanceof Obv) {
                    continue; // a running total: its level depends on the whole history, only the steps match
                }
                for (int o = 0; o < studies.get(s).indicator().outputs().size(); o++) {
                    IntToDoubleFunction expected = reference.values(studies.get(s), o);
                    double scale = 0;
                    for (int i = 300; i < c.size(); i++) {
                        scale = Math.max(scale, Math.abs(expected.applyAsDouble(i)));
                    }
                    for (int i = 300; i < c.size(); i++) {
                        boolean dayStartedBeforeTheHeldCandles =
                                Math.floorDiv(c.time(i), 86_400_000L) == Math.floorDiv(c.time(0), 86_400_000L);
                        if (studies.get(s).indicator() instanceof Vwap && dayStartedBeforeTheHeldCandles) {
                            continue;
                        }
                        double e = expected.applyAsDouble(i);
                        assertClose(
                                e,
                                series.value(o, i),
                                1e-6 * scale,
                                studies.get(s).label() + " " + i);
                    }
                }
            }
            return null;
        });
    }

    private void assertAllMatch(List<StudySeries> values, String when) {
        assertAllMatch(book, values, when);
    }

    private void assertAllMatch(CandleBook of, List<StudySeries> values, String when) {
        of.read(Timeframe.M1, candles -> {
            sync(values, candles);
            Ta4jReference reference = new Ta4jReference(candles, MINUTE);
            for (int s = 0; s < studies.size(); s++) {
                assertMatches(studies.get(s), values.get(s), candles, reference, when);
            }
            return null;
        });
    }

    private static void assertMatches(
            Study study, StudySeries values, CandleColumns candles, Ta4jReference reference, String when) {
        int lookBack = study.indicator().lookBack(study.parameterArray());
        assertEquals(candles.size(), values.size(), study.label());
        for (int o = 0; o < study.indicator().outputs().size(); o++) {
            IntToDoubleFunction expected = reference.values(study, o);
            double scale = 0;
            for (int i = 0; i < candles.size(); i++) {
                double e = expected.applyAsDouble(i);
                scale = Double.isFinite(e) ? Math.max(scale, Math.abs(e)) : scale;
            }
            int firstValue = -1;
            for (int i = 0; i < candles.size(); i++) {
                double ours = values.value(o, i);
                if (Double.isNaN(ours)) {
                    if (firstValue >= 0) {
                        fail(study.label() + " " + o + ": no value at " + i + " after values (" + when + ")");
                    }
                    continue;
                }
                if (firstValue < 0) {
                    firstValue = i;
                }
                assertClose(
                        expected.applyAsDouble(i),
                        ours,
                        TOLERANCE * scale,
                        study.label() + " output " + o + " at " + i + " (" + when + ")");
            }
            // Every output shows from its own first value; the last-starting one starts at the look-back.
            assertTrue(firstValue >= 0 && firstValue <= lookBack - 1, study.label() + " first value " + firstValue);
        }
        int last = lookBack - 1;
        boolean someOutputStartsThere = false;
        for (int o = 0; o < study.indicator().outputs().size(); o++) {
            someOutputStartsThere |=
                    !Double.isNaN(values.value(o, last)) && (last == 0 || Double.isNaN(values.value(o, last - 1)));
        }
        assertTrue(someOutputStartsThere, study.label() + ": an output starts at the look-back " + lookBack);
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + ": ta4j " + expected + ", ours " + actual);
        }
    }

    private int sync(List<StudySeries> values) {
        return book.read(Timeframe.M1, c -> sync(values, c));
    }

    private static int sync(List<StudySeries> values, CandleColumns candles) {
        int computed = 0;
        for (StudySeries series : values) {
            computed += series.sync(candles, "BTCUSDT/1m");
        }
        return computed;
    }

    /** Random trades over {@code candles} minutes, {@code perCandle} a minute. */
    private void trades(int candles, int perCandle) {
        for (int m = 0; m < candles; m++) {
            for (int k = 0; k < perCandle; k++) {
                double step = random.nextGaussian() * 0.003;
                trade(time + k * (MINUTE / perCandle), price * (1 + step), 0.1 + random.nextDouble() * 2);
            }
            time += MINUTE;
        }
    }

    private void trade(long at, double tradePrice, double size) {
        price = tradePrice;
        book.apply(seq++, at, tradePrice, size);
    }
}
