package com.klinelive.feed.socketio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a Socket.IO server and namespace are, from the URL a user gives. The Engine.IO path is
 * {@code /socket.io/} unless the URL's path holds a {@code socket.io} segment, which then ends the Engine.IO path
 * (a server mounted elsewhere: {@code http://host/feed/socket.io/}); the rest of the path names the namespace
 * ({@code http://host:3000/prices} is namespace {@code /prices}; no path is the main namespace {@code /}). The
 * URL's query, such as a token, goes with every request. {@code ws://} and {@code wss://} mean the same server as
 * {@code http://} and {@code https://}: the session starts with long polling either way.
 *
 * @param base       scheme (http or https), host and port
 * @param enginePath the Engine.IO path, ending in a slash
 * @param namespace  the Socket.IO namespace, starting with a slash
 * @param rawQuery   the URL's query, still encoded, or null
 */
public record SocketIoEndpoint(URI base, String enginePath, String namespace, String rawQuery) {

    private static final String ENGINE_SEGMENT = "socket.io";

    /**
     * @throws IllegalArgumentException for a URL that cannot name a Socket.IO server
     */
    public static SocketIoEndpoint parse(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.matches("https?|wss?")) {
            throw new IllegalArgumentException("a socket.io URL is http://, https://, ws:// or wss://, got " + scheme);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL has no host");
        }
        boolean secure = scheme.endsWith("s");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String enginePath = "/" + ENGINE_SEGMENT + "/";
        String namespace = path;
        int at = (path + "/").indexOf("/" + ENGINE_SEGMENT + "/");
        if (at >= 0) {
            enginePath = path.substring(0, at) + enginePath;
            namespace = path.substring(Math.min(path.length(), at + ENGINE_SEGMENT.length() + 1));
        }
        namespace = "/" + trimSlashes(namespace);
        try {
            URI base = new URI(secure ? "https" : "http", null, uri.getHost(), uri.getPort(), null, null, null);
            return new SocketIoEndpoint(base, enginePath, namespace, uri.getRawQuery());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
    }

    /** The long-polling URI of the session {@code sid}, or of the handshake when {@code sid} is null. */
    URI polling(String sid) {
        return engineUri(base.getScheme(), "polling", sid);
    }

    /** The WebSocket URI that upgrades the session {@code sid}. */
    URI webSocket(String sid) {
        return engineUri(base.getScheme().equals("https") ? "wss" : "ws", "websocket", sid);
    }

    /** Whether this is the main namespace, which Socket.IO packets do not name. */
    boolean mainNamespace() {
        return namespace.equals("/");
    }

    private URI engineUri(String scheme, String transport, String sid) {
        StringBuilder query = new StringBuilder("EIO=4&transport=").append(transport);
        if (sid != null) {
            // A session id is URL-safe base64 (checked in EngineIoHandshake), so it needs no encoding.
            query.append("&sid=").append(sid);
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            query.append('&').append(rawQuery);
        }
        String authority = base.getRawAuthority();
        return URI.create(scheme + "://" + authority + enginePath + "?" + query);
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
