package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.peer.ExchangePeer;
import com.klinelive.feed.format.peer.PeerTruth;
import com.klinelive.feed.format.peer.TradeTape;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The real {@link FeedClient}, as the viewer and {@code record} make it (the real WebSocket transport, the format
 * named or recognised, {@code --rest-url} at the peer), against a scripted exchange peer on loopback, its WebSocket
 * through a {@link TcpProxy} that can stall it; with the statuses it published and the comparison of its candles
 * with the peer's truth.
 */
final class PeerSession implements AutoCloseable {

    final PeerExchange exchange;
    final TradeTape tape;
    final ExchangePeer peer;
    /** Between the client and the peer's WebSocket, to stall or cut; REST goes to the peer directly. */
    final TcpProxy proxy;

    final FeedClient client;
    final Set<Timeframe> timeframes;
    final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();

    private PeerSession(
            PeerExchange exchange,
            TradeTape tape,
            Set<Timeframe> timeframes,
            boolean named,
            Consumer<ExchangePeer> arm,
            UnaryOperator<FeedOptions> tune)
            throws Exception {
        this.exchange = exchange;
        this.tape = tape;
        this.timeframes = timeframes;
        this.peer = ExchangePeer.start(exchange.dialect().get(), tape, arm);
        this.proxy = new TcpProxy(peer.httpUri().getPort());
        FeedOptions options = FeedOptions.defaults("ws://127.0.0.1:" + proxy.port() + exchange.path())
                .withFormatSettings(new FormatSettings(peer.httpUri(), null, Map.of(), null))
                .withSymbols(List.of(exchange.symbol()))
                .withHistory(timeframes, 20)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        if (named) {
            options = options.withFormat(
                    FormatRegistry.installed().named(exchange.format()).orElseThrow());
        }
        this.client = new FeedClient(
                tune.apply(options),
                new CandleAggregator(EnumSet.copyOf(timeframes), 100_000, 16),
                new WebSocketTransports(),
                new LongPollTransports());
        client.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                statuses.add(status);
            }
        });
    }

    /** A peer of {@code exchange} serving {@code tape}, and a client of it with the format named, started. */
    static PeerSession start(PeerExchange exchange, TradeTape tape, Set<Timeframe> timeframes) throws Exception {
        return start(exchange, tape, timeframes, true, peer -> {});
    }

    /**
     * A peer of {@code exchange} serving {@code tape}, its hooks set by {@code arm} before it publishes, and a
     * client of it, started; with {@code named} false the client recognises the format itself.
     */
    static PeerSession start(
            PeerExchange exchange, TradeTape tape, Set<Timeframe> timeframes, boolean named, Consumer<ExchangePeer> arm)
            throws Exception {
        return start(exchange, tape, timeframes, named, arm, options -> options);
    }

    /** The same, with the client's options changed by {@code tune}. */
    static PeerSession start(
            PeerExchange exchange,
            TradeTape tape,
            Set<Timeframe> timeframes,
            boolean named,
            Consumer<ExchangePeer> arm,
            UnaryOperator<FeedOptions> tune)
            throws Exception {
        PeerSession session = new PeerSession(exchange, tape, timeframes, named, arm, tune);
        session.client.start();
        return session;
    }

    /** The id of the trade {@code fromEnd} places before the tape's last (0: the last). */
    long idFromEnd(int fromEnd) {
        return tape.trades().get(tape.trades().size() - 1 - fromEnd).id();
    }

    /** The first trade of the tape after {@code millis} (a wall-clock time). */
    TradeTape.Trade tradeAfter(long millis) {
        return tape.trades().stream()
                .filter(t -> t.time() > millis)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the tape ended before " + millis));
    }

    /** Waits until the client is connected and its candles are live (the backfill is in). */
    void awaitLive(long millis) {
        waitFor(
                millis,
                () -> book() != null
                        && book().lastSeq() >= 0
                        && client.status().state() == FeedState.WEBSOCKET
                        && client.status().sync() == SyncState.LIVE,
                () -> client.status() + " " + client.metrics());
    }

    /** The wall-clock time of the tape's trade {@code fromEnd} places before its last. */
    long timeFromEnd(int fromEnd) {
        return tape.trades().get(tape.trades().size() - 1 - fromEnd).time();
    }

    /** Waits until the wall clock reaches {@code millis} (a tape time); condition-free pacing of the script. */
    static void waitUntil(long millis) throws InterruptedException {
        long left;
        while ((left = millis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(left, 50));
        }
    }

    CandleBook book() {
        return client.book(exchange.symbol());
    }

    /**
     * Ends the tape once the trades up to {@code millis} (a wall-clock time) are published, then waits until the
     * client holds the last one with nothing left to repair.
     */
    void endTapeAt(long millis, long waitMillis) throws InterruptedException {
        waitUntil(millis);
        peer.stopPublishing();
        awaitAllHeld(waitMillis);
    }

    /** Waits until the client holds the last trade published with nothing left to repair. */
    void awaitAllHeld(long millis) {
        List<com.klinelive.model.Tick> published = peer.publishedTicks();
        long lastId = published.get(published.size() - 1).seq();
        waitFor(
                millis,
                () -> book() != null
                        && book().lastSeq() >= lastId
                        && client.status().sync() != SyncState.REPAIRING
                        && client.status().sync() != SyncState.BACKFILLING,
                () -> "client at " + (book() == null ? -1 : book().lastSeq()) + " of " + lastId + "; " + client.status()
                        + " " + client.metrics());
    }

    /** Waits until the tape is over and the client holds its last trade with nothing left to repair. */
    void awaitTapeHeld(long millis) {
        waitFor(millis, () -> peer.publishedTicks().size() == tape.trades().size(), () -> "the tape goes on");
        awaitAllHeld(millis);
    }

    /** Every candle the client holds in each timeframe equals the peer's (OHLCV only where REST has no counts). */
    void assertCandlesEqualTruth() {
        for (Timeframe tf : timeframes) {
            List<Candle> mine = book().candles(tf, Integer.MAX_VALUE);
            List<Candle> truth = peer.truth(tf);
            if (exchange.counts()) {
                assertEquals(truth, mine, exchange + " " + tf.label());
            } else {
                assertEquals(
                        PeerTruth.withoutCounts(truth), PeerTruth.withoutCounts(mine), exchange + " " + tf.label());
            }
        }
    }

    /** Whether the client published a status with {@code sync}. */
    boolean saw(SyncState sync) {
        return statuses.stream().anyMatch(s -> s.sync() == sync);
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.close();
        peer.close();
    }
}
