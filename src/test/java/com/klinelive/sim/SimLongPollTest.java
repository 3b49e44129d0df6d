package com.klinelive.sim;

import static com.klinelive.sim.SimTesting.await;
import static com.klinelive.sim.SimTesting.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.NativeEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimLongPollTest {

    private static final String BTC = "BTCUSDT";

    @Test
    void pollAnswersAtOnceWithTheTicksAfterSince() throws Exception {
        try (SimServer sim = SimServer.start(options(300))) {
            await("50 ticks", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 50);
            SimHttp.Answer answer = new SimHttp(sim.uri()).get("/poll?symbol=BTCUSDT&since=10");
            assertEquals(200, answer.status());
            assertEquals("ticks", answer.json().get("type").getAsString());
            assertEquals(BTC, answer.json().get("symbol").getAsString());
            assertEquals(sim.epoch(), answer.json().get("epoch").getAsString());
            JsonArray ticks = answer.json().getAsJsonArray("ticks");
            assertTrue(ticks.size() >= 40, "ticks 11.." + ticks.size());
            for (int i = 0; i < ticks.size(); i++) {
                assertEquals(11 + i, ticks.get(i).getAsJsonArray().get(0).getAsLong());
            }
        }
    }

    @Test
    void aPollWithNothingNewIsHeldUntilTicksArriveThenReleased() throws Exception {
        try (SimServer sim = SimServer.start(options(200))) {
            await("some ticks", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 5);
            sim.pauseTicks();
            long last = sim.lastSeq(BTC);
            SimHttp http = new SimHttp(sim.uri());
            CompletableFuture<HttpResponse<String>> poll =
                    CompletableFuture.supplyAsync(() -> send(http, "/poll?symbol=BTCUSDT&since=" + last));
            await("the poll is held", Duration.ofSeconds(10), () -> sim.stats().pollsHeld() == 1);
            assertTrue(!poll.isDone(), "nothing answered while the feed is paused");

            sim.resumeTicks();
            JsonObject json = SimHttp.parse(poll.get(10, TimeUnit.SECONDS).body());
            assertEquals(
                    last + 1,
                    json.getAsJsonArray("ticks").get(0).getAsJsonArray().get(0).getAsLong());
            assertEquals(0, sim.stats().pollsHeld());
        }
    }

    @Test
    void aPollWithoutSinceWaitsForTheNextTicks() throws Exception {
        try (SimServer sim = SimServer.start(options(200))) {
            sim.pauseTicks();
            long last = sim.lastSeq(BTC);
            SimHttp http = new SimHttp(sim.uri());
            CompletableFuture<HttpResponse<String>> poll =
                    CompletableFuture.supplyAsync(() -> send(http, "/poll?symbol=BTCUSDT"));
            await("the poll is held", Duration.ofSeconds(10), () -> sim.stats().pollsHeld() == 1);
            sim.resumeTicks();
            JsonObject json = SimHttp.parse(poll.get(10, TimeUnit.SECONDS).body());
            assertEquals(
                    last + 1,
                    json.getAsJsonArray("ticks").get(0).getAsJsonArray().get(0).getAsLong());
        }
    }

    @Test
    void aHeldPollAnswersAnEmptyBatchWhenItsTimeRunsOut() throws Exception {
        SimOptions options = options(0).withLimits(SimLimits.defaults().withPollHold(Duration.ofMillis(300)));
        try (SimServer sim = SimServer.start(options)) {
            long start = System.nanoTime();
            SimHttp.Answer answer = new SimHttp(sim.uri()).get("/poll?symbol=BTCUSDT&since=0");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, answer.status());
            assertEquals("ticks", answer.json().get("type").getAsString());
            assertEquals(sim.epoch(), answer.json().get("epoch").getAsString());
            assertEquals(0, answer.json().getAsJsonArray("ticks").size());
            assertTrue(waitedMillis >= 250, "held for the hold time, answered after " + waitedMillis + " ms");
        }
    }

    @Test
    void aPollAnswerIsCappedAtTheBatchLimit() throws Exception {
        SimOptions options = options(2000).withLimits(SimLimits.defaults().withMaxBatch(100));
        try (SimServer sim = SimServer.start(options)) {
            await("500 ticks", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 500);
            JsonArray ticks = new SimHttp(sim.uri())
                    .get("/poll?symbol=BTCUSDT&since=0")
                    .json()
                    .getAsJsonArray("ticks");
            assertEquals(100, ticks.size());
            assertEquals(100, ticks.get(99).getAsJsonArray().get(0).getAsLong());
        }
    }

    @Test
    void aSinceOlderThanTheReplayBufferGetsAReset() throws Exception {
        SimOptions options = options(1000).withLimits(SimLimits.defaults().withReplayCapacity(64));
        try (SimServer sim = SimServer.start(options)) {
            await("300 ticks", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 300);
            JsonObject reset =
                    new SimHttp(sim.uri()).get("/poll?symbol=BTCUSDT&since=1").json();
            assertEquals("reset", reset.get("type").getAsString());
            assertEquals(BTC, reset.get("symbol").getAsString());
            assertTrue(reset.get("seq").getAsLong() >= 300);
            assertTrue(reset.get("reason").getAsString().contains("older than the replay buffer"));

            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                ws.next(ControlMessage.Hello.class);
                ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, 1L)));
                ControlMessage.Reset wsReset = ws.next(ControlMessage.Reset.class);
                assertEquals(BTC, wsReset.symbol());
                assertTrue(wsReset.seq() >= 300);
                // After a reset the stream goes on live.
                ws.ticksUntil(BTC, wsReset.seq() + 10, null);
            }
        }
    }

    @Test
    void aSinceAheadOfTheServerOrAnotherEpochGetsAReset() throws Exception {
        try (SimServer sim = SimServer.start(options(100))) {
            SimHttp http = new SimHttp(sim.uri());
            JsonObject ahead = http.get("/poll?symbol=BTCUSDT&since=" + (sim.lastSeq(BTC) + 1_000_000))
                    .json();
            assertEquals("reset", ahead.get("type").getAsString());
            assertTrue(ahead.get("reason").getAsString().contains("ahead"));
            JsonObject otherEpoch =
                    http.get("/poll?symbol=BTCUSDT&since=0&epoch=old1").json();
            assertEquals("reset", otherEpoch.get("type").getAsString());
            assertTrue(otherEpoch.get("reason").getAsString().contains("old1"));
        }
    }

    @Test
    void pollsBeyondTheLimitAreRefusedWith503() throws Exception {
        SimOptions options = options(100).withLimits(SimLimits.defaults().withMaxPolls(1));
        try (SimServer sim = SimServer.start(options)) {
            sim.pauseTicks();
            SimHttp http = new SimHttp(sim.uri());
            CompletableFuture<HttpResponse<String>> held =
                    CompletableFuture.supplyAsync(() -> send(http, "/poll?symbol=BTCUSDT"));
            await(
                    "the first poll is held",
                    Duration.ofSeconds(10),
                    () -> sim.stats().pollsHeld() == 1);
            SimHttp.Answer refused = http.get("/poll?symbol=BTCUSDT");
            assertEquals(503, refused.status());
            assertEquals("error", refused.json().get("type").getAsString());
            sim.resumeTicks();
            assertEquals(200, held.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void closingTheServerAnswersHeldPolls() throws Exception {
        SimServer sim = SimServer.start(options(100));
        sim.pauseTicks();
        SimHttp http = new SimHttp(sim.uri());
        CompletableFuture<HttpResponse<String>> held =
                CompletableFuture.supplyAsync(() -> send(http, "/poll?symbol=BTCUSDT"));
        await("the poll is held", Duration.ofSeconds(10), () -> sim.stats().pollsHeld() == 1);
        sim.close();
        HttpResponse<String> response = held.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals(0, SimHttp.parse(response.body()).getAsJsonArray("ticks").size());
    }

    private static HttpResponse<String> send(SimHttp http, String pathAndQuery) {
        try {
            return http.get(pathAndQuery).response();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest get(SimServer sim, String pathAndQuery) {
        return HttpRequest.newBuilder(sim.uri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
