package com.klinelive.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.alert.AlertCondition;
import com.klinelive.alert.PriceAlert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {

    @TempDir
    Path dir;

    private WorkspaceStore store() {
        return new WorkspaceStore(dir.resolve("cfg").resolve(WorkspaceStore.FILE_NAME));
    }

    private static Workspace aFullWorkspace() {
        FeedSpec binance = new FeedSpec(
                "Binance BTC", "wss://stream.binance.com:9443/ws/btcusdt@trade", "binance", "", "", Map.of(), "");
        FeedSpec mapped = new FeedSpec(
                "desk",
                "http://127.0.0.1:3002",
                "socketio",
                "",
                "trade",
                Map.of("symbol", "sym", "price", "data.px", "time", "data.ts", "size", "data.qty"),
                "");
        ChartSpec first = new ChartSpec(
                binance,
                "BTCUSDT",
                "5m",
                "heikin-ashi",
                "log",
                List.of("sma:20|line-1|0", "sma:50|line-2|0", "rsi:14|line-3|0.25"),
                null);
        ChartSpec second = new ChartSpec(mapped, "ETH", "1m", "candles", "linear", List.of(), null);
        ChartSpec third = first.withSymbol("ETHUSDT");
        ChartSpec fourth = second.withSymbol("SOL");
        ChartSpec floating = new ChartSpec(
                FeedSpec.EMBEDDED,
                "SIM-ETH",
                "1s",
                "line",
                "percent",
                List.of(),
                WindowSpec.at(100, 50, 800, 600, false));
        PriceAlert alert = new PriceAlert("a-1", binance.url(), "BTCUSDT", 104_250.5, AlertCondition.CROSSES_UP, false);
        return new Workspace(
                Workspace.VERSION,
                Layout.FOUR,
                2,
                true,
                false,
                List.of(first, second, third, fourth, floating),
                List.of(new WatchEntry(binance.url(), "BTCUSDT"), new WatchEntry("", "SIM-BTC")),
                List.of(AlertSpec.of(alert)),
                List.of(new AlertLogEntry(
                        "a-0", binance.url(), "BTCUSDT", "crosses down 100000", 1_733_000_000_000L, 99_990)),
                List.of(new SymbolDrawings(
                        binance.url(),
                        "BTCUSDT",
                        List.of(
                                "trend:1733000000000:100000.0:1733003600000:101500.25",
                                "note:1733000000000:99000.0:Buy%21"))),
                List.of(binance, mapped),
                List.of("http://127.0.0.1:8080"),
                WindowSpec.at(10, 20, 1920, 1080, true),
                new UiSpec(false, "Europe/Berlin", "zh", true, true));
    }

    @Test
    void aSavedWorkspaceLoadsBackEqual() throws Exception {
        Workspace saved = aFullWorkspace();
        store().save(saved);

        WorkspaceStore.Loaded loaded = store().load();

        assertEquals("", loaded.problem());
        assertTrue(loaded.existed());
        assertEquals(saved, loaded.workspace());
        String text = Files.readString(store().file());
        assertTrue(text.contains("\"layout\": \"4\""), "human-readable: " + text.substring(0, 200));
        assertTrue(text.contains("\"version\": 1"));
    }

    @Test
    void savingLeavesOnlyTheFileBehindAndReplacesTheOldOne() throws Exception {
        store().save(Workspace.defaults());
        store().save(aFullWorkspace());

        try (Stream<Path> files = Files.list(store().file().getParent())) {
            assertEquals(
                    List.of(WorkspaceStore.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(aFullWorkspace(), store().load().workspace());
    }

    @Test
    void aFirstStartHasNoFileAndGetsTheDefaults() {
        WorkspaceStore.Loaded loaded = store().load();

        assertFalse(loaded.existed());
        assertEquals("", loaded.problem());
        assertEquals(Workspace.defaults(), loaded.workspace());
        assertEquals(1, loaded.workspace().charts().size());
    }

    @Test
    void aTruncatedFileIsMovedAsideWithAMessageAndTheDefaultsAreUsed() throws Exception {
        store().save(aFullWorkspace());
        Path file = store().file();
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 2));

        WorkspaceStore.Loaded loaded = store().load();

        assertEquals(Workspace.defaults(), loaded.workspace());
        assertTrue(loaded.problem().contains("could not be used"), loaded.problem());
        assertTrue(loaded.problem().contains("default workspace"), loaded.problem());
        assertFalse(Files.exists(file), "moved aside, so the next save starts clean");
        try (Stream<Path> files = Files.list(file.getParent())) {
            Path aside = files.filter(
                            p -> p.getFileName().toString().startsWith(WorkspaceStore.FILE_NAME + ".damaged-"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(whole.substring(0, whole.length() / 2), Files.readString(aside), "kept for the user");
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndTheRestLoads() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), """
                {"version": 3, "layout": "2-stacked", "futureThing": {"a": [1, 2]},
                 "charts": [{"symbol": "ETHUSDT", "timeframe": "15m", "newChartField": true}],
                 "ui": {"dark": false, "zone": "America/New_York", "sparkles": 7}}
                """, StandardCharsets.UTF_8);

        WorkspaceStore.Loaded loaded = store().load();

        assertEquals("", loaded.problem());
        Workspace w = loaded.workspace();
        assertEquals(Layout.TWO_STACKED, w.layout());
        assertEquals(2, w.charts().size(), "a chart for every place of the layout");
        assertEquals("ETHUSDT", w.charts().get(0).symbol());
        assertEquals("15m", w.charts().get(0).timeframe());
        assertEquals("candles", w.charts().get(0).chartType(), "absent fields take their defaults");
        assertEquals(FeedSpec.EMBEDDED, w.charts().get(0).feed());
        assertFalse(w.ui().dark());
        assertEquals("America/New_York", w.ui().zone());
        assertEquals("system", w.ui().language());
    }

    @Test
    void aFileWithFewerFieldsAsAnOlderVersionWroteLoadsWithDefaults() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "{\"version\": 1, \"charts\": [{\"symbol\": \"BTCUSDT\"}]}");

        Workspace w = store().load().workspace();

        assertEquals(Layout.ONE, w.layout());
        assertEquals("BTCUSDT", w.charts().get(0).symbol());
        assertEquals(List.of(), w.alerts());
        assertEquals(WindowSpec.DEFAULT, w.window());
        assertEquals(UiSpec.DEFAULT, w.ui());
    }

    @Test
    void valuesOutOfRangeAreSetRightAndNonsenseAlertsDropped() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), """
                {"layout": "4", "activeChart": 9,
                 "alerts": [{"id": "ok", "feed": "", "symbol": "SIM-BTC", "level": 5, "condition": "ABOVE"},
                            {"id": "no-price", "symbol": "SIM-BTC", "level": -1, "condition": "ABOVE"},
                            {"id": "no-symbol", "level": 3, "condition": "BELOW"},
                            {"id": "no-condition", "symbol": "SIM-BTC", "level": 3}],
                 "window": {"x": 5, "y": 5, "width": 3, "height": 1e9, "placed": true},
                 "watchlist": [{"feed": "", "symbol": ""}, {"feed": "", "symbol": "SIM-ETH"}]}
                """);

        Workspace w = store().load().workspace();

        assertEquals(0, w.activeChart());
        assertEquals(4, w.charts().size());
        assertEquals(List.of("ok"), w.alerts().stream().map(AlertSpec::id).toList());
        assertEquals(WindowSpec.DEFAULT.width(), w.window().width());
        assertEquals(
                List.of("SIM-ETH"),
                w.watchlist().stream().map(WatchEntry::symbol).toList());
    }

    @Test
    void lenientJsonIsNotAccepted() throws Exception {
        Files.createDirectories(store().file().getParent());
        for (String bad : List.of("{layout: \"1\"}", "{\"window\": {\"x\": NaN}}", "[1, 2]", "{} {}", "")) {
            Files.writeString(store().file(), bad);
            WorkspaceStore.Loaded loaded = store().load();
            assertFalse(loaded.problem().isEmpty(), bad);
            assertEquals(Workspace.defaults(), loaded.workspace(), bad);
        }
    }

    @Test
    void anOversizedFileIsNotRead() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.write(store().file(), new byte[(int) WorkspaceStore.MAX_BYTES + 1]);

        WorkspaceStore.Loaded loaded = store().load();

        assertTrue(loaded.problem().contains("larger than"), loaded.problem());
    }

    @Test
    void exportAndImportCarryTheWholeWorkspace() throws Exception {
        Path exported = dir.resolve("elsewhere").resolve("my-desk.json");
        store().exportTo(aFullWorkspace(), exported);

        assertEquals(aFullWorkspace(), store().importFrom(exported));

        Files.writeString(exported, "<html>not a workspace</html>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store().importFrom(exported));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(Files.exists(exported), "an import never moves the user's file");
    }
}
