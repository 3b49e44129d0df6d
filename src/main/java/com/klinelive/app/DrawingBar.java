package com.klinelive.app;

import com.klinelive.chart.CandleChart;
import com.klinelive.chart.ChartMessages;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The strip of drawing tools left of the charts, as traders know it: one button per tool (its key in the
 * tooltip), and the magnet. It acts on the active chart; the buttons follow that chart's tool in hand, so Esc or
 * placing a drawing releases them.
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
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton magnet = new ToggleButton("\u222a");
    private final ChangeListener<DrawingTool> toolFollows = (o, was, is) -> showTool(is);
    private CandleChart chart;

    DrawingBar(I18n i18n) {
        bar.getStyleClass().add("drawing-bar");
        for (DrawingTool tool : DrawingTools.ALL) {
            String[] look =
                    LOOKS.getOrDefault(tool.id(), new String[] {tool.name().substring(0, 1), ""});
            ToggleButton button = new ToggleButton(look[0]);
            button.setId("draw-" + tool.id());
            button.setToggleGroup(group);
            button.setFocusTraversable(false);
            Tooltip toolTip = new Tooltip();
            toolTip.textProperty()
                    .bind(javafx.beans.binding.Bindings.createStringBinding(
                            () -> ChartMessages.of(i18n.locale()).drawingToolName(tool)
                                    + (look[1].isEmpty() ? "" : " (" + look[1] + ")"),
                            i18n.localeProperty()));
            button.setTooltip(toolTip);
            button.setOnAction(e -> {
                if (chart != null) {
                    chart.setDrawingTool(button.isSelected() ? tool : null);
                }
            });
            bar.getChildren().add(button);
        }
        magnet.setId("draw-magnet");
        magnet.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("draw.magnet.tip"));
        magnet.setTooltip(tip);
        bar.getChildren().addAll(new Separator(Orientation.HORIZONTAL), magnet);
    }

    /** Acts on {@code next} from now on (the active chart changed). */
    void show(CandleChart next) {
        if (chart != null) {
            chart.drawingToolProperty().removeListener(toolFollows);
            magnet.selectedProperty().unbindBidirectional(chart.magnetProperty());
        }
        chart = next;
        if (next != null) {
            next.drawingToolProperty().addListener(toolFollows);
            magnet.setSelected(next.isMagnet());
            magnet.selectedProperty().bindBidirectional(next.magnetProperty());
            showTool(next.getDrawingTool());
        }
    }

    private void showTool(DrawingTool tool) {
        for (var toggle : group.getToggles()) {
            ToggleButton button = (ToggleButton) toggle;
            button.setSelected(tool != null && button.getId().equals("draw-" + tool.id()));
        }
    }

    Node node() {
        return bar;
    }
}
