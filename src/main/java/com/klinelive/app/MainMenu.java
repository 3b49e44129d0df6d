package com.klinelive.app;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The menu bar and its shortcuts. */
final class MainMenu {

    private final MenuBar bar = new MenuBar();

    MainMenu(MainWindow window) {
        MenuItem png = item("Export chart as PNG…", "Shortcut+S", window::exportPng);
        MenuItem csv = item("Export candles as CSV…", "Shortcut+E", window::exportCsv);
        MenuItem copy = item("Copy chart to clipboard", "Shortcut+Shift+C", window::copySnapshot);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            window.stage().close();
            Platform.exit();
        });
        Menu file = new Menu("File", null, png, csv, copy, new SeparatorMenuItem(), quit);

        // No accelerator: Space and End go live when the chart has focus, and must stay free for text fields.
        MenuItem live = new MenuItem("Go live (Space)");
        live.setOnAction(e -> window.chart().goLive());
        MenuItem theme = item(
                "Toggle dark/light theme",
                "Shortcut+T",
                () -> window.applyTheme(
                        !window.stage().getScene().getRoot().getStyleClass().contains("dark")));
        MenuItem stats = item("Performance overlay", "F3", window::toggleStatsOverlay);
        MenuItem focusUrl =
                item("Edit feed URL", "Shortcut+L", () -> window.toolbar().url().requestFocus());
        Menu view = new Menu("View", null, live, theme, stats, focusUrl);

        bar.getMenus().addAll(file, view);
        bar.setUseSystemMenuBar(true);
    }

    MenuBar bar() {
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }
}
