package com.klinelive.feed.format.klinelive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.format.FormatHistory;
import com.klinelive.feed.format.FormatSettings;
import com.klinelive.feed.format.HistoryContext;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.feed.rest.RestException;
import com.klinelive.feed.rest.ScriptedHttpServer;
import com.klinelive.feed.rest.ScriptedHttpServer.Answer;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native format's history through the format SPI, against a real HTTP server. */
class NativeHistoryTest {

    private static final long T0 = 1_764_073_200_000L;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedHttpServer server;
    private final FormatHistory history;

    NativeHistoryTest() throws Exception {
        server = new ScriptedHttpServer();
        RestClient rest = new RestClient(HttpClient.newHttpClient(), timer, Duration.ofSeconds(5));
        history = new NativeFormat().history(new HistoryContext(rest, server.uri("/feed"), FormatSettings.NONE));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        timer.shutdownNow();
    }

    @Test
    void candlesArePagedBackByAnExclusiveEnd() {
        server.then(
                Answer.json("{\"symbol\":\"BTCUSDT\",\"interval\":\"1m\",\"epoch\":\"e1\",\"seq\":86470,\"candles\":["
                        + "{\"time\":" + T0
                        + ",\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5,\"volume\":3,\"trades\":4}]}"));
        CandlePage page = history.candles()
                .orElseThrow()
                .candles("BTCUSDT", Timeframe.M1, 2, OptionalLong.of(T0 + 60_000))
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        assertEquals(
                "/feed/history?symbol=BTCUSDT&interval=1m&limit=2&end=" + (T0 + 60_000),
                server.arrivals().get(0).pathAndQuery());
        assertEquals(List.of(new Candle(T0, 1, 2, 0.5, 1.5, 3, 4)), page.candles());
        assertEquals(86470, page.lastSeq(), "our candles are an exact snapshot");
        assertEquals("e1", page.epoch());
    }

    @Test
    void theNewestCandlesAreAskedForWithoutAnEnd() {
        server.then(Answer.json("{\"symbol\":\"ETHUSDT\",\"interval\":\"1s\",\"seq\":-1,\"candles\":[]}"));
        history.candles()
                .orElseThrow()
                .candles("ETHUSDT", Timeframe.S1, 500, OptionalLong.empty())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        assertEquals(
                "/feed/history?symbol=ETHUSDT&interval=1s&limit=500",
                server.arrivals().get(0).pathAndQuery());
    }

    @Test
    void aBrokenAnswerIsAClearFailure() {
        server.then(new Answer(503, "text/html", Map.of(), "<html>down for maintenance</html>"));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class,
                () -> history.candles()
                        .orElseThrow()
                        .candles("BTCUSDT", Timeframe.M1, 2, OptionalLong.empty())
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
        assertInstanceOf(RestException.class, e.getCause());
        assertEquals(
                "127.0.0.1 answered HTTP 503 with an HTML page", e.getCause().getMessage());

        server.then(Answer.json("{\"symbol\":\"OTHER\",\"interval\":\"1m\",\"seq\":1,\"candles\":[]}"));
        e = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class,
                () -> history.candles()
                        .orElseThrow()
                        .candles("BTCUSDT", Timeframe.M1, 2, OptionalLong.empty())
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
        assertEquals(
                "/history answered for another symbol or interval", e.getCause().getMessage());
    }

    @Test
    void symbolsComeFromTheSymbolsEndpoint() {
        server.then(Answer.json("{\"epoch\":\"e1\",\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"]}"), Answer.json("[]"));
        assertEquals(
                List.of("BTCUSDT", "ETHUSDT"),
                history.symbols()
                        .orElseThrow()
                        .symbols()
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
        assertEquals("/feed/symbols", server.arrivals().get(0).pathAndQuery());
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class,
                () -> history.symbols()
                        .orElseThrow()
                        .symbols()
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
        assertEquals("/symbols did not list any symbol", e.getCause().getMessage());
    }

    @Test
    void aFeedUrlWithoutAnHttpSideHasNoHistory() {
        RestClient rest = new RestClient(HttpClient.newHttpClient(), timer, Duration.ofSeconds(5));
        FormatHistory none = new NativeFormat().history(new HistoryContext(rest, null, FormatSettings.NONE));
        assertEquals(false, none.candles().isPresent());
        FormatHistory named = new NativeFormat()
                .history(new HistoryContext(
                        rest, null, new FormatSettings(URI.create("http://127.0.0.1:1"), null, Map.of(), null)));
        assertEquals(true, named.candles().isPresent(), "--rest-url names it");
    }
}
