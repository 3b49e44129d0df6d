package com.klinelive.app;

import com.klinelive.chart.VisibleRange;
import com.klinelive.fx.FxTimer;
import com.klinelive.fx.PulseCpu;
import java.io.IOException;
import java.time.Duration;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * The JavaFX application of the viewer. Started by {@link #launch(ViewerOptions)} from the command line, never as
 * the jar's main class (see {@link com.klinelive.Main}).
 */
public final class ViewerApp extends Application {

    private static volatile ViewerOptions options = ViewerOptions.DEFAULTS;
    private static volatile Settings settings;
    private static volatile boolean startMinimised;

    private MainWindow window;
    private FxTimer.Scheduled statsTimer;
    private PulseCpu pulses;

    /** Shows the viewer and returns when its window is closed. */
    public static void launch(ViewerOptions viewerOptions) {
        options = viewerOptions;
        ViewerCache.enabled(viewerOptions.cache());
        // Connecting (and starting the embedded simulator) overlaps JavaFX's start: the first frame comes sooner.
        FeedSession.openAhead(viewerOptions.url(), viewerOptions.ssl(), viewerOptions.feedArgs());
        Application.launch(ViewerApp.class);
    }

    /** Settings to use instead of the user's (tests). */
    static void useSettings(Settings testSettings) {
        settings = testSettings;
    }

    static void useOptions(ViewerOptions viewerOptions) {
        options = viewerOptions;
    }

    /** Whether the window starts minimised (the benchmark of a hidden viewer). */
    static void startMinimised(boolean minimised) {
        startMinimised = minimised;
    }

    /** The window, once started. */
    MainWindow window() {
        return window;
    }

    @Override
    public void start(Stage stage) {
        ViewerOptions o = options;
        Settings s = settings != null ? settings : Settings.forUser();
        window = new MainWindow(stage, s);
        window.useSsl(o.ssl());
        window.useFeedArgs(o.url(), o.feedArgs());
        window.apply(o.chart());
        if (o.interval() != null) {
            window.toolbar().timeframe().set(o.interval());
        }
        if (o.symbol() != null) {
            s.symbol(o.symbol());
        }
        stage.show();
        stage.setIconified(startMinimised);
        window.chart().requestFocus();
        window.connect(o.url() == null ? "" : o.url());
        if (o.stats()) {
            reportFirstLiveFrame();
            // Timers, not animations: a running Timeline or PauseTransition keeps JavaFX pulsing 60 times a second.
            pulses = PulseCpu.attach(stage.getScene());
            statsTimer = FxTimer.every(Duration.ofSeconds(1), () -> System.out.println(statsLine()));
        }
        if (o.exitAfter() != null) {
            FxTimer.after(o.exitAfter(), () -> finish(o));
        }
    }

    /** Prints, once, how long after the JVM started the chart first showed live candles. */
    private void reportFirstLiveFrame() {
        long jvmStart =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        // The chart sets its visible range as it draws a frame: the first with candles is the first live frame.
        ChangeListener<VisibleRange> firstFrame = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends VisibleRange> o, VisibleRange was, VisibleRange is) {
                if (is.count() > 0) {
                    System.out.println("startup first_live_frame_ms=" + (System.currentTimeMillis() - jvmStart));
                    o.removeListener(this);
                }
            }
        };
        window.chart().visibleRangeProperty().addListener(firstFrame);
    }

    /** The window's stats line and the FX thread's CPU per pulse. */
    private String statsLine() {
        return window.statsLine() + " " + pulses;
    }

    private void finish(ViewerOptions o) {
        if (o.snapshot() != null) {
            try {
                window.exportPngTo(o.snapshot());
                System.out.println("snapshot " + o.snapshot());
            } catch (IOException | RuntimeException e) {
                System.err.println("could not write the snapshot " + o.snapshot() + ": " + e.getMessage());
            }
        }
        window.stage().close();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (statsTimer != null) {
            statsTimer.cancel();
            System.out.println(statsLine());
        }
    }
}
