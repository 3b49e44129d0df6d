package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;

/**
 * Crosshair sync across the workspace: while it is on, the time under the pointer in one chart is shown in every
 * other chart as a vertical line with its time label. FX thread.
 */
final class CrosshairSync {

    private final WorkspaceViewModel workspace;
    private final Map<CandleChart, ChangeListener<Number>> followed = new IdentityHashMap<>();

    CrosshairSync(WorkspaceViewModel workspace, Function<ChartViewModel, ChartView> views) {
        this.workspace = workspace;
        workspace.syncCrosshairProperty().addListener((o, was, is) -> {
            if (!is) {
                followed.keySet().forEach(c -> c.setLinkedTime(CandleChart.NO_TIME));
            }
        });
    }

    /** Follows {@code chart}'s pointer and shows the others' in it. */
    void attach(CandleChart chart) {
        ChangeListener<Number> listener = (o, was, is) -> pointerMoved(chart, is.longValue());
        chart.pointerTimeProperty().addListener(listener);
        followed.put(chart, listener);
    }

    void detach(CandleChart chart) {
        ChangeListener<Number> listener = followed.remove(chart);
        if (listener != null) {
            chart.pointerTimeProperty().removeListener(listener);
            chart.setLinkedTime(CandleChart.NO_TIME);
        }
    }

    private void pointerMoved(CandleChart origin, long time) {
        if (!workspace.syncCrosshairProperty().get()) {
            return;
        }
        for (CandleChart other : new ArrayList<>(followed.keySet())) {
            if (other != origin) {
                other.setLinkedTime(time);
            }
        }
    }

    /** The charts followed (tests). */
    List<CandleChart> charts() {
        return List.copyOf(followed.keySet());
    }

    void dispose() {
        new ArrayList<>(followed.keySet()).forEach(this::detach);
    }
}
