package com.klinelive.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.ChartStyles;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The theme, set in one place: the workspace's dark property decides, and this applies it to the JavaFX user
 * agent stylesheet and to every open window and chart, now and whenever it changes. FX thread.
 */
final class Theme {

    private final BooleanProperty dark;

    Theme(BooleanProperty dark) {
        this.dark = dark;
        dark.addListener((o, was, is) -> applyEverywhere());
    }

    /** Applies the theme to every open window. */
    void applyEverywhere() {
        Application.setUserAgentStylesheet(
                dark.get()
                        ? new PrimerDark().getUserAgentStylesheetBSS()
                        : new PrimerLight().getUserAgentStylesheetBSS());
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null) {
                applyTo(w.getScene());
            }
        }
    }

    /** Applies the theme to a new window's scene, and its app stylesheet. */
    void applyTo(Scene scene) {
        if (!scene.getStylesheets().contains(MainWindow.STYLESHEET)) {
            scene.getStylesheets().add(MainWindow.STYLESHEET);
        }
        scene.getRoot().getStyleClass().removeAll("dark", "light");
        scene.getRoot().getStyleClass().add(dark.get() ? "dark" : "light");
        for (Node n : scene.getRoot().lookupAll("." + ChartStyles.CHART)) {
            applyTo((CandleChart) n);
        }
    }

    /** Applies the theme to one chart (a chart added to a window after the theme was set). */
    void applyTo(CandleChart chart) {
        chart.getStyleClass().removeAll(ChartStyles.DARK, ChartStyles.LIGHT);
        chart.getStyleClass().add(dark.get() ? ChartStyles.DARK : ChartStyles.LIGHT);
    }
}
