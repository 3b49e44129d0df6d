package com.klinelive.feed.longpoll;

import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Makes {@link LongPollTransport}s sharing one HTTP client (and its connection pool) and one timer thread that
 * spaces their polls (a thread of our own: the common pool has one thread on a 2-core machine and may be busy).
 */
public final class LongPollTransports implements TransportFactory {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "longpoll-timer");
        t.setDaemon(true);
        return t;
    });

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "longpoll-http");
        t.setDaemon(true);
        return t;
    });
    private volatile HttpClient http;

    @Override
    public TransportKind kind() {
        return TransportKind.LONG_POLLING;
    }

    @Override
    public Transport create(TransportRequest request, TransportEvents events) {
        return new LongPollTransport(request, events, client(request), TIMER);
    }

    private synchronized HttpClient client(TransportRequest request) {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(request.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(executor)
                    .version(HttpClient.Version.HTTP_1_1);
            if (request.sslContext() != null) {
                builder.sslContext(request.sslContext());
            }
            http = builder.build();
        }
        return http;
    }
}
