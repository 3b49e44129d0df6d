package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.FeedState;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions shared by feed against the real simulator: one connection however many charts show it. */
class FeedSessionsTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private SimServer sim;
    private SimServer other;
    private final FeedSessions<String> sessions =
            new FeedSessions<>(url -> FeedSession.open(url, null, List.of()), background);

    @AfterEach
    void close() throws Exception {
        sessions.close();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        for (SimServer s : new SimServer[] {sim, other}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static SimOptions options() {
        return SimOptions.defaults().withPort(0).withRate(50).withHistory(Duration.ofHours(1));
    }

    @Test
    void fourChartsOnOneFeedShareOneConnectionUntilTheLastLetsGo() throws Exception {
        sim = SimServer.start(options());
        String url = sim.uri().toString();
        List<FeedSessions<String>.Lease> leases =
                List.of(sessions.acquire(url), sessions.acquire(url), sessions.acquire(url), sessions.acquire(url));
        FeedSession session = leases.get(0).session().get(10, TimeUnit.SECONDS);
        for (FeedSessions<String>.Lease lease : leases) {
            assertSame(session, lease.session().get(10, TimeUnit.SECONDS));
        }
        waitFor(() -> session.client().status().state() == FeedState.WEBSOCKET);
        assertEquals(1, sim.stats().webSocketsOpened());
        assertEquals(1, sessions.size());

        for (int i = 0; i < 3; i++) {
            leases.get(i).close();
            leases.get(i).close();
        }
        assertEquals(FeedState.WEBSOCKET, session.client().status().state(), "one chart still shows it");

        leases.get(3).close();
        waitFor(() -> session.client().status().state() == FeedState.STOPPED);
        assertEquals(0, sessions.size());
        waitFor(() -> sim.stats().webSockets() == 0);
        assertEquals(1, sim.stats().webSocketsOpened());
    }

    @Test
    void anotherFeedIsAnotherSessionAndAReleasedFeedOpensAfresh() throws Exception {
        sim = SimServer.start(options());
        other = SimServer.start(options());
        FeedSessions<String>.Lease first = sessions.acquire(sim.uri().toString());
        FeedSessions<String>.Lease second = sessions.acquire(other.uri().toString());

        assertNotSame(
                first.session().get(10, TimeUnit.SECONDS), second.session().get(10, TimeUnit.SECONDS));
        assertEquals(2, sessions.size());

        FeedSession old = first.session().get();
        first.close();
        FeedSessions<String>.Lease again = sessions.acquire(sim.uri().toString());
        assertNotSame(old, again.session().get(10, TimeUnit.SECONDS));
        waitFor(() -> again.session().join().client().status().state() == FeedState.WEBSOCKET);
        assertTrue(sim.stats().webSocketsOpened() >= 1);
        again.close();
        second.close();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
