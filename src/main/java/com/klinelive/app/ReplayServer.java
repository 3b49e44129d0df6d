package com.klinelive.app;

import com.klinelive.recording.RecordingPlayer;
import com.klinelive.recording.TradeSink;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimPublisher;
import com.klinelive.sim.SimServer;
import com.klinelive.sim.TickSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A tick recording served as a native feed: the simulator's server (WebSocket, long polling, history, symbols),
 * its ticks played from the recording by a {@link RecordingPlayer} instead of made by the price model. Trades keep
 * their recorded times, so the candles equal those recorded live; they are numbered from 1 per symbol afresh.
 */
final class ReplayServer implements AutoCloseable {

    private final SimServer server;
    private final RecordingPlayer player;

    private ReplayServer(SimServer server, RecordingPlayer player) {
        this.server = server;
        this.player = player;
    }

    /**
     * Opens the recording and starts serving it, paused before its first trade: call {@code player().play()}.
     *
     * @throws IOException              when the recording cannot be read or the port cannot be bound
     * @throws IllegalArgumentException when the recording's symbols cannot be served (the message says why)
     */
    static ReplayServer start(Path file, double speed, String host, int port) throws IOException {
        PlayerSource source = new PlayerSource();
        RecordingPlayer player = RecordingPlayer.open(file, source, speed);
        source.player = player;
        try {
            double seconds = Math.max(1, (player.lastTime() - player.firstTime()) / 1000.0);
            double rate = Math.min(SimOptions.MAX_RATE, player.readEnd().trades() / seconds * speed);
            SimOptions options = SimOptions.defaults()
                    .withHost(host)
                    .withPort(port)
                    .withSymbols(List.copyOf(player.symbols()))
                    .withHistory(Duration.ZERO)
                    .withRate(rate);
            return new ReplayServer(SimServer.start(options, source), player);
        } catch (IOException | RuntimeException e) {
            player.close();
            throw e;
        }
    }

    SimServer server() {
        return server;
    }

    RecordingPlayer player() {
        return player;
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
        player.close();
    }

    /** Hands the player's trades to the simulator's publisher. */
    private static final class PlayerSource implements TickSource, TradeSink {

        private volatile SimPublisher publisher;
        private volatile RecordingPlayer player;

        @Override
        public void start(SimPublisher value) {
            publisher = value;
        }

        @Override
        public void stop() {
            player.close();
        }

        @Override
        public void trade(String symbol, long seq, long time, double price, double size) {
            publisher.add(symbol, time, price, size);
        }

        @Override
        public void flush() {
            publisher.flush();
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a feed cannot take back the trades it published");
        }
    }
}
