package com.klinelive.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingPlayerTest {

    private static final long T0 = 1_764_000_000_000L; // a whole minute

    @TempDir
    Path dir;

    @Test
    void playingGivesTheCandlesOfTheRecordedTradesAtTheChosenSpeed() throws Exception {
        List<Tick> ticks = ticks(120); // two minutes, four trades a second
        Path file = record(ticks);
        CandleAggregator aggregator = aggregator();
        try (RecordingPlayer player = RecordingPlayer.open(file, new AggregatorSink(aggregator), 1)) {
            assertEquals(RecordingPlayer.State.PAUSED, player.state());
            assertEquals(java.util.Set.of("BTCUSDT", "ETHUSDT"), player.symbols());
            assertEquals(T0, player.firstTime());
            player.play();
            await("some trades at 1x", () -> player.sent() > 0);
            Thread.sleep(300);
            assertTrue(player.sent() < ticks.size() / 2, "real time: not all at once, " + player.sent());
            player.speed(100);
            await("the end at 100x", () -> player.state() == RecordingPlayer.State.ENDED);
            assertEquals(ticks.size(), player.sent());
            for (String symbol : player.symbols()) {
                assertEquals(
                        candlesOf(ticks, symbol, Long.MAX_VALUE),
                        aggregator.book(symbol).candles(Timeframe.S1, 10_000));
            }
        }
    }

    @Test
    void stepAddsOneWholeCandleAndSeekGoesBothWays() throws Exception {
        List<Tick> ticks = ticks(300); // five minutes
        Path file = record(ticks);
        CandleAggregator aggregator = aggregator();
        try (RecordingPlayer player = RecordingPlayer.open(file, new AggregatorSink(aggregator), 1)) {
            for (int minute = 1; minute <= 3; minute++) {
                player.stepCandle(Timeframe.M1);
                long end = T0 + minute * 60_000L - 1;
                await("step " + minute, () -> player.position() == end);
                assertEquals(RecordingPlayer.State.PAUSED, player.state());
                assertEquals(candlesOf(ticks, "BTCUSDT", end), book(aggregator).candles(Timeframe.S1, 10_000));
                assertEquals(minute, book(aggregator).candles(Timeframe.M1, 100).size());
            }
            long later = T0 + 250_500;
            player.seek(later);
            await("seek forwards", () -> player.position() == later);
            assertEquals(candlesOf(ticks, "BTCUSDT", later), book(aggregator).candles(Timeframe.S1, 10_000));
            long earlier = T0 + 30_250;
            player.seek(earlier);
            await("seek backwards", () -> player.position() == earlier);
            assertEquals(candlesOf(ticks, "BTCUSDT", earlier), book(aggregator).candles(Timeframe.S1, 10_000));
            assertEquals(RecordingPlayer.State.PAUSED, player.state());
            player.seek(T0 + 10 * 60_000L);
            await("seek past the end", () -> player.state() == RecordingPlayer.State.ENDED);
            assertEquals(
                    candlesOf(ticks, "BTCUSDT", Long.MAX_VALUE),
                    book(aggregator).candles(Timeframe.S1, 10_000));
            assertThrows(IllegalArgumentException.class, () -> player.speed(101));
            assertThrows(IllegalArgumentException.class, () -> player.speed(0.5));
        }
    }

    @Test
    void anEmptyRecordingIsAClearError() throws Exception {
        Path file = dir.resolve("empty.klt");
        TickFileWriter.open(file).close();
        java.io.IOException e = assertThrows(
                java.io.IOException.class, () -> RecordingPlayer.open(file, new AggregatorSink(aggregator()), 1));
        assertTrue(e.getMessage().contains("holds no trade"), e.getMessage());
    }

    private static CandleBook book(CandleAggregator aggregator) {
        return aggregator.book("BTCUSDT");
    }

    private static CandleAggregator aggregator() {
        return new CandleAggregator(EnumSet.of(Timeframe.S1, Timeframe.M1), 100_000, 8);
    }

    /** Four trades a second for {@code seconds}, alternating BTCUSDT and ETHUSDT. */
    private static List<Tick> ticks(int seconds) {
        SplittableRandom random = new SplittableRandom(11);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < seconds * 4; i++) {
            String symbol = i % 2 == 0 ? "BTCUSDT" : "ETHUSDT";
            ticks.add(new Tick(symbol, i / 2 + 1, T0 + i * 250L, 100 + random.nextInt(100) / 10.0, 0.5));
        }
        return ticks;
    }

    private Path record(List<Tick> ticks) throws Exception {
        Path file = dir.resolve("rec.klt");
        TickFileTest.record(file, ticks);
        return file;
    }

    private static List<Candle> candlesOf(List<Tick> ticks, String symbol, long upTo) {
        CandleBook book = new CandleBook(symbol, EnumSet.of(Timeframe.S1), 100_000);
        ticks.stream()
                .filter(t -> t.symbol().equals(symbol) && t.time() <= upTo)
                .forEach(book::apply);
        return book.candles(Timeframe.S1, 100_000);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
