package com.klinelive.sim;

import static com.klinelive.sim.SimTesting.await;
import static com.klinelive.sim.SimTesting.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.candle.CandleBook;
import com.klinelive.candle.History;
import com.klinelive.feed.protocol.NativeEncoder;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimHistoryTest {

    private static final String BTC = "BTCUSDT";

    @Test
    void historyOfEveryTimeframeEqualsCandlesBuiltFromTheTicksSent() throws Exception {
        try (SimServer sim = SimServer.start(options(1000));
                FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
            ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, 0L)));
            await("1500 ticks", Duration.ofSeconds(20), () -> sim.lastSeq(BTC) >= 1500);
            sim.pauseTicks();
            long last = sim.lastSeq(BTC);
            List<Tick> ticks = ws.ticksUntil(BTC, last, null);
            SimTesting.assertExactlyOnce(ticks, 1);

            CandleBook mine = new CandleBook(BTC, EnumSet.allOf(Timeframe.class), 10_000);
            inSeqOrder(ticks).forEach(mine::apply);
            SimHttp http = new SimHttp(sim.uri());
            for (Timeframe timeframe : Timeframe.values()) {
                JsonObject json = http.get("/history?symbol=BTCUSDT&interval=" + timeframe.label() + "&limit=5000")
                        .json();
                assertEquals(last, json.get("seq").getAsLong(), timeframe.label());
                assertEquals(mine.candles(timeframe, 5000), candles(json), timeframe.label());
            }
        }
    }

    @Test
    void prefilledHistoryContinuesLiveAndStaysTheTruth() throws Exception {
        SimOptions options = options(200).withHistory(Duration.ofHours(2));
        try (SimServer sim = SimServer.start(options)) {
            SimHttp http = new SimHttp(sim.uri());
            JsonObject before =
                    http.get("/history?symbol=BTCUSDT&interval=1m&limit=5000").json();
            long startSeq = before.get("seq").getAsLong();
            List<Candle> past = candles(before);
            assertTrue(past.size() >= 120, "two hours of minutes: " + past.size());
            assertTrue(startSeq >= 7200, "one synthetic tick a second at least: " + startSeq);

            CandleBook mine = new CandleBook(BTC, EnumSet.of(Timeframe.M1), 10_000);
            mine.loadHistory(List.of(new History(Timeframe.M1, past, startSeq)));
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, startSeq)));
                await("300 live ticks", Duration.ofSeconds(20), () -> sim.lastSeq(BTC) >= startSeq + 300);
                sim.pauseTicks();
                long last = sim.lastSeq(BTC);
                List<Tick> ticks = ws.ticksUntil(BTC, last, null);
                SimTesting.assertExactlyOnce(ticks, startSeq + 1);
                inSeqOrder(ticks).forEach(mine::apply);
            }
            JsonObject after =
                    http.get("/history?symbol=BTCUSDT&interval=1m&limit=5000").json();
            assertEquals(mine.candles(Timeframe.M1, 5000), candles(after));
            assertEquals(sim.history(BTC, Timeframe.M1, 5000).candles(), candles(after), "the API answers the same");
        }
    }

    @Test
    void historyAnswersOldestFirstWithAlignedCandlesAndTheDefaults() throws Exception {
        SimOptions options = options(0).withHistory(Duration.ofDays(1));
        try (SimServer sim = SimServer.start(options)) {
            JsonObject json =
                    new SimHttp(sim.uri()).get("/history?symbol=BTCUSDT").json();
            assertEquals(BTC, json.get("symbol").getAsString());
            assertEquals("1m", json.get("interval").getAsString());
            assertEquals(sim.epoch(), json.get("epoch").getAsString());
            List<Candle> candles = candles(json);
            assertEquals(HistoryHandler.DEFAULT_LIMIT, candles.size());
            for (int i = 0; i < candles.size(); i++) {
                Candle c = candles.get(i);
                assertEquals(Timeframe.M1.bucketStart(c.time()), c.time(), "aligned");
                assertTrue(i == 0 || c.time() > candles.get(i - 1).time(), "oldest first");
                assertTrue(c.low() <= Math.min(c.open(), c.close()) && c.high() >= Math.max(c.open(), c.close()));
                assertTrue(c.volume() > 0 && c.trades() > 0);
            }
            assertTrue(candles.get(candles.size() - 1).time() > System.currentTimeMillis() - 120_000, "up to now");
        }
    }

    @Test
    void endPagesBackThroughThirtyDaysOfMinutesWithoutHolesOrDuplicates() throws Exception {
        SimOptions options = options(0).withHistory(Duration.ofDays(30));
        long started = System.nanoTime();
        try (SimServer sim = SimServer.start(options)) {
            System.out.printf("30 days of history filled in %.0f ms%n", (System.nanoTime() - started) / 1e6);
            SimHttp http = new SimHttp(sim.uri());
            List<Candle> all = new ArrayList<>();
            String end = "";
            for (int page = 0; page < 20; page++) {
                JsonObject json = http.get("/history?symbol=BTCUSDT&interval=1m&limit=5000" + end)
                        .json();
                assertEquals(sim.lastSeq(BTC), json.get("seq").getAsLong(), "seq: the last counted, on every page");
                List<Candle> candles = candles(json);
                if (candles.isEmpty()) {
                    break;
                }
                assertTrue(
                        all.isEmpty()
                                || candles.get(candles.size() - 1).time()
                                        < all.get(0).time(),
                        "older");
                all.addAll(0, candles);
                end = "&end=" + candles.get(0).time();
            }
            assertEquals(sim.history(BTC, Timeframe.M1, 100_000).candles(), all, "every page joins the next");
            long first = all.get(0).time();
            long last = all.get(all.size() - 1).time();
            assertTrue(last - first >= Duration.ofDays(30).minusMinutes(2).toMillis(), "30 days back");
            assertEquals((last - first) / 60_000 + 1, all.size(), "a candle every minute: no holes");
            assertTrue(
                    all.subList(1, all.size() - 1).stream().allMatch(c -> c.trades() >= 3),
                    "several synthetic trades in every whole minute");
        }
    }

    @Test
    void endIsExclusiveAndOutOfRangeValuesAreRefused() throws Exception {
        try (SimServer sim = SimServer.start(options(0).withHistory(Duration.ofHours(2)))) {
            List<Candle> newest = sim.history(BTC, Timeframe.M1, 5000).candles();
            long tenth = newest.get(10).time();
            SimHttp http = new SimHttp(sim.uri());
            List<Candle> page = candles(http.get("/history?symbol=BTCUSDT&interval=1m&limit=4&end=" + tenth)
                    .json());
            assertEquals(newest.subList(6, 10), page, "the four minutes before the eleventh");
            assertEquals(
                    newest.subList(6, 11),
                    candles(http.get("/history?symbol=BTCUSDT&interval=1m&limit=5&end=" + (tenth + 1))
                            .json()));
            assertEquals(
                    0, candles(http.get("/history?symbol=BTCUSDT&end=0").json()).size(), "nothing that old");
            for (String bad : List.of("-1", "1.5", "01", "99999999999999999999", "x")) {
                SimHttp.Answer answer = http.get("/history?symbol=BTCUSDT&end=" + bad);
                assertEquals(400, answer.status(), bad);
                assertTrue(answer.json().get("message").getAsString().startsWith("end must be"), bad);
            }
        }
    }

    @Test
    void everyTimeframeAgreesOnThePrefilledHistory() throws Exception {
        SimOptions options = options(0).withHistory(Duration.ofHours(6));
        try (SimServer sim = SimServer.start(options)) {
            List<Candle> minutes = sim.history(BTC, Timeframe.M1, 5000).candles();
            List<Candle> hours = sim.history(BTC, Timeframe.H1, 5000).candles();
            for (Candle hour : hours.subList(1, hours.size() - 1)) {
                List<Candle> inside = minutes.stream()
                        .filter(m -> Timeframe.H1.bucketStart(m.time()) == hour.time())
                        .toList();
                assertEquals(60, inside.size());
                assertEquals(hour.open(), inside.get(0).open());
                assertEquals(hour.close(), inside.get(59).close());
                assertEquals(
                        hour.high(),
                        inside.stream().mapToDouble(Candle::high).max().orElseThrow());
                assertEquals(
                        hour.low(),
                        inside.stream().mapToDouble(Candle::low).min().orElseThrow());
                assertEquals(
                        hour.trades(), inside.stream().mapToLong(Candle::trades).sum());
                assertEquals(
                        hour.volume(),
                        inside.stream().mapToDouble(Candle::volume).sum(),
                        1e-6);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePricePath() throws Exception {
        SimOptions options = options(300).withHistory(Duration.ofMinutes(10)).withSeed(7);
        List<Tick> first = liveTicks(options);
        assertEquals(
                first, liveTicks(options).stream().map(t -> withTime(t, first)).toList());
        List<Tick> other = liveTicks(options.withSeed(8));
        assertTrue(
                !first.stream()
                        .map(Tick::price)
                        .toList()
                        .equals(other.stream().map(Tick::price).toList()),
                "another seed, another path");
    }

    // The first 50 live ticks after the history, replayed from the buffer.
    private static List<Tick> liveTicks(SimOptions options) throws Exception {
        try (SimServer sim = SimServer.start(options)) {
            await("50 live ticks", Duration.ofSeconds(10), () -> sim.lastSeq(BTC) >= 650);
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                ws.send(NativeEncoder.subscribe(List.of(BTC), Map.of(BTC, 600L)));
                return ws.ticksCovering(BTC, 601, 650).stream()
                        .filter(t -> t.seq() <= 650)
                        .sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                        .toList();
            }
        }
    }

    // Tick times come from the wall clock; only the path is reproducible.
    private static Tick withTime(Tick tick, List<Tick> reference) {
        Tick same = reference.get((int) (tick.seq() - reference.get(0).seq()));
        return new Tick(tick.symbol(), tick.seq(), same.time(), tick.price(), tick.size());
    }

    // Live ticks can arrive before the replayed ones; volumes are floating-point sums, equal to the last bit only
    // when added in the same order as the server, which is sequence order.
    private static List<Tick> inSeqOrder(List<Tick> ticks) {
        return ticks.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
    }

    private static List<Candle> candles(JsonObject history) {
        JsonArray array = history.getAsJsonArray("candles");
        List<Candle> candles = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject c = array.get(i).getAsJsonObject();
            candles.add(new Candle(
                    c.get("time").getAsLong(),
                    c.get("open").getAsDouble(),
                    c.get("high").getAsDouble(),
                    c.get("low").getAsDouble(),
                    c.get("close").getAsDouble(),
                    c.get("volume").getAsDouble(),
                    c.get("trades").getAsLong()));
        }
        return candles;
    }
}
