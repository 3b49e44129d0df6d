package com.klinelive.feed.longpoll;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportRequest;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Long polling against the real simulator on a free port. */
class LongPollTransportTest {

    /**
     * Notes calls that overlap: each message is held for a millisecond, so that answers completing on different
     * threads would overlap if the transport let them.
     */
    private static final class OverlapRecorder implements TransportEvents {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger messages = new AtomicInteger();
        final Set<String> symbols = ConcurrentHashMap.newKeySet();

        @Override
        public void onOpen(Transport transport) {
            enterAndLeave();
        }

        @Override
        public void onMessage(Transport transport, String text, long receivedNanos) {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (String symbol : SimOptions.DEFAULT_SYMBOLS) {
                if (text.contains("\"" + symbol + "\"")) {
                    symbols.add(symbol);
                }
            }
            messages.incrementAndGet();
            inside.decrementAndGet();
        }

        @Override
        public void onRejected(Transport transport, String reason) {
            enterAndLeave();
        }

        @Override
        public void onRoundTrip(Transport transport, long nanos) {
            enterAndLeave();
        }

        @Override
        public void onClosed(Transport transport, String reason, boolean opened) {}

        private void enterAndLeave() {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            inside.decrementAndGet();
        }
    }

    @Test
    void answersForSeveralSymbolsAreDeliveredOneAtATime() throws Exception {
        SimOptions options =
                SimOptions.defaults().withPort(0).withSeed(3).withRate(300).withHistory(Duration.ZERO);
        try (SimServer sim = SimServer.start(options)) {
            OverlapRecorder events = new OverlapRecorder();
            TransportRequest request =
                    new TransportRequest(sim.uri(), sim.symbols(), symbol -> -1, Duration.ofSeconds(3), null, 1 << 20);
            Transport transport = new LongPollTransports().create(request, events);
            transport.start();
            try {
                waitFor(
                        30_000,
                        () -> events.messages.get() >= 300
                                && events.symbols.size() == sim.symbols().size(),
                        () -> events.messages + " messages, symbols " + events.symbols);
            } finally {
                transport.close();
            }
            assertEquals(0, events.overlaps.get(), "calls that overlapped another");
        }
    }
}
