package com.klinelive.feed.socketio;

import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Makes {@link SocketIoTransport}s for one socket.io feed: one HTTP client for all their polls (another only for
 * a request with its own TLS settings) and one timer thread for all their timeouts and pings.
 */
public final class SocketIoTransports implements TransportFactory {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "socketio-timer");
        t.setDaemon(true);
        return t;
    });

    private final SocketIoSettings settings;
    private volatile HttpClient http;

    public SocketIoTransports(SocketIoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A session starts on long polling; {@link SocketIoTransport#kind()} follows its upgrade. */
    @Override
    public TransportKind kind() {
        return TransportKind.LONG_POLLING;
    }

    /**
     * A new session for the socket.io server at {@code request.uri()}.
     *
     * @throws IllegalArgumentException when the URI cannot name a socket.io server
     */
    @Override
    public Transport create(TransportRequest request, TransportEvents events) {
        return new SocketIoTransport(request, events, settings, httpClient(request), TIMER);
    }

    private HttpClient httpClient(TransportRequest request) {
        if (request.sslContext() != null) {
            return build(request);
        }
        HttpClient shared = http;
        if (shared == null) {
            synchronized (this) {
                if (http == null) {
                    http = build(request);
                }
                shared = http;
            }
        }
        return shared;
    }

    private static HttpClient build(TransportRequest request) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(request.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // Engine.IO's long polling is plain HTTP/1.1 requests; h2c upgrades only add a round trip.
                .version(HttpClient.Version.HTTP_1_1);
        if (request.sslContext() != null) {
            b.sslContext(request.sslContext());
        }
        return b.build();
    }
}
