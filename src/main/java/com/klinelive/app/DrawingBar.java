package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The strip of drawing tools left of the chart, as traders know it: one button per tool (its key in the tooltip),
 * and the magnet. The buttons follow the chart's tool in hand, so Esc or placing a drawing releases them.
 */
final class DrawingBar {

    /** A short glyph and the key of each tool, by id. */
    static final Map<String, String[]> LOOKS = Map.of(
            "horizontal", new String[] {"\u2500", "Alt+H"},
            "trend", new String[] {"\u2571", "Alt+T"},
            "ray", new String[] {"\u2197", "Alt+R"},
            "rectangle", new String[] {"\u25ad", "Alt+G"},
            "fib", new String[] {"F", "Alt+F"},
            "note", new String[] {"T", "Alt+N"});

    private final VBox bar = new VBox(2);

    DrawingBar(CandleChart chart) {
        bar.getStyleClass().add("drawing-bar");
        ToggleGroup group = new ToggleGroup();
        for (DrawingTool tool : DrawingTools.ALL) {
            String[] look =
                    LOOKS.getOrDefault(tool.id(), new String[] {tool.name().substring(0, 1), ""});
            ToggleButton button = new ToggleButton(look[0]);
            button.setId("draw-" + tool.id());
            button.setToggleGroup(group);
            button.setFocusTraversable(false);
            button.setTooltip(new Tooltip(tool.name() + (look[1].isEmpty() ? "" : " (" + look[1] + ")")));
            button.setOnAction(e -> chart.setDrawingTool(button.isSelected() ? tool : null));
            bar.getChildren().add(button);
        }
        chart.drawingToolProperty().addListener((o, was, is) -> {
            for (var toggle : group.getToggles()) {
                ToggleButton button = (ToggleButton) toggle;
                button.setSelected(is != null && button.getId().equals("draw-" + is.id()));
            }
        });
        ToggleButton magnet = new ToggleButton("\u222a");
        magnet.setId("draw-magnet");
        magnet.setFocusTraversable(false);
        magnet.setTooltip(new Tooltip("Magnet: points snap to the open, high, low or close"));
        magnet.selectedProperty().bindBidirectional(chart.magnetProperty());
        bar.getChildren().addAll(new Separator(Orientation.HORIZONTAL), magnet);
    }

    Node node() {
        return bar;
    }
}
