package com.klinelive.feed.websocket;

import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Makes {@link WebSocketTransport}s; one timer thread for all their pings and connect timeouts. */
public final class WebSocketTransports implements TransportFactory {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "websocket-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public TransportKind kind() {
        return TransportKind.WEBSOCKET;
    }

    @Override
    public Transport create(TransportRequest request, TransportEvents events) {
        return new WebSocketTransport(request, events, TIMER);
    }
}
