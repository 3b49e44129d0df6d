package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.candle.CandleBook;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.ChartStyles;
import com.klinelive.chart.ScrollBackState;
import com.klinelive.chart.VisibleRange;
import com.klinelive.feed.FeedClient;
import com.klinelive.feed.FeedOptions;
import com.klinelive.feed.ServerTruth;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import com.klinelive.scrollback.ScrollBackLoader;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scroll-back end to end: the real chart in a (headless) window, a feed client on the simulator with 30 days of
 * minutes, and the loader between them as the app wires it. Home shows the oldest candle, the chart asks for the
 * page before it, the page lands: three times, then the candles are checked against the server's.
 */
class ScrollBackChartTest {

    private static final String SYMBOL = "BTCUSDT";
    private static final Set<Timeframe> TIMEFRAMES = EnumSet.of(Timeframe.M1);
    private static final int HISTORY = 1_000;
    private static final long WAIT = 30_000;

    private final FxRobot robot = new FxRobot();
    private final List<AutoCloseable> open = new ArrayList<>();
    private CandleChart chart;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(() -> stage.hide());
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void threePagesBackTheCandlesOnScreenStayPutAndTheCandlesEqualTheServers() throws Exception {
        SimServer sim = keep(SimServer.start(SimOptions.defaults()
                .withPort(0)
                .withSeed(41)
                .withRate(20)
                .withHistory(Duration.ofDays(30))
                .withSymbols(List.of(SYMBOL))));
        FeedClient client = keep(Feeds.client(
                FeedOptions.defaults(sim.uri().toString())
                        .withSymbols(List.of(SYMBOL))
                        .withHistory(TIMEFRAMES, HISTORY),
                new CandleAggregator(TIMEFRAMES, CandleAggregator.DEFAULT_CAPACITY, 4)));
        client.start();
        waitFor(
                WAIT,
                () -> client.book(SYMBOL) != null && client.book(SYMBOL).historySeq(Timeframe.M1) >= 0,
                () -> client.status() + " " + client.metrics());
        CandleBook book = client.book(SYMBOL);
        ScrollBackLoader loader = ChartScrollBack.loader(null, sim.uri().toString(), client);
        // The range on screen when the chart asked: the frame before the page could land.
        List<VisibleRange> whenAsked = new CopyOnWriteArrayList<>();
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(book, Timeframe.M1);
            var handler = ChartScrollBack.handler(loader, new I18n(java.util.Locale.ENGLISH));
            chart.setOnNeedOlder(request -> {
                whenAsked.add(chart.getVisibleRange());
                handler.accept(request);
            });
            Stage s = new Stage();
            s.setScene(new Scene(chart, 900, 600));
            s.show();
            return s;
        });

        for (int page = 1; page <= 3; page++) {
            int pageNumber = page;
            int held = book.read(Timeframe.M1, c -> c.size());
            home();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> whenAsked.size() == pageNumber);
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> chart.getScrollBackState() == ScrollBackState.IDLE
                            && chart.getVisibleRange().count() >= held + ScrollBackLoader.DEFAULT_PAGE_SIZE);
            awaitFrame();
            VisibleRange before = whenAsked.get(page - 1);
            VisibleRange after = chart.getVisibleRange();
            assertEquals(before.firstTime(), after.firstTime(), "page " + page + ": the oldest candle on screen");
            assertEquals(before.lastTime(), after.lastTime(), "page " + page + ": the newest candle on screen");
            assertEquals(before.first() + ScrollBackLoader.DEFAULT_PAGE_SIZE, after.first(), "page " + page);
            assertTrue(!scrollBackMark().isVisible(), "no mark once the page is in and its oldest is off screen");
        }

        List<Candle> candles = book.candles(Timeframe.M1, 1_000_000);
        assertTrue(candles.size() >= HISTORY + 3 * ScrollBackLoader.DEFAULT_PAGE_SIZE, "held " + candles.size());
        for (int i = 1; i < candles.size(); i++) {
            assertEquals(candles.get(i - 1).time() + 60_000, candles.get(i).time(), "no hole, no duplicate at " + i);
        }
        ServerTruth.assertClientMatchesServer(client, sim, TIMEFRAMES);
    }

    private void home() throws TimeoutException {
        Bounds b = chart.localToScreen(chart.getBoundsInLocal());
        robot.clickOn(new Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.3));
        robot.type(KeyCode.HOME);
        awaitFrame();
    }

    private Node scrollBackMark() {
        return chart.lookup("." + ChartStyles.SCROLL_BACK_MARK);
    }

    private void awaitFrame() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        long frames = chart.frameStats().snapshot().frames();
        chart.markDirty();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> chart.frameStats().snapshot().frames() > frames);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
