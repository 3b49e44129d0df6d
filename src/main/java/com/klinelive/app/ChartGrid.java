package com.klinelive.app;

import com.klinelive.workspace.Layout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The main window's charts, as the layout places them: one, two side by side, two stacked, or four. A chart keeps
 * its view when the layout changes around it (its zoom and pan stay).
 */
final class ChartGrid extends GridPane {

    private final WorkspaceViewModel workspace;
    private final Function<ChartViewModel, ChartView> make;
    private final Map<ChartViewModel, ChartView> views = new HashMap<>();

    ChartGrid(WorkspaceViewModel workspace, Function<ChartViewModel, ChartView> make) {
        this.workspace = workspace;
        this.make = make;
        getStyleClass().add("chart-grid");
        setHgap(2);
        setVgap(2);
        workspace.layoutProperty().addListener((o, was, is) -> arrange());
        workspace.charts().addListener((ListChangeListener<ChartViewModel>) c -> arrange());
        arrange();
    }

    /** The view of {@code chart}, if it is in the grid. */
    ChartView viewOf(ChartViewModel chart) {
        return views.get(chart);
    }

    /** The views in the grid, in layout order. */
    List<ChartView> shown() {
        return getChildren().stream().map(n -> (ChartView) n).toList();
    }

    private void arrange() {
        Layout layout = workspace.layoutProperty().get();
        List<ChartViewModel> charts = workspace.charts();
        int count = Math.min(layout.charts(), charts.size());
        views.entrySet().removeIf(e -> {
            boolean gone = !charts.contains(e.getKey());
            if (gone) {
                e.getValue().dispose();
            }
            return gone;
        });
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int columns = layout == Layout.TWO_STACKED || layout == Layout.ONE ? 1 : 2;
        int rows = layout == Layout.TWO_SIDE_BY_SIDE || layout == Layout.ONE ? 1 : 2;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < count; i++) {
            ChartView view = views.computeIfAbsent(charts.get(i), make);
            add(view, i % columns, i / columns);
        }
    }
}
