package com.klinelive.feed.rest;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import com.klinelive.feed.transport.BoundedBody;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * GETs JSON from REST APIs for the feed formats: bounded bodies, strict JSON only, and the hosts' rate limits kept.
 *
 * <ul>
 *   <li>An answer that is not HTTP 200, an HTML page (an error page of a proxy or CDN), text that is not one strict
 *       JSON value, or a body over the limit fails the request with a {@link RestException} that says which.</li>
 *   <li>HTTP 429 or 418 blocks the host for its {@code Retry-After} (seconds or an HTTP date, at most a century;
 *       a minute when it gives none): no request goes there until then. Requests made meanwhile wait for it, unless
 *       the wait is longer than {@link #MAX_QUEUED_WAIT}; then they fail at once with a
 *       {@link RateLimitedException}.</li>
 *   <li>A host with a {@link WeightLimit} is slowed down before its budget runs out.</li>
 *   <li>Every limit met is reported to the listeners, so the status bar can show it.</li>
 * </ul>
 *
 * Thread-safe; shared by all formats of one feed client.
 */
public final class RestClient {

    /** Requests wait at most this long for a blocked host; beyond, they fail and the caller retries later. */
    public static final Duration MAX_QUEUED_WAIT = Duration.ofMinutes(2);

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);
    /**
     * The longest hold kept: a {@code Retry-After} date further away (a server's "never") holds this long, which
     * outlives any process and still fits the nanosecond clock.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(100 * 365);

    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final LongSupplier wallClockMillis;
    private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
    private final List<RateLimitListener> listeners = new CopyOnWriteArrayList<>();
    private volatile RateLimitNotice lastLimit;

    /**
     * @param http    sends the requests (its executor runs the callbacks)
     * @param timer   schedules requests that wait for a host
     * @param timeout for each request, from sending to the whole answer
     */
    public RestClient(HttpClient http, ScheduledExecutorService timer, Duration timeout) {
        this(http, timer, timeout, System::currentTimeMillis);
    }

    RestClient(HttpClient http, ScheduledExecutorService timer, Duration timeout, LongSupplier wallClockMillis) {
        this.http = http;
        this.timer = timer;
        this.timeout = timeout;
        this.wallClockMillis = wallClockMillis;
    }

    /** Keeps {@code host} within a weight budget its answers report (Binance's used-weight header). */
    public void limitByWeight(String host, WeightLimit limit) {
        gate(host).weight = limit;
    }

    public void addListener(RateLimitListener listener) {
        listeners.add(listener);
    }

    /** The last rate limit met, if any. */
    public Optional<RateLimitNotice> lastLimit() {
        return Optional.ofNullable(lastLimit);
    }

    /**
     * The body of {@code GET uri}, checked to be one strict JSON value of at most {@code maxBytes} UTF-8 bytes.
     * Completes exceptionally with a {@link RestException} (or a network exception) otherwise.
     */
    public CompletableFuture<String> getJson(URI uri, int maxBytes) {
        String host = uri.getHost();
        HostGate gate = gate(host);
        long waitNanos = gate.reserve(System.nanoTime());
        if (waitNanos > MAX_QUEUED_WAIT.toNanos()) {
            return CompletableFuture.failedFuture(new RateLimitedException(
                    host + " is rate limited for " + seconds(waitNanos) + " s more", Duration.ofNanos(waitNanos)));
        }
        if (waitNanos <= 0) {
            return send(uri, maxBytes, gate);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        timer.schedule(
                () -> send(uri, maxBytes, gate).whenComplete((body, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(body);
                    }
                }),
                waitNanos,
                TimeUnit.NANOSECONDS);
        return result;
    }

    private CompletableFuture<String> send(URI uri, int maxBytes, HostGate gate) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, BoundedBody.ofString(maxBytes)).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (cause instanceof BoundedBody.TooLargeException) {
                    throw new RestException(uri.getHost() + " answered more than " + maxBytes + " bytes");
                }
                throw error instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(error);
            }
            return checked(response, uri.getHost(), gate);
        });
    }

    private String checked(HttpResponse<String> response, String host, HostGate gate) {
        observeWeight(response.headers(), host, gate);
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Duration retryAfter = retryAfter(response.headers()).orElse(DEFAULT_RETRY_AFTER);
            gate.blockFor(retryAfter.toNanos(), System.nanoTime());
            String reason = "HTTP " + status + ", retry after " + Math.max(1, retryAfter.toSeconds()) + " s";
            report(new RateLimitNotice(host, retryAfter, reason));
            throw new RateLimitedException(host + " rate limit: " + reason, retryAfter);
        }
        boolean html = isHtml(response);
        if (status != 200) {
            throw new RestException(host + " answered HTTP " + status + (html ? " with an HTML page" : ""));
        }
        if (html) {
            throw new RestException(host + " answered an HTML page, not JSON");
        }
        String problem = strictJsonProblem(response.body());
        if (problem != null) {
            throw new RestException(host + " answered something that is not JSON (" + problem + ")");
        }
        return response.body();
    }

    private void observeWeight(HttpHeaders headers, String host, HostGate gate) {
        WeightLimit limit = gate.weight;
        if (limit == null) {
            return;
        }
        Optional<String> header = headers.firstValue(limit.header());
        if (header.isEmpty()) {
            return;
        }
        long used;
        try {
            used = Long.parseLong(header.get().trim());
        } catch (NumberFormatException e) {
            return;
        }
        long windowMillis = limit.window().toMillis();
        if (used >= limit.limit() * WeightLimit.STOP_SHARE) {
            long now = wallClockMillis.getAsLong();
            long untilNextWindow = windowMillis - Math.floorMod(now, windowMillis);
            gate.blockFor(TimeUnit.MILLISECONDS.toNanos(untilNextWindow), System.nanoTime());
            report(new RateLimitNotice(
                    host,
                    Duration.ofMillis(untilNextWindow),
                    "used weight " + used + " of " + limit.limit() + ", waiting for the next window"));
        } else if (used >= limit.limit() * WeightLimit.SLOW_SHARE) {
            long spacing = TimeUnit.MILLISECONDS.toNanos(windowMillis / 20);
            if (gate.slowDown(spacing)) {
                report(new RateLimitNotice(
                        host,
                        Duration.ofNanos(spacing),
                        "used weight " + used + " of " + limit.limit() + ", slowing down"));
            }
        } else {
            gate.slowDown(0);
        }
    }

    private void report(RateLimitNotice notice) {
        lastLimit = notice;
        for (RateLimitListener l : listeners) {
            l.onRateLimited(notice);
        }
    }

    private HostGate gate(String host) {
        return gates.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), h -> new HostGate());
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110), if present and readable. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
            return Optional.of(d.isNegative() ? Duration.ZERO : d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isHtml(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String body = response.body().stripLeading();
        return type.contains("html") || body.startsWith("<");
    }

    /** Why {@code body} is not one strict JSON value (RFC 8259), or null when it is. */
    static String strictJsonProblem(String body) {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            reader.skipValue();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return "text after the value";
            }
            return null;
        } catch (MalformedJsonException e) {
            return e.getMessage().replaceAll("\\s*See https://\\S+", "");
        } catch (IOException | IllegalStateException e) {
            return body.isBlank() ? "empty answer" : "malformed JSON";
        }
    }

    /** {@code base} with {@code path} appended and the query {@code name, value, name, value...}, URL-encoded. */
    public static URI resolve(URI base, String path, String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("query names and values come in pairs");
        }
        StringBuilder sb = new StringBuilder(base.toString().replaceAll("/+$", "")).append(path);
        for (int i = 0; i < nameValues.length; i += 2) {
            sb.append(i == 0 ? '?' : '&')
                    .append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return URI.create(sb.toString());
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    /** When a host may be asked next, and how far apart requests to it go. */
    private static final class HostGate {
        volatile WeightLimit weight;
        private long notBeforeNanos = Long.MIN_VALUE;
        private long spacingNanos;

        /** Takes the next slot: the nanos to wait before sending (0 or less: now). */
        synchronized long reserve(long now) {
            long start = notBeforeNanos == Long.MIN_VALUE ? now : Math.max(now, notBeforeNanos);
            notBeforeNanos = start + spacingNanos;
            return start - now;
        }

        synchronized void blockFor(long nanos, long now) {
            long until = now + nanos;
            if (notBeforeNanos == Long.MIN_VALUE || until > notBeforeNanos) {
                notBeforeNanos = until;
            }
        }

        /** Sets the spacing; returns whether it grew from none. */
        synchronized boolean slowDown(long spacing) {
            boolean started = spacingNanos == 0 && spacing > 0;
            spacingNanos = spacing;
            return started;
        }
    }
}
