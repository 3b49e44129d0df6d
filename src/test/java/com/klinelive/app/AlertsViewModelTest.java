package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.alert.AlertCondition;
import com.klinelive.alert.AlertFired;
import com.klinelive.alert.PriceAlert;
import com.klinelive.workspace.AlertLogEntry;
import com.klinelive.workspace.AlertSpec;
import com.klinelive.workspace.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Alerts fired on a feed thread reach the log and the desktop (our toast, headless) once, on the FX thread. */
class AlertsViewModelTest {

    private static final String FEED = "http://127.0.0.1:8080";
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aOneShotAlertFiredOnAFeedThreadIsLoggedNotifiedAndSpent() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        AlertsViewModel alerts =
                onFx(() -> new AlertsViewModel(i18n, () -> ZoneId.of("Europe/Berlin"), Platform::runLater));
        DesktopNotifier notifier = new DesktopNotifier(Runnable::run, DesktopNotifier.Channel.TOAST);
        List<AlertFired> announced = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            alerts.onAnnounce(fired -> {
                announced.add(fired);
                String[] note = alerts.notification(fired);
                notifier.show(note[0], note[1]);
            });
            alerts.add(FEED, "BTCUSDT", 100_000, AlertCondition.CROSSES_UP, false);
        });
        long t = Instant.parse("2026-12-05T12:00:00Z").toEpochMilli();

        Thread feed = new Thread(() -> {
            alerts.monitor().onTrade(FEED, "BTCUSDT", t, 99_990);
            alerts.monitor().onTrade(FEED, "BTCUSDT", t + 1, 100_010.5);
            alerts.monitor().onTrade(FEED, "BTCUSDT", t + 2, 99_000);
            alerts.monitor().onTrade(FEED, "BTCUSDT", t + 3, 100_500);
        });
        feed.start();
        feed.join();

        waitFor(5_000, () -> onFx(() -> notifier.toast().showing()), () -> "no toast");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, announced.size(), "once-mode fires exactly once");
        List<AlertLogEntry> log = onFx(() -> List.copyOf(alerts.log()));
        assertEquals(1, log.size());
        assertEquals(100_010.5, log.get(0).price());
        assertEquals("BTCUSDT crosses up 100000.00", log.get(0).text());
        assertEquals(0, (int) onFx(() -> alerts.alerts().size()), "a spent alert leaves the list");
        assertEquals(
                List.of("Alert: BTCUSDT crosses up 100000.00: BTCUSDT traded at 100010.50 (13:00:00)"),
                onFx(() -> notifier.toast().texts()),
                "the time is in the chosen zone");
        robot.interact(() -> notifier.toast().close());
    }

    @Test
    void restoredAlertsAreArmedAgain() throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        AlertsViewModel alerts = onFx(() -> new AlertsViewModel(i18n, () -> ZoneId.of("UTC"), Platform::runLater));
        PriceAlert saved = new PriceAlert("saved-1", FEED, "ETHUSDT", 4_000, AlertCondition.BELOW, true);
        Workspace workspace = new Workspace(
                Workspace.VERSION,
                null,
                0,
                false,
                false,
                null,
                null,
                List.of(AlertSpec.of(saved)),
                null,
                null,
                null,
                null,
                null,
                null);
        robot.interact(() -> alerts.restore(workspace.normalized()));
        assertEquals(List.of(saved), onFx(() -> List.copyOf(alerts.alerts())));

        alerts.monitor().onTrade(FEED, "ETHUSDT", 0, 3_900);
        waitFor(5_000, () -> onFx(() -> alerts.log().size() == 1), () -> "not fired");
        assertTrue(onFx(() -> alerts.alerts().contains(saved)), "an every-time alert stays armed");
    }
}
