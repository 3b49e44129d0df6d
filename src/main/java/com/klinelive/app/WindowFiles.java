package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import com.klinelive.model.Candle;
import com.klinelive.workspace.WindowSpec;
import com.klinelive.workspace.Workspace;
import com.klinelive.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's files: PNG and CSV exports of the active chart, the clipboard, workspace export and import,
 * and the save dialogs they ask with. The writing runs on {@code background}; its outcome goes to the status bar.
 * FX thread.
 */
final class WindowFiles {

    private static final Logger LOG = LoggerFactory.getLogger(WindowFiles.class);

    private final Stage stage;
    private final WorkspaceViewModel workspace;
    private final WorkspaceStore store;
    private final Executor background;
    private final Supplier<CandleChart> activeChart;
    private final Supplier<WindowSpec> bounds;

    WindowFiles(
            Stage stage,
            WorkspaceViewModel workspace,
            WorkspaceStore store,
            Executor background,
            Supplier<CandleChart> activeChart,
            Supplier<WindowSpec> bounds) {
        this.stage = stage;
        this.workspace = workspace;
        this.store = store;
        this.background = background;
        this.activeChart = activeChart;
        this.bounds = bounds;
    }

    void exportPng() {
        CandleChart chart = activeChart.get();
        Path file = choose("export.png.title", "chart.png", "PNG", "*.png");
        if (file != null && chart != null) {
            javafx.scene.image.WritableImage image = Exports.snapshot(chart);
            runInBackground(
                    workspace.i18n().text("export.done", file.getFileName()), () -> Exports.writePng(image, file));
        }
    }

    void exportCsv() {
        CandleChart chart = activeChart.get();
        ChartViewModel active = workspace.active();
        if (chart == null || chart.getBook() == null) {
            workspace.status().message(workspace.i18n().text("export.nothing"));
            return;
        }
        // The symbol comes from the feed: keep only characters that are safe in any file name.
        String name = active.symbolProperty().get().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + chart.getTimeframe().label() + ".csv";
        Path file = choose("export.csv.title", name, "CSV", "*.csv");
        if (file != null) {
            List<Candle> candles = chart.getBook().candles(chart.getTimeframe(), Integer.MAX_VALUE);
            java.time.ZoneId zone = chart.getZone();
            runInBackground(
                    workspace.i18n().text("export.candles", candles.size()),
                    () -> Exports.writeCsv(candles, file, zone));
        }
    }

    void copySnapshot() {
        CandleChart chart = activeChart.get();
        if (chart != null) {
            Exports.copy(Exports.snapshot(chart));
            workspace.status().message(workspace.i18n().text("export.copied"));
        }
    }

    /** File, Export workspace: the whole workspace to a file the user picks. */
    void exportWorkspace() {
        Path file = choose("workspace.export.title", "workspace.json", "JSON", "*.json");
        if (file != null) {
            Workspace snapshot = workspace.toWorkspace(bounds.get());
            runInBackground(
                    workspace.i18n().text("export.done", file.getFileName()), () -> store.exportTo(snapshot, file));
        }
    }

    /** File, Import workspace: replaces the open workspace with one from a file. */
    void importWorkspace() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(workspace.i18n().text("workspace.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        java.io.File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        try {
            Workspace imported = store.importFrom(file.toPath());
            workspace.restore(imported);
            workspace.status().message(workspace.i18n().text("workspace.imported", file.getName()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            workspace.status().message(workspace.i18n().text("workspace.import.failed", e.getMessage()));
        }
    }

    /** Writes a PNG of the whole window, without a dialog (automation). FX thread. */
    void exportPngTo(Path file) throws java.io.IOException {
        Exports.writePng(Exports.snapshot(stage.getScene().getRoot()), file);
    }

    /** Writes the active chart's candles as CSV, without a dialog; false when nothing is shown yet. */
    boolean exportCsvTo(Path file) throws java.io.IOException {
        CandleChart chart = activeChart.get();
        if (chart == null || chart.getBook() == null) {
            return false;
        }
        Exports.writeCsv(chart.getBook().candles(chart.getTimeframe(), Integer.MAX_VALUE), file, chart.getZone());
        return true;
    }

    /** A save dialog for {@code name}; null when the user cancels. */
    Path choose(String titleKey, String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(workspace.i18n().text(titleKey));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        java.io.File file = chooser.showSaveDialog(stage);
        return file == null ? null : file.toPath();
    }

    private void runInBackground(String done, IoAction action) {
        background.execute(() -> {
            String text;
            try {
                action.run();
                text = done;
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("export failed", e);
                text = workspace.i18n().text("export.failed", e.getMessage());
            }
            String message = text;
            Platform.runLater(() -> workspace.status().message(message));
        });
    }

    private interface IoAction {
        void run() throws java.io.IOException;
    }
}
