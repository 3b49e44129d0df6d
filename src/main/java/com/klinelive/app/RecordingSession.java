package com.klinelive.app;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.model.Timeframe;
import com.klinelive.recording.AggregatorSink;
import com.klinelive.recording.RecordingPlayer;
import com.klinelive.recording.TradeSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * A tick recording opened in a chart (File, Open recording): its trades played by a {@link RecordingPlayer} straight
 * into candle books of every timeframe, no server in between, with play, pause, speed, step and seek. The player
 * runs on its own thread; each run of trades marks the chart dirty once.
 */
final class RecordingSession implements AutoCloseable {

    private final Path file;
    private final CandleAggregator aggregator = new CandleAggregator(
            EnumSet.allOf(Timeframe.class), CandleAggregator.DEFAULT_CAPACITY, CandleAggregator.DEFAULT_MAX_SYMBOLS);
    private final RecordingPlayer player;

    private RecordingSession(Path file, Consumer<String> changed) throws IOException {
        this.file = file;
        AggregatorSink books = new AggregatorSink(aggregator);
        this.player = RecordingPlayer.open(
                file,
                new TradeSink() {
                    private String last;

                    @Override
                    public void trade(String symbol, long seq, long time, double price, double size) {
                        books.trade(symbol, seq, time, price, size);
                        last = symbol;
                    }

                    @Override
                    public void flush() {
                        if (last != null) {
                            changed.accept(last);
                        }
                    }

                    @Override
                    public void reset() {
                        books.reset();
                        changed.accept("");
                    }
                },
                10);
    }

    /**
     * Opens {@code file}, paused before its first trade. Reads the file through once: call it off the FX thread.
     *
     * @param changed hears the symbol whose candles a run of trades changed (empty: all were cleared), on the
     *                player's thread
     * @throws IOException when it is not a recording or holds no trade
     */
    static RecordingSession open(Path file, Consumer<String> changed) throws IOException {
        return new RecordingSession(file, changed);
    }

    Path file() {
        return file;
    }

    CandleAggregator aggregator() {
        return aggregator;
    }

    RecordingPlayer player() {
        return player;
    }

    @Override
    public void close() {
        player.close();
    }
}
