package com.klinelive.sim;

import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.feed.protocol.SubscribeRequest;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.BadPayloadException;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.eclipse.jetty.websocket.api.exceptions.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one WebSocket connection: greets the client with {@code hello}, streams every symbol
 * until the client says otherwise, and answers each inbound message: a {@code subscribe} is applied, anything
 * else gets an {@code error} and is counted. A client sending more than {@link #MAX_MESSAGES_PER_SECOND}
 * messages a second is closed, so no client can keep the server busy with requests.
 *
 * <p>Public only because Jetty binds the listener methods through method handles; it is created by the server.
 */
public final class FeedEndpoint implements Session.Listener.AutoDemanding {

    static final int MAX_MESSAGES_PER_SECOND = 20;

    private static final Logger LOG = LoggerFactory.getLogger(FeedEndpoint.class);

    private final WsContext context;
    private WsClient client;
    private long windowStartNanos;
    private int messagesInWindow;

    FeedEndpoint(WsContext context) {
        this.context = context;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        client = new WsClient(
                session,
                context.channels(),
                context.counters(),
                context.scheduler(),
                context.latencyNanos(),
                context.queueLimit());
        context.registry().add(client);
        context.counters().webSocketsOpened.increment();
        client.send(
                NativeEncoder.hello(
                        SimServer.SERVER_NAME,
                        context.epoch(),
                        context.channels().symbols(),
                        System.currentTimeMillis()),
                null);
        client.subscribeAll();
    }

    @Override
    public void onWebSocketText(String message) {
        client.inbound();
        if (overRate()) {
            return;
        }
        SubscribeRequest.Parsed parsed = SubscribeRequest.parse(message);
        if (parsed instanceof SubscribeRequest.Valid valid) {
            String error = client.subscribe(valid.request());
            if (error != null) {
                reject(error);
            }
        } else {
            reject(((SubscribeRequest.Invalid) parsed).reason());
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        client.inbound();
        if (!overRate()) {
            reject("binary messages are not supported: send JSON text");
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        client.inbound();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (client != null) {
            client.unsubscribeAll();
            context.registry().remove(client);
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Oversized or malformed frames land here, and Jetty closes with the matching code; so do connections
        // that simply broke, which are no rejected message.
        if (cause instanceof MessageTooLargeException
                || cause instanceof ProtocolException
                || cause instanceof BadPayloadException) {
            context.counters().messagesRejected.increment();
        }
        LOG.debug("WebSocket error", cause);
    }

    private void reject(String reason) {
        context.counters().messagesRejected.increment();
        client.send(NativeEncoder.error(reason), null);
    }

    // Jetty delivers one connection's messages one at a time, so the window needs no lock.
    private boolean overRate() {
        long now = System.nanoTime();
        if (now - windowStartNanos > 1_000_000_000L) {
            windowStartNanos = now;
            messagesInWindow = 0;
        }
        if (++messagesInWindow > MAX_MESSAGES_PER_SECOND) {
            context.counters().messagesRejected.increment();
            client.close(StatusCode.POLICY_VIOLATION, "more than " + MAX_MESSAGES_PER_SECOND + " messages a second");
            return true;
        }
        return false;
    }
}
