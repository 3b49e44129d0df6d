package com.klinelive.chart;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Moves the chart's unmanaged nodes from a frame, outside the layout pass, by their translation rather than their
 * layout position. JavaFX answers a new layout x or y of an unmanaged child, outside its parent's layout, by
 * asking the parent's parent for a layout pass: a last price label that follows the price made the whole window
 * lay out again (toolbar, menus, status bar, the chart's own layout) at every trade. A translation only moves the
 * node. A node placed here is never relocated by a layout pass, so the two never add up.
 */
final class Placement {

    private Placement() {}

    /** Puts {@code node}'s layout bounds' top left corner at (x, y) of its parent. */
    static void moveTo(Node node, double x, double y) {
        node.setTranslateX(x - node.getLayoutX() - node.getLayoutBounds().getMinX());
        node.setTranslateY(y - node.getLayoutY() - node.getLayoutBounds().getMinY());
    }

    /** Sizes {@code region} and puts its top left corner at (x, y) of its parent. */
    static void box(Region region, double x, double y, double width, double height) {
        region.resize(width, height);
        moveTo(region, x, y);
    }
}
