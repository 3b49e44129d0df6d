package com.klinelive.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a feed lives, parsed from the one URL a user gives.
 *
 * <ul>
 *   <li>{@code http(s)://host:port[/prefix]}: our protocol, with the WebSocket at {@code /ws}, long polling at
 *       {@code /poll} and history at {@code /history} under the prefix.</li>
 *   <li>{@code ws(s)://...}: exactly that WebSocket. When its path ends in {@code /ws} it may be ours, and the
 *       polling and history endpoints are derived from its host and prefix; whether it is ours is only known
 *       when its first message arrives. Otherwise it is a third-party stream with no fallback and no history.</li>
 * </ul>
 *
 * @param given     the URL as the user gave it
 * @param webSocket the WebSocket to open
 * @param httpBase  base of {@code /poll}, {@code /history}, {@code /symbols}; null when there is none
 */
public record FeedEndpoint(URI given, URI webSocket, URI httpBase) {

    /** Query parameter names that carry credentials; their values never reach a log or the settings. */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)token|key|secret|pass|auth|sig|session|cred|jwt");

    /**
     * Parses a feed URL.
     *
     * @throws IllegalArgumentException with a message a user can act on, when the URL cannot be a feed
     */
    public static FeedEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no feed URL given");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.matches("https?|wss?")) {
            throw new IllegalArgumentException(
                    "unsupported scheme '" + scheme + "': use http://, https://, ws:// or wss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL has no host");
        }
        if (uri.getFragment() != null) {
            throw new IllegalArgumentException("a feed URL has no #fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean secure = scheme.endsWith("s");
        if (scheme.startsWith("http")) {
            String prefix = stripTrailingSlash(path);
            return new FeedEndpoint(
                    uri,
                    with(uri, secure ? "wss" : "ws", prefix + "/ws", uri.getRawQuery()),
                    with(uri, scheme, prefix, null));
        }
        URI ws = with(uri, scheme, path.isEmpty() ? "/" : path, uri.getRawQuery());
        String trimmed = stripTrailingSlash(path);
        URI httpBase = trimmed.endsWith("/ws")
                ? with(uri, secure ? "https" : "http", trimmed.substring(0, trimmed.length() - 3), null)
                : null;
        return new FeedEndpoint(uri, ws, httpBase);
    }

    /** The history and polling base, when the URL names one. */
    public Optional<URI> http() {
        return Optional.ofNullable(httpBase);
    }

    /** The given URL without credentials or query values, fit for logs and status text. */
    public String redacted() {
        return redact(given);
    }

    /** {@code uri} without user-info, and with the values of secret-looking query parameters hidden: for logs. */
    public static String redact(URI uri) {
        return rebuild(uri, true);
    }

    /** {@code uri} without user-info and without secret-looking query parameters: for saved settings. */
    public static String withoutSecrets(URI uri) {
        return rebuild(uri, false);
    }

    private static String rebuild(URI uri, boolean maskSecrets) {
        StringBuilder sb = new StringBuilder()
                .append(uri.getScheme().toLowerCase(Locale.ROOT))
                .append("://")
                .append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            StringBuilder query = new StringBuilder();
            for (String pair : uri.getRawQuery().split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                boolean secret = SECRET_PARAMETER.matcher(name).find();
                if (secret && !maskSecrets) {
                    continue;
                }
                query.append(query.length() == 0 ? "" : "&").append(secret ? name + "=…" : pair);
            }
            if (query.length() > 0) {
                sb.append('?').append(query);
            }
        }
        return sb.toString();
    }

    /** {@code /poll}, {@code /history} and the like under the HTTP base. */
    public URI resolve(String endpoint, String query) {
        if (httpBase == null) {
            throw new IllegalStateException("this feed has no HTTP endpoints");
        }
        return with(httpBase, httpBase.getScheme(), stripTrailingSlash(httpBase.getRawPath()) + endpoint, query);
    }

    private static String stripTrailingSlash(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static URI with(URI base, String scheme, String rawPath, String rawQuery) {
        StringBuilder sb = new StringBuilder().append(scheme).append("://");
        if (base.getRawUserInfo() != null) {
            sb.append(base.getRawUserInfo()).append('@');
        }
        String host = base.getHost();
        sb.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (base.getPort() >= 0) {
            sb.append(':').append(base.getPort());
        }
        sb.append(rawPath.isEmpty() ? "" : rawPath);
        if (rawQuery != null) {
            sb.append('?').append(rawQuery);
        }
        return URI.create(sb.toString());
    }
}
