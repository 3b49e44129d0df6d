package com.klinelive.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Whether a node can be seen: it is in a scene whose window is showing and not iconified (minimised), and it and
 * every ancestor are visible (a tab pane hides the content of the tabs not selected that way). Follows the scene,
 * the window and the chain of parents as they change, and calls back whenever any of them changes (the window's
 * render scale too), so the owner can stop drawing what nobody sees. FX thread only.
 */
final class ChartShowing {

    private final Node node;
    private final Runnable onChange;
    private final InvalidationListener changed = o -> update();
    private final List<Observable> observed = new ArrayList<>();
    private boolean showing;
    private double renderScale = 1;

    /** Follows {@code node}; {@code onChange} runs after every change of where it is shown. */
    ChartShowing(Node node, Runnable onChange) {
        this.node = node;
        this.onChange = onChange;
        attach();
    }

    /** Whether the node can be seen, as of the last change. */
    boolean isShowing() {
        return showing;
    }

    /** Device pixels per logical pixel of the node's window; 1 without one. */
    double renderScale() {
        return renderScale;
    }

    /** Stops following the node. */
    void dispose() {
        detach();
    }

    private void update() {
        detach();
        attach();
        onChange.run();
    }

    private void attach() {
        boolean visible = true;
        listen(node.sceneProperty());
        for (Node at = node; at != null; at = at.getParent()) {
            listen(at.visibleProperty());
            listen(at.parentProperty());
            visible &= at.isVisible();
        }
        showing = false;
        renderScale = 1;
        Scene scene = node.getScene();
        if (scene == null) {
            return;
        }
        listen(scene.windowProperty());
        Window window = scene.getWindow();
        if (window == null) {
            return;
        }
        listen(window.showingProperty());
        listen(window.renderScaleXProperty());
        renderScale = window.getRenderScaleX();
        boolean iconified = false;
        if (window instanceof Stage stage) {
            listen(stage.iconifiedProperty());
            iconified = stage.isIconified();
        }
        showing = visible && window.isShowing() && !iconified;
    }

    private void listen(Observable o) {
        o.addListener(changed);
        observed.add(o);
    }

    private void detach() {
        for (Observable o : observed) {
            o.removeListener(changed);
        }
        observed.clear();
    }
}
