package com.klinelive.app;

import java.io.IOException;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application of the viewer. Started by {@link #launch(ViewerOptions)} from the command line, never as
 * the jar's main class (see {@link com.klinelive.Main}).
 */
public final class ViewerApp extends Application {

    private static volatile ViewerOptions options = ViewerOptions.DEFAULTS;
    private static volatile Settings settings;

    private MainWindow window;
    private Timeline statsTimer;

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
        window.chart().requestFocus();
        window.connect(o.url() == null ? "" : o.url());
        if (o.stats()) {
            reportFirstLiveFrame();
            statsTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> System.out.println(window.statsLine())));
            statsTimer.setCycleCount(Timeline.INDEFINITE);
            statsTimer.play();
        }
        if (o.exitAfter() != null) {
            PauseTransition wait =
                    new PauseTransition(Duration.millis(o.exitAfter().toMillis()));
            wait.setOnFinished(e -> finish(o));
            wait.play();
        }
    }

    /** Prints, once, how long after the JVM started the chart first showed live candles. */
    private void reportFirstLiveFrame() {
        long jvmStart =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (window.chart().getVisibleRange().count() > 0
                        && window.chart().frameStats().snapshot().frames() > 0) {
                    System.out.println("startup first_live_frame_ms=" + (System.currentTimeMillis() - jvmStart));
                    stop();
                }
            }
        }.start();
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
            statsTimer.stop();
            System.out.println(window.statsLine());
        }
    }
}
