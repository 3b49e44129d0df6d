package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.workspace.Layout;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar and its shortcuts; every chart command acts on the active chart. */
final class MainMenu {

    private final MenuBar bar = new MenuBar();
    private final MainWindow window;
    private final WorkspaceViewModel workspace;
    private final I18n i18n;

    MainMenu(MainWindow window, WorkspaceViewModel workspace) {
        this.window = window;
        this.workspace = workspace;
        this.i18n = workspace.i18n();
        bar.getMenus().addAll(file(), view(), draw(), alerts());
        bar.setUseSystemMenuBar(true);
    }

    MenuBar bar() {
        return bar;
    }

    private Menu file() {
        return menu(
                "menu.file",
                item("menu.file.openfeed", "Shortcut+O", window::openFeedDialog),
                item("menu.file.openrecording", null, window::openRecording),
                item("menu.file.recordticks", null, window::toggleTickRecording),
                new SeparatorMenuItem(),
                item("menu.file.png", "Shortcut+S", window.files()::exportPng),
                item("menu.file.csv", "Shortcut+E", window.files()::exportCsv),
                item("menu.file.copy", "Shortcut+Shift+C", window.files()::copySnapshot),
                new SeparatorMenuItem(),
                item("menu.file.exportworkspace", null, window.files()::exportWorkspace),
                item("menu.file.importworkspace", null, window.files()::importWorkspace),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", window::quit));
    }

    private Menu view() {
        Menu layouts = menu("menu.view.layout");
        ToggleGroup group = new ToggleGroup();
        String[][] choices = {{"1", "Alt+1"}, {"2-side-by-side", "Alt+2"}, {"2-stacked", "Alt+3"}, {"4", "Alt+4"}};
        for (Layout layout : Layout.values()) {
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(i18n.bind("menu.view.layout." + layout.name()));
            item.setId("layout-" + layout.charts() + (layout == Layout.TWO_STACKED ? "v" : ""));
            item.setAccelerator(KeyCombination.keyCombination(choices[layout.ordinal()][1]));
            item.setToggleGroup(group);
            item.setSelected(workspace.layoutProperty().get() == layout);
            item.setOnAction(e -> workspace.layoutProperty().set(layout));
            workspace.layoutProperty().addListener((o, was, is) -> item.setSelected(is == layout));
            layouts.getItems().add(item);
        }
        MenuItem own = item("menu.view.ownwindow", null, () -> {
            ChartViewModel active = workspace.active();
            if (active != null) {
                window.openInOwnWindow(active);
            }
        });
        CheckMenuItem crosshair = check("menu.view.synccrosshair", workspace.syncCrosshairProperty());
        CheckMenuItem symbol = check("menu.view.syncsymbol", workspace.syncSymbolProperty());
        CheckMenuItem watchlist = check("menu.view.watchlist", workspace.watchlistOpenProperty());
        CheckMenuItem alertLog = check("menu.view.alertlog", workspace.alertLogOpenProperty());
        // No accelerator: Space and End go live when the chart has focus, and must stay free for text fields.
        MenuItem live = item("menu.view.golive", null, () -> onChart(CandleChart::goLive));
        MenuItem theme = item(
                "menu.view.theme",
                "Shortcut+T",
                () -> workspace.darkProperty().set(!workspace.darkProperty().get()));
        MenuItem stats = item("menu.view.stats", "F3", window::toggleStatsOverlay);
        MenuItem focusUrl = item(
                "menu.view.editurl", "Shortcut+L", () -> window.toolbar().url().requestFocus());
        return menu(
                "menu.view",
                layouts,
                own,
                crosshair,
                symbol,
                new SeparatorMenuItem(),
                watchlist,
                alertLog,
                new SeparatorMenuItem(),
                live,
                theme,
                zone(),
                language(),
                stats,
                focusUrl,
                new SeparatorMenuItem(),
                scale());
    }

    /** Time zone: UTC, this computer's, or any by name. */
    private Menu zone() {
        Menu menu = menu("menu.view.zone");
        ToggleGroup group = new ToggleGroup();
        for (String choice : List.of("UTC", "system")) {
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(i18n.bind("menu.view.zone." + choice));
            item.setToggleGroup(group);
            item.setSelected(workspace.zoneSetting().equalsIgnoreCase(choice));
            item.setOnAction(e -> workspace.zone(choice));
            menu.getItems().add(item);
        }
        MenuItem other = item("menu.view.zone.other", null, () -> {
            TextInputDialog ask = new TextInputDialog(workspace.zoneSetting());
            ask.setHeaderText(i18n.text("menu.view.zone.ask"));
            ask.initOwner(window.stage());
            ask.showAndWait().ifPresent(id -> {
                try {
                    workspace.zone(id);
                } catch (IllegalArgumentException e) {
                    workspace.status().message(i18n.text("menu.view.zone.bad", id));
                }
            });
        });
        menu.getItems().addAll(new SeparatorMenuItem(), other);
        return menu;
    }

    /** Language: the system's, English or Simplified Chinese. */
    private Menu language() {
        Menu menu = menu("menu.view.language");
        ToggleGroup group = new ToggleGroup();
        for (String choice : List.of("system", "en", "zh")) {
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(i18n.bind("menu.view.language." + choice));
            item.setToggleGroup(group);
            item.setSelected(workspace.languageSetting().equals(choice));
            item.setOnAction(e -> workspace.language(choice));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Price scale: linear, log (Alt+L) or percent (Alt+P), each key toggling back to linear; auto-fit (Alt+A). */
    private Menu scale() {
        Menu menu = menu("menu.view.scale");
        for (ScaleMode mode : ScaleMode.values()) {
            MenuItem item = new MenuItem();
            item.textProperty().bind(i18n.bind("menu.view.scale." + mode.id()));
            item.setId("scale-" + mode.id());
            item.setOnAction(e -> onChart(c -> c.setScaleMode(mode)));
            if (mode != ScaleMode.LINEAR) {
                item.setAccelerator(KeyCombination.keyCombination(mode == ScaleMode.LOG ? "Alt+L" : "Alt+P"));
                item.setOnAction(e -> onChart(c -> c.setScaleMode(c.getScaleMode() == mode ? ScaleMode.LINEAR : mode)));
            }
            menu.getItems().add(item);
        }
        MenuItem autoFit = item("menu.view.autofit", "Alt+A", () -> onChart(c -> c.setAutoFit(!c.isAutoFit())));
        menu.getItems().addAll(new SeparatorMenuItem(), autoFit);
        return menu;
    }

    /** The drawing tools with their keys, the magnet, undo and redo. */
    private Menu draw() {
        Menu menu = menu("menu.draw");
        for (DrawingTool tool : DrawingTools.ALL) {
            String[] look = DrawingBar.LOOKS.get(tool.id());
            MenuItem item = new MenuItem(tool.name());
            if (look != null) {
                item.setAccelerator(KeyCombination.keyCombination(look[1]));
            }
            item.setOnAction(e -> onChart(c -> {
                c.setDrawingTool(tool);
                c.requestFocus();
            }));
            menu.getItems().add(item);
        }
        MenuItem magnet = item("menu.draw.magnet", null, () -> onChart(c -> c.setMagnet(!c.isMagnet())));
        // Undo, redo and delete are the chart's own keys while it has the focus (Ctrl+Z, Ctrl+Shift+Z, Del):
        // accelerators here would take Ctrl+Z from the URL box too.
        MenuItem undo = item("menu.draw.undo", null, () -> onChart(CandleChart::undoDrawing));
        MenuItem redo = item("menu.draw.redo", null, () -> onChart(CandleChart::redoDrawing));
        menu.getItems().addAll(new SeparatorMenuItem(), magnet, undo, redo);
        return menu;
    }

    private Menu alerts() {
        MenuItem add = item("menu.alerts.new", "Shortcut+Shift+A", () -> {
            ChartViewModel active = workspace.active();
            ChartView view = active == null ? null : window.viewOf(active);
            if (view != null) {
                view.newAlert();
            }
        });
        MenuItem log = item(
                "menu.alerts.log", null, () -> workspace.alertLogOpenProperty().set(true));
        return menu("menu.alerts", add, log);
    }

    private void onChart(Consumer<CandleChart> action) {
        CandleChart chart = window.activeChart();
        if (chart != null) {
            action.accept(chart);
        }
    }

    private Menu menu(String key, MenuItem... items) {
        Menu menu = new Menu();
        menu.textProperty().bind(i18n.bind(key));
        menu.getItems().addAll(items);
        return menu;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(i18n.bind(key));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private CheckMenuItem check(String key, javafx.beans.property.BooleanProperty property) {
        CheckMenuItem item = new CheckMenuItem();
        item.textProperty().bind(i18n.bind(key));
        item.selectedProperty().bindBidirectional(property);
        return item;
    }
}
