package com.klinelive.sim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which web pages may open a WebSocket to the simulator. A browser sends the page's {@code Origin} with the
 * handshake; accepting any origin would let every site the user visits read the feed through the user's browser
 * (cross-site WebSocket hijacking). Accepted: no {@code Origin} (not a browser), a loopback page, or an origin
 * allowed explicitly ({@code *} allows all).
 */
final class OriginPolicy {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private final boolean any;
    private final Set<String> allowed;

    OriginPolicy(List<String> allowedOrigins) {
        this.any = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream().map(OriginPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a handshake carrying this {@code Origin} header (null when absent) is accepted. */
    boolean allows(String origin) {
        if (origin == null) {
            return true;
        }
        String o = normalise(origin);
        return any || allowed.contains(o) || isLoopback(o);
    }

    static boolean isLoopback(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (host == null || !("http".equals(scheme) || "https".equals(scheme))) {
            return false;
        }
        return host.equals("localhost")
                || host.equals("[::1]")
                || IPV4_LOOPBACK.matcher(host).matches();
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
