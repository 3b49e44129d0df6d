package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.chart.scale.ScaleMode;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
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
        Menu view = new Menu("View", null, live, theme, stats, focusUrl, new SeparatorMenuItem(), scale(window));

        bar.getMenus().addAll(file, view, draw(window));
        bar.setUseSystemMenuBar(true);
    }

    /** Price scale: linear, log (Alt+L) or percent (Alt+P), each key toggling back to linear; auto-fit (Alt+A). */
    private static Menu scale(MainWindow window) {
        CandleChart chart = window.chart();
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("Price scale");
        for (ScaleMode mode : ScaleMode.values()) {
            RadioMenuItem item =
                    new RadioMenuItem(mode.name().charAt(0) + mode.id().substring(1));
            item.setId("scale-" + mode.id());
            item.setToggleGroup(group);
            item.setSelected(chart.getScaleMode() == mode);
            item.setOnAction(e -> chart.setScaleMode(mode));
            if (mode != ScaleMode.LINEAR) {
                item.setAccelerator(KeyCombination.keyCombination(mode == ScaleMode.LOG ? "Alt+L" : "Alt+P"));
                item.setOnAction(e -> chart.setScaleMode(chart.getScaleMode() == mode ? ScaleMode.LINEAR : mode));
            }
            chart.scaleModeProperty().addListener((o, was, is) -> item.setSelected(is == mode));
            menu.getItems().add(item);
        }
        CheckMenuItem autoFit = new CheckMenuItem("Auto-fit prices");
        autoFit.setAccelerator(KeyCombination.keyCombination("Alt+A"));
        autoFit.selectedProperty().bindBidirectional(chart.autoFitProperty());
        menu.getItems().addAll(new SeparatorMenuItem(), autoFit);
        return menu;
    }

    /** The drawing tools with their keys, and the magnet. */
    private static Menu draw(MainWindow window) {
        CandleChart chart = window.chart();
        Menu menu = new Menu("Draw");
        for (DrawingTool tool : DrawingTools.ALL) {
            String[] look = DrawingBar.LOOKS.get(tool.id());
            MenuItem item = new MenuItem(tool.name());
            if (look != null) {
                item.setAccelerator(KeyCombination.keyCombination(look[1]));
            }
            item.setOnAction(e -> {
                chart.setDrawingTool(tool);
                chart.requestFocus();
            });
            menu.getItems().add(item);
        }
        CheckMenuItem magnet = new CheckMenuItem("Magnet");
        magnet.selectedProperty().bindBidirectional(chart.magnetProperty());
        // Undo, redo and delete are the chart's own keys while it has the focus (Ctrl+Z, Ctrl+Shift+Z, Del):
        // accelerators here would take Ctrl+Z from the URL box too.
        MenuItem undo = new MenuItem("Undo drawing (Ctrl+Z)");
        undo.setOnAction(e -> chart.undoDrawing());
        MenuItem redo = new MenuItem("Redo drawing (Ctrl+Shift+Z)");
        redo.setOnAction(e -> chart.redoDrawing());
        menu.getItems().addAll(new SeparatorMenuItem(), magnet, undo, redo);
        return menu;
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
