package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.TimeTicks;
import com.klinelive.model.Timeframe;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart in a real (headless) window switching language and time zone while it runs: every text it shows
 * follows its locale, and its times the zone's wall clock.
 */
class ChartLanguageTest {

    private static final long START = Instant.parse("2025-11-10T00:00:00Z").toEpochMilli();
    private static final long END = Instant.parse("2025-12-10T00:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;

    private final FxRobot robot = new FxRobot();
    private CandleChart chart;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws TimeoutException {
        SyntheticBook market = new SyntheticBook("TESTUSD", 100, 3).walk(START, END, 600_000);
        stage = FxToolkit.setupFixture(() -> {
            chart = new CandleChart(market.book(), Timeframe.H1);
            chart.setLocale(Locale.ENGLISH);
            // Two pixels a candle: about two weeks of hours on screen, December's first day among them.
            chart.setBarSpacing(2);
            Stage s = new Stage();
            s.setScene(new Scene(chart, 900, 600));
            s.show();
            s.toFront();
            return s;
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void everyTextFollowsTheLocaleLive() throws Exception {
        robot.interact(() -> {
            chart.getStudies().setAll(StudyText.parseList("sma:20,volume"));
            chart.setFollowLive(false);
            chart.setRightOffset(-20);
        });
        awaitFrame();
        waitUntil(() -> labels().contains("Dec"));
        assertEquals("Go live \u21e5", goLive().getText());
        assertTrue(goLive().isVisible());
        assertTrue(legend().getText().startsWith("O "), legend().getText());
        assertEquals("TESTUSD \u00b7 1h", legendTitle().getText());

        robot.interact(() -> chart.setLocale(Locale.SIMPLIFIED_CHINESE));
        awaitFrame();
        waitUntil(() -> labels().contains("12\u6708"));
        assertEquals("\u56de\u5230\u6700\u65b0 \u21e5", goLive().getText(), "Go live in Chinese");
        assertTrue(labels().stream().anyMatch(l -> l.matches("1[12]\u6708\\d+\u65e5")), "days: " + labels());
        assertTrue(legend().getText().startsWith("\u5f00 "), legend().getText());
        assertTrue(legend().getText().contains("  \u91cf "), legend().getText());
        assertEquals("TESTUSD \u00b7 1\u5c0f\u65f6", legendTitle().getText());
        waitUntil(() -> studyNames().equals(Set.of("MA 20", "\u6210\u4ea4\u91cf")));
        assertEquals(
                "\u8bbe\u7f6e",
                firstStudyRow().lookup("." + ChartStyles.STUDY_EDIT) instanceof Button b
                        ? b.getTooltip().getText()
                        : null);

        robot.interact(() -> chart.setLocale(Locale.UK));
        awaitFrame();
        waitUntil(() -> labels().contains("Dec"));
        assertEquals("Go live \u21e5", goLive().getText());
        waitUntil(() -> studyNames().equals(Set.of("SMA 20", "Vol")));
    }

    @Test
    void theZoneMovesTheLabelsAndTheCrosshairsTimeButNotTheCandles() throws Exception {
        robot.interact(() -> {
            chart.setTimeframe(Timeframe.D1);
            chart.setBarSpacing(24);
        });
        awaitFrame();
        waitUntil(() -> !ticks().isEmpty());
        VisibleRange utcRange = chart.getVisibleRange();
        assertEquals("UTC", zoneLabel().getText());
        for (TimeTicks.Tick tick : ticks()) {
            assertEquals(tick.index() + 0.5, tick.position(), 1e-9, "a UTC day label under its candle: " + tick);
        }

        robot.interact(() -> chart.setZone(ZoneId.of("America/New_York")));
        awaitFrame();
        // Midnight in New York (EST) is 05:00 UTC: five hours into the candle of the UTC day.
        waitUntil(() -> !ticks().isEmpty()
                && ticks().stream().allMatch(t -> Math.abs(t.position() - t.index() - 0.5 - 5.0 / 24) < 1e-9));
        assertEquals(utcRange, chart.getVisibleRange(), "the candles stay in their UTC days");
        // The corner names the wall clock: New York's offset now, which daylight saving moves.
        waitUntil(() -> zoneLabel()
                .getText()
                .equals(
                        Instant.now()
                                                .atZone(ZoneId.of("America/New_York"))
                                                .getOffset()
                                                .getTotalSeconds()
                                        == -5 * 3600
                                ? "UTC-5"
                                : "UTC-4"));

        Bounds panes = surface().localToScreen(surface().getBoundsInLocal());
        robot.moveTo(new Point2D(panes.getMinX() + panes.getWidth() * 0.6, panes.getMinY() + 100));
        // A UTC day seen from New York begins at 19:00 the day before.
        waitUntil(() ->
                crosshairTime().isVisible() && crosshairTime().getText().matches("\\w{3} \\d+ \\w{3} 2025 19:00"));

        robot.interact(() -> chart.setLocale(Locale.SIMPLIFIED_CHINESE));
        robot.moveBy(24, 0);
        waitUntil(() -> crosshairTime().getText().matches("2025\u5e74\\d+\u6708\\d+\u65e5 \u5468. 19:00"));

        robot.interact(() -> chart.setZone(ZoneOffset.UTC));
        robot.moveBy(-24, 0);
        waitUntil(() -> crosshairTime().getText().matches("2025\u5e74\\d+\u6708\\d+\u65e5 \u5468."));
    }

    @Test
    void theCornerWritesOffsetsAsTradersDo() {
        assertEquals("UTC", ChartLabels.offsetText(ZoneOffset.UTC));
        assertEquals("UTC+8", ChartLabels.offsetText(ZoneOffset.ofHours(8)));
        assertEquals("UTC+5:30", ChartLabels.offsetText(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("UTC-3:30", ChartLabels.offsetText(ZoneOffset.ofHoursMinutes(-3, -30)));
    }

    private Label zoneLabel() {
        return (Label) chart.lookup("." + ChartStyles.ZONE);
    }

    private List<TimeTicks.Tick> ticks() {
        return ((TimeAxis) chart.lookup("." + ChartStyles.TIME_AXIS)).ticks();
    }

    private List<String> labels() {
        return ticks().stream().map(TimeTicks.Tick::label).toList();
    }

    private Set<String> studyNames() {
        return chart.lookupAll("." + ChartStyles.STUDY_LEGEND).stream()
                .filter(Node::isVisible)
                .map(n -> ((javafx.scene.text.Text) n.lookup(".study-name")).getText())
                .collect(java.util.stream.Collectors.toSet());
    }

    private Node firstStudyRow() {
        return chart.lookup("." + ChartStyles.STUDY_LEGEND);
    }

    private Button goLive() {
        return (Button) chart.lookup("." + ChartStyles.GO_LIVE);
    }

    private Label legend() {
        return (Label) chart.lookup("." + ChartStyles.LEGEND);
    }

    private Label legendTitle() {
        return (Label) chart.lookup(".legend-title");
    }

    private Label crosshairTime() {
        return (Label) chart.lookup("." + ChartStyles.CROSSHAIR_TIME);
    }

    private Region surface() {
        return (Region) chart.lookup("." + ChartStyles.CROSSHAIR);
    }

    private void awaitFrame() throws TimeoutException {
        FrameWait.nextFrame(chart);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }
}
