package com.klinelive.sim;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Decides each WebSocket handshake on {@code /ws}: refused with 503 when WebSocket is disabled or too many
 * clients are connected, with 403 when the {@code Origin} is not allowed; otherwise a {@link FeedEndpoint}.
 */
final class WebSocketAdmission implements WebSocketCreator {

    private static final int MAX_ECHOED_ORIGIN = 100;

    private final WsContext context;
    private final OriginPolicy origins;
    private final boolean enabled;
    private final int maxClients;

    WebSocketAdmission(WsContext context, OriginPolicy origins, boolean enabled, int maxClients) {
        this.context = context;
        this.origins = origins;
        this.enabled = enabled;
        this.maxClients = maxClients;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!enabled) {
            return refuse(
                    response,
                    callback,
                    HttpStatus.SERVICE_UNAVAILABLE_503,
                    "WebSocket is disabled on this server (--no-websocket): use long polling at /poll");
        }
        if (!origins.allows(origin)) {
            String shown = origin.length() > MAX_ECHOED_ORIGIN ? origin.substring(0, MAX_ECHOED_ORIGIN) : origin;
            return refuse(
                    response,
                    callback,
                    HttpStatus.FORBIDDEN_403,
                    "Origin " + shown + " is not allowed: start the simulator with --allow-origin " + shown);
        }
        if (context.registry().size() >= maxClients) {
            return refuse(
                    response,
                    callback,
                    HttpStatus.SERVICE_UNAVAILABLE_503,
                    "too many WebSocket clients (limit " + maxClients + ")");
        }
        // No permessage-deflate: it would compress every message once per client, undoing the encode-once fan-out.
        response.setExtensions(List.of());
        return new FeedEndpoint(context);
    }

    private Object refuse(ServerUpgradeResponse response, Callback callback, int status, String message) {
        context.counters().upgradesRefused.increment();
        JsonResponses.error(response, callback, status, message);
        return null;
    }
}
