package com.klinelive.feed.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.rest.ScriptedHttpServer.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST helper against a real HTTP server: bounded strict JSON, clear rejections, and rate limits kept. */
class RestClientTest {

    private static final long MILLIS = 1_000_000L;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final RestClient rest = new RestClient(http, timer, Duration.ofSeconds(5));
    private final List<RateLimitNotice> notices = new CopyOnWriteArrayList<>();
    private final ScriptedHttpServer server;

    RestClientTest() throws Exception {
        server = new ScriptedHttpServer();
        rest.addListener(notices::add);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        timer.shutdownNow();
    }

    private String get(URI uri) {
        return rest.getJson(uri, 1_024).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The exception the request failed with. */
    private Throwable failure(URI uri) {
        try {
            get(uri);
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the request should have failed");
    }

    @Test
    void strictJsonIsReturnedAsItCame() {
        server.then(Answer.json("{\"symbols\":[\"BTCUSDT\"]}"));
        assertEquals("{\"symbols\":[\"BTCUSDT\"]}", get(server.uri("/symbols")));
    }

    @Test
    void anHtmlErrorPageIsAClearRejection() {
        server.then(new Answer(502, "text/html", Map.of(), "<html><body>Bad Gateway</body></html>"));
        Throwable e = failure(server.uri("/x"));
        assertInstanceOf(RestException.class, e);
        assertEquals("127.0.0.1 answered HTTP 502 with an HTML page", e.getMessage());

        server.then(new Answer(200, "text/html; charset=utf-8", Map.of(), "<!DOCTYPE html><p>maintenance</p>"));
        assertEquals(
                "127.0.0.1 answered an HTML page, not JSON",
                failure(server.uri("/x")).getMessage());
    }

    @Test
    void textThatIsNotStrictJsonIsRefused() {
        for (String body : List.of("hello", "{\"a\":NaN}", "{\"a\":1} trailing", "{a:1}", "", "[1,2")) {
            server.then(Answer.json(body));
            Throwable e = failure(server.uri("/x"));
            assertInstanceOf(RestException.class, e, body);
            assertTrue(e.getMessage().startsWith("127.0.0.1 answered something that is not JSON ("), e.getMessage());
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        server.then(Answer.json("[" + "1,".repeat(2_000) + "1]"));
        assertEquals(
                "127.0.0.1 answered more than 1024 bytes",
                failure(server.uri("/x")).getMessage());
    }

    @Test
    void anotherStatusIsNamed() {
        server.then(new Answer(404, "application/json", Map.of(), "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        assertEquals("127.0.0.1 answered HTTP 404", failure(server.uri("/x")).getMessage());
    }

    @Test
    void a429WithRetryAfterKeepsEveryRequestAwayFromThatHostUntilThen() {
        server.then(new Answer(429, "application/json", Map.of("Retry-After", "1"), "{\"code\":-1003}"));
        Throwable e = failure(server.uri("/a"));
        assertInstanceOf(RateLimitedException.class, e);
        assertEquals(Duration.ofSeconds(1), ((RateLimitedException) e).retryAfter());
        long limitedAt = server.arrivals().get(0).nanos();
        assertEquals(1, notices.size());
        assertEquals(
                "127.0.0.1 rate limit: HTTP 429, retry after 1 s",
                notices.get(0).describe());
        assertEquals(notices.get(0), rest.lastLimit().orElseThrow());

        // Another host is not held back; this one is, and then answers.
        server.then(Answer.json("[1]"), Answer.json("[2]"));
        CompletableFuture<String> held = rest.getJson(server.uri("/b"), 1_024);
        assertEquals("[1]", get(server.uri("localhost", "/c")));
        assertEquals("[2]", held.orTimeout(10, TimeUnit.SECONDS).join());
        List<ScriptedHttpServer.Arrival> arrivals = server.arrivals();
        assertEquals("/c", arrivals.get(1).pathAndQuery());
        assertEquals("/b", arrivals.get(2).pathAndQuery());
        assertTrue(
                arrivals.get(2).nanos() - limitedAt >= 950 * MILLIS,
                "the held request went out " + (arrivals.get(2).nanos() - limitedAt) / MILLIS + " ms after the 429");
    }

    @Test
    void aLongBanFailsRequestsAtOnceWithoutSendingThem() {
        server.then(new Answer(418, "application/json", Map.of("Retry-After", "600"), "{\"code\":-1003}"));
        assertInstanceOf(RateLimitedException.class, failure(server.uri("/a")));
        Throwable e = failure(server.uri("/b"));
        assertInstanceOf(RateLimitedException.class, e);
        assertTrue(e.getMessage().startsWith("127.0.0.1 is rate limited for "), e.getMessage());
        assertTrue(((RateLimitedException) e).retryAfter().toSeconds() > 590);
        assertEquals(1, server.arrivals().size(), "no request may reach a host that banned us");
    }

    @Test
    void retryAfterAsAnHttpDateOrMissingStillBlocks() {
        server.then(new Answer(429, "application/json", Map.of("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT"), "{}"));
        assertTrue(
                ((RateLimitedException) failure(server.uri("/a"))).retryAfter().toDays() > 1_000);
        server.then(new Answer(429, "application/json", Map.of(), "{}"));
        assertEquals(
                Duration.ofMinutes(1), ((RateLimitedException) failure(server.uri("localhost", "/a"))).retryAfter());
    }

    @Test
    void aRetryAfterDateCenturiesAwayBansTheHostInsteadOfOverflowing() {
        server.then(new Answer(429, "application/json", Map.of("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"), "{}"));
        Throwable e = failure(server.uri("/a"));
        assertInstanceOf(RateLimitedException.class, e, String.valueOf(e));
        assertTrue(((RateLimitedException) e).retryAfter().toDays() > 1_000);
        assertInstanceOf(RateLimitedException.class, failure(server.uri("/b")));
        assertEquals(1, server.arrivals().size(), "no request may reach a host that banned us");
    }

    @Test
    void usedWeightNearTheLimitWaitsForTheNextWindow() {
        // The wall clock stands 400 ms into a one-second window, so the next window is 600 ms away, whenever the
        // machine gets round to it.
        long windowStart = 1_764_073_200_000L;
        RestClient rest = new RestClient(http, timer, Duration.ofSeconds(5), () -> windowStart + 400);
        rest.addListener(notices::add);
        rest.limitByWeight("127.0.0.1", new WeightLimit("X-MBX-USED-WEIGHT-1M", 100, Duration.ofSeconds(1)));
        server.then(new Answer(200, "application/json", Map.of("X-MBX-USED-WEIGHT-1M", "95"), "[1]"));
        assertEquals(
                "[1]",
                rest.getJson(server.uri("/a"), 1_024)
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
        server.then(new Answer(200, "application/json", Map.of("X-MBX-USED-WEIGHT-1M", "3"), "[2]"));
        assertEquals(
                "[2]",
                rest.getJson(server.uri("/b"), 1_024)
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());

        assertEquals(
                "127.0.0.1 rate limit: used weight 95 of 100, waiting for the next window",
                notices.get(0).describe());
        assertEquals(Duration.ofMillis(600), notices.get(0).retryIn());
        // A lower bound only: the hold began after the first request arrived, and load can only make it longer.
        List<ScriptedHttpServer.Arrival> arrivals = server.arrivals();
        long apart = (arrivals.get(1).nanos() - arrivals.get(0).nanos()) / MILLIS;
        assertTrue(apart >= 600, "the second request went out " + apart + " ms after the first, not 600");
    }

    @Test
    void usedWeightAboveTheSlowShareSpacesRequestsOut() {
        rest.limitByWeight("127.0.0.1", new WeightLimit("X-MBX-USED-WEIGHT-1M", 100, Duration.ofSeconds(2)));
        server.otherwise(new Answer(200, "application/json", Map.of("X-MBX-USED-WEIGHT-1M", "75"), "[0]"));
        get(server.uri("/first"));
        long burstStart = System.nanoTime();
        List<CompletableFuture<String>> burst = List.of(
                rest.getJson(server.uri("/1"), 1_024),
                rest.getJson(server.uri("/2"), 1_024),
                rest.getJson(server.uri("/3"), 1_024));
        burst.forEach(f -> f.orTimeout(10, TimeUnit.SECONDS).join());
        List<ScriptedHttpServer.Arrival> arrivals = server.arrivals();
        // Lower bounds only: request k of the burst may not leave before k spacings (100 ms each) have passed. A
        // loaded machine can only make it later, so this cannot fail for a slow machine, only for no spacing.
        for (int k = 1; k < 3; k++) {
            String path = "/" + (k + 1);
            long arrived = arrivals.stream()
                    .filter(a -> a.pathAndQuery().equals(path))
                    .findFirst()
                    .orElseThrow()
                    .nanos();
            long after = (arrived - burstStart) / MILLIS;
            assertTrue(
                    after >= 100L * k, "request " + k + " of the burst went " + after + " ms after it, not " + 100 * k);
        }
        assertEquals(
                "127.0.0.1 rate limit: used weight 75 of 100, slowing down",
                notices.get(0).describe());
    }
}
