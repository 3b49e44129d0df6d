package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feed client against the real simulator on a free port: every path a connection can take, each ending with
 * the client's candles equal to the server's {@code /history}, exactly.
 */
class FeedClientSimulatorTest {

    private static final EnumSet<Timeframe> TIMEFRAMES =
            EnumSet.of(Timeframe.S1, Timeframe.S5, Timeframe.M1, Timeframe.H1);

    /**
     * How long a condition may take at most: generous, as CI machines are loaded; a passing run waits only as long
     * as the condition takes.
     */
    private static final long WAIT = 30_000;

    private SimServer sim;
    /** Every status of the clients made, in order. */
    private final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void webSocketPathBackfillsAndStreamsCandlesEqualToTheServers() throws Exception {
        sim = SimServer.start(simOptions());
        FeedClient client = client(FeedOptions.defaults(sim.uri().toString()));

        waitFor(
                WAIT,
                () -> client.status().state() == FeedState.WEBSOCKET
                        && client.metrics().ticks() > 100,
                () -> client.status() + " " + client.metrics());
        assertEquals(sim.symbols(), client.symbols());
        assertCandlesEqualServer(client);
        assertEquals(0, client.metrics().rejected());
    }

    @Test
    void aRefusedUpgradeFallsBackToLongPollingAtTheFirstRefusal() throws Exception {
        sim = SimServer.start(simOptions().withWebSocket(false));
        FeedClient client = client(FeedOptions.defaults(sim.uri().toString()));

        // Not by waiting out a time-out, nor after reconnects: the refusal (503) itself sends the client to polling.
        waitFor(WAIT, () -> client.status().state() == FeedState.LONG_POLLING, () -> "" + client.status());
        List<FeedState> before = statuses.stream()
                .map(FeedStatus::state)
                .takeWhile(s -> s != FeedState.LONG_POLLING)
                .toList();
        assertFalse(before.contains(FeedState.RECONNECTING), "no reconnect before the fallback: " + statuses);
        String why = statuses.stream()
                .filter(s -> s.transport() == TransportKind.LONG_POLLING)
                .findFirst()
                .orElseThrow()
                .detail();
        assertTrue(why.startsWith("WebSocket unavailable: WebSocket refused") && why.contains("503"), why);
        waitFor(WAIT, () -> client.metrics().ticks() > 100, () -> "" + client.metrics());
        assertEquals(TransportKind.LONG_POLLING, client.metrics().transport());
        assertCandlesEqualServer(client);
    }

    @Test
    void webSocketDroppedAgainAndAgainLosesAndDoublesNothing() throws Exception {
        sim = SimServer.start(simOptions());
        FeedClient client = client(
                FeedOptions.defaults(sim.uri().toString()).withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)));
        waitFor(WAIT, () -> client.status().state() == FeedState.WEBSOCKET, () -> "" + client.status());

        for (int i = 0; i < 5; i++) {
            long before = client.metrics().ticks();
            sim.dropWebSockets();
            waitFor(WAIT, () -> client.metrics().ticks() > before + 20, () -> "" + client.metrics());
        }
        assertTrue(client.metrics().reconnects() >= 5, "" + client.metrics());
        assertCandlesEqualServer(client);
    }

    @Test
    void upgradesBackToWebSocketWhenItReturnsWithoutLosingATick() throws Exception {
        sim = SimServer.start(simOptions());
        TcpProxy proxy = closeLater(new TcpProxy(sim.port()));
        proxy.refuseUpgrades(true);
        List<FeedState> states = new CopyOnWriteArrayList<>();
        FeedClient client = client(
                FeedOptions.defaults(proxy.url()).withBackoff(Duration.ofMillis(100), Duration.ofMillis(1_000)),
                states);
        waitFor(WAIT, () -> client.status().state() == FeedState.LONG_POLLING, () -> "" + client.status());
        waitFor(WAIT, () -> client.metrics().ticks() > 50, () -> "" + client.metrics());

        proxy.refuseUpgrades(false);
        waitFor(WAIT, () -> client.status().state() == FeedState.WEBSOCKET, () -> "" + client.status());

        assertTrue(proxy.upgradesRefused() >= 1);
        assertTrue(states.indexOf(FeedState.LONG_POLLING) < states.lastIndexOf(FeedState.WEBSOCKET), "" + states);
        assertCandlesEqualServer(client);
    }

    @Test
    void serverRestartRebuildsTheCandlesFromTheNewHistory() throws Exception {
        sim = SimServer.start(simOptions());
        FeedClient client = client(
                FeedOptions.defaults(sim.uri().toString()).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        waitFor(WAIT, () -> client.metrics().ticks() > 50, () -> "" + client.metrics());
        String oldEpoch = sim.epoch();

        sim = sim.restart();
        long before = client.metrics().ticks();
        waitFor(
                WAIT,
                () -> client.status().state() == FeedState.WEBSOCKET
                        && client.metrics().ticks() > before + 50,
                () -> client.status() + " " + client.metrics());

        assertTrue(!oldEpoch.equals(sim.epoch()));
        assertCandlesEqualServer(client);
    }

    @Test
    void stalledConnectionIsDetectedByTheWatchdogAndReplaced() throws Exception {
        sim = SimServer.start(simOptions());
        TcpProxy proxy = closeLater(new TcpProxy(sim.port()));
        List<FeedState> states = new CopyOnWriteArrayList<>();
        FeedClient client = client(
                FeedOptions.defaults(proxy.url())
                        .withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(1_500), Duration.ofMillis(3_000))
                        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                states);
        waitFor(
                WAIT,
                () -> client.status().state() == FeedState.WEBSOCKET
                        && client.metrics().ticks() > 20,
                () -> "" + client.status());
        int connectionsBefore = proxy.connections();

        proxy.stall(true);
        // The state history, not the state now: a loaded machine may look only after the watchdog dropped it.
        waitFor(WAIT, () -> states.contains(FeedState.STALE), () -> "" + states);
        proxy.cutAll();
        proxy.stall(false);
        waitFor(
                WAIT,
                () -> client.status().state() == FeedState.WEBSOCKET && proxy.connections() > connectionsBefore,
                () -> "" + client.status());

        assertTrue(states.contains(FeedState.STALE));
        assertCandlesEqualServer(client);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static SimOptions simOptions() {
        return SimOptions.defaults().withPort(0).withSeed(42).withRate(40).withHistory(Duration.ofHours(3));
    }

    private FeedClient client(FeedOptions options) {
        return client(options, new CopyOnWriteArrayList<>());
    }

    private FeedClient client(FeedOptions options, List<FeedState> states) {
        CandleAggregator aggregator = new CandleAggregator(TIMEFRAMES, 100_000, 16);
        FeedClient client = new FeedClient(
                options.withHistory(TIMEFRAMES, 500), aggregator, new WebSocketTransports(), new LongPollTransports());
        client.addListener(new FeedListener() {
            @Override
            public void onStatus(FeedStatus status) {
                states.add(status.state());
                statuses.add(status);
            }
        });
        toClose.add(client);
        client.start();
        return client;
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private void assertCandlesEqualServer(FeedClient client) {
        ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
    }
}
