package com.klinelive.sim;

import com.klinelive.feed.protocol.NativeEncoder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The WebSocket clients connected now, and the chores done to all of them: heartbeats when idle, pings, closing
 * those that stopped answering, and closing them all (chaos, shutdown).
 */
final class ClientRegistry {

    private final Set<WsClient> clients = ConcurrentHashMap.newKeySet();
    private final long heartbeatNanos;
    private final long pingNanos;

    ClientRegistry(SimLimits limits) {
        this.heartbeatNanos = limits.heartbeat().toNanos();
        this.pingNanos = limits.pingInterval().toNanos();
    }

    void add(WsClient client) {
        clients.add(client);
    }

    void remove(WsClient client) {
        clients.remove(client);
    }

    int size() {
        return clients.size();
    }

    /**
     * One round of keep-alive: a heartbeat to each client idle for the heartbeat interval, a ping per ping
     * interval, and a close for a client silent (not even a pong) for three ping intervals.
     */
    void sweep() {
        long now = System.nanoTime();
        String heartbeat = NativeEncoder.heartbeat(System.currentTimeMillis());
        for (WsClient client : clients) {
            if (now - client.lastInboundNanos() > 3 * pingNanos) {
                client.close(StatusCode.SHUTDOWN, "no pong for " + 3 * pingNanos / 1_000_000_000 + " s");
            } else {
                client.keepAlive(now, heartbeatNanos, heartbeat, pingNanos);
            }
        }
    }

    /** Closes every connection with {@code code} and {@code reason}. */
    void closeAll(int code, String reason) {
        for (WsClient client : clients) {
            client.close(code, reason);
        }
    }
}
