package com.klinelive.app;

import com.klinelive.workspace.WindowSpec;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A chart in a window of its own, beside the main window: its own feed, symbol and settings; the main window's
 * toolbar and menus act on it while it is the active chart. Closing it closes the chart.
 */
final class ChartWindow {

    private final ChartViewModel model;
    private final ChartView view;
    private final Stage stage = new Stage();
    private final Runnable onClosed;
    private boolean closed;

    ChartWindow(ChartViewModel model, WorkspaceViewModel workspace, ChartView view, Theme theme, Runnable onClosed) {
        this.model = model;
        this.view = view;
        this.onClosed = onClosed;
        WindowSpec bounds = model.detached() == null ? WindowSpec.DEFAULT : model.detached();
        Scene scene = new Scene(view, bounds.width(), bounds.height());
        stage.setScene(scene);
        theme.applyTo(scene);
        if (bounds.placed()) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        Icons.apply(stage);
        stage.titleProperty().bind(model.symbolProperty().concat(" · KLine Live"));
        stage.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                workspace.activeProperty().set(model);
            }
        });
        // Where it is, for the workspace file.
        stage.xProperty().addListener(o -> remember());
        stage.yProperty().addListener(o -> remember());
        stage.widthProperty().addListener(o -> remember());
        stage.heightProperty().addListener(o -> remember());
        stage.setOnHidden(e -> closed());
        stage.show();
    }

    ChartViewModel model() {
        return model;
    }

    ChartView view() {
        return view;
    }

    Stage stage() {
        return stage;
    }

    /** Closes the window (the app quits: the chart stays in the workspace). */
    void close() {
        closed = true;
        stage.close();
        view.dispose();
    }

    private void remember() {
        if (!closed) {
            model.detached(WindowSpec.at(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        }
    }

    private void closed() {
        if (!closed) {
            closed = true;
            view.dispose();
            onClosed.run();
        } else {
            onClosed.run();
        }
    }
}
