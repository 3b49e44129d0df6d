package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.CandleChart;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedState;
import com.klinelive.feed.ServerTruth;
import com.klinelive.feed.TcpProxy;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import com.klinelive.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer's restart with the candle cache, in the (headless) window: a first run watches a feed until its
 * closed candles are cached; the second starts while the feed is stalled behind a proxy and shows the cached
 * candles before the feed has answered anything; once the feed flows, the chart's candles equal the server's.
 */
class CacheFirstStartTest {

    private static final String SYMBOL = "BTCUSDT";

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final Preferences prefs = Preferences.userRoot().node("klinelive-cache-test-" + System.nanoTime());
    private ViewerApp app;
    private SimServer sim;
    private TcpProxy proxy;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            close(app);
        }
        prefs.removeNode();
        if (proxy != null) {
            proxy.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aRestartShowsTheCachedCandlesBeforeTheFeedAnswersThenTheFeedsOwn() throws Exception {
        sim = SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(31)
                .withRate(50)
                .withHistory(Duration.ofHours(3))
                .withSymbols(List.of(SYMBOL)));
        proxy = new TcpProxy(sim.uri().getPort());
        String url = proxy.url();
        ViewerOptions options = new ViewerOptions(url, SYMBOL, Timeframe.M1, null, null, false, null);

        app = launch(options);
        waitFor(
                20_000,
                () -> onFx(() -> chart().getBook() != null
                        && chart().getBook().historySeq(Timeframe.M1) >= 0
                        && chart().getVisibleRange().count() > 20),
                () -> "no history on the first run");
        // The cache writes about once a second; two passes at least.
        Thread.sleep(2_500);
        List<Candle> firstRun = onFx(() -> chart().getBook().candles(Timeframe.M1, 100_000));
        close(app);
        ViewerCache.close();

        proxy.stall(true);
        app = launch(options);
        waitFor(
                10_000,
                () -> onFx(() -> chart().getBook() != null
                        && chart().getBook().candles(Timeframe.M1, 1).size() == 1),
                () -> "no cached candles on the second run");
        FeedClient client =
                onFx(() -> app.window().workspace().active().session().client());
        assertEquals(-1, (long) onFx(() -> chart().getBook().historySeq(Timeframe.M1)), "the feed has not answered");
        assertTrue(
                client.status().state() != FeedState.WEBSOCKET, client.status().toString());
        List<Candle> shown = onFx(() -> chart().getBook().candles(Timeframe.M1, 100_000));
        // Every closed candle of the first run, the open one excepted: it always comes from the feed.
        List<Candle> closedBefore = firstRun.subList(0, firstRun.size() - 1);
        assertTrue(shown.size() >= closedBefore.size() - 2, shown.size() + " of " + closedBefore.size());
        assertEquals(closedBefore.subList(0, shown.size()), shown, "the cached candles are the first run's");
        WaitForAsyncUtils.waitFor(
                10,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> onFx(() -> chart().getVisibleRange().count() > 20));

        proxy.stall(false);
        waitFor(
                30_000,
                () -> onFx(() -> chart().getBook().historySeq(Timeframe.M1) >= 0),
                () -> "the feed's history never came: " + client.status());
        ServerTruth.assertClientMatchesServer(client, sim, EnumSet.of(Timeframe.M1));
        List<Candle> joined = onFx(() -> chart().getBook().candles(Timeframe.M1, 100_000));
        assertEquals(shown.get(0), joined.get(0), "the cached candles older than the feed's history stay");
        for (int i = 1; i < joined.size(); i++) {
            assertEquals(joined.get(i - 1).time() + 60_000, joined.get(i).time(), "no hole, no duplicate at " + i);
        }
    }

    private CandleChart chart() {
        return app.window().activeChart();
    }

    private ViewerApp launch(ViewerOptions options) throws Exception {
        FxToolkit.registerPrimaryStage();
        ViewerApp viewer = new ViewerApp(options, store(), prefs);
        viewer.openAhead();
        robot.interact(() -> viewer.start(new javafx.stage.Stage()));
        return viewer;
    }

    private WorkspaceStore store() {
        return new WorkspaceStore(dir.resolve("config").resolve(WorkspaceStore.FILE_NAME));
    }

    private void close(ViewerApp viewer) {
        robot.interact(() -> viewer.window().quit());
        viewer.stop();
        app = null;
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
