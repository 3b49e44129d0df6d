package com.klinelive.chart;

import com.klinelive.chart.indicator.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;

/**
 * One study's row in a legend: its name, its values at the legend's candle in the colours they are drawn in, and
 * buttons to edit and remove it. Only the buttons take the mouse; the rest lets the pointer through to the chart.
 */
final class StudyLegend extends HBox {

    private final Text name = new Text();
    private final HBox values = new HBox(8);
    private final Button edit = new Button("\u2699");
    private final Button remove = new Button("\u2715");
    private final Tooltip editTip = new Tooltip();
    private final Tooltip removeTip = new Tooltip();
    /** Text nodes rather than labels: a dozen of them change every trade, and a Text lays out far more cheaply. */
    private final List<Text> valueLabels = new ArrayList<>();

    private Study study;
    private ChartMessages messages;

    /**
     * @param messages the texts of the chart's language
     * @param onEdit   called with the study when its settings button is pressed
     * @param onRemove called with the study when its remove button is pressed
     */
    StudyLegend(ChartMessages messages, Consumer<Study> onEdit, Consumer<Study> onRemove) {
        super(8);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add(ChartStyles.STUDY_LEGEND);
        name.getStyleClass().add("study-name");
        name.setMouseTransparent(true);
        values.setMouseTransparent(true);
        edit.getStyleClass().add(ChartStyles.STUDY_EDIT);
        remove.getStyleClass().add(ChartStyles.STUDY_REMOVE);
        edit.setTooltip(editTip);
        remove.setTooltip(removeTip);
        language(messages);
        edit.setFocusTraversable(false);
        remove.setFocusTraversable(false);
        edit.setOnAction(e -> onEdit.accept(study));
        remove.setOnAction(e -> onRemove.accept(study));
        setPickOnBounds(false);
        getChildren().addAll(name, values, edit, remove);
    }

    Study study() {
        return study;
    }

    /** Speaks the language of {@code language}: the tooltips now, the study's name at the next {@link #show}. */
    void language(ChartMessages language) {
        messages = language;
        editTip.setText(language.get("study.settings"));
        removeTip.setText(language.get("study.remove"));
    }

    /** Shows {@code study} with these value texts, each in its colour. */
    void show(Study shown, List<String> texts, List<Paint> colours) {
        study = shown;
        String label = messages.studyLabel(shown);
        if (!label.equals(name.getText())) {
            name.setText(label);
        }
        while (valueLabels.size() > texts.size()) {
            values.getChildren().remove(valueLabels.remove(valueLabels.size() - 1));
        }
        while (valueLabels.size() < texts.size()) {
            Text value = new Text();
            value.getStyleClass().add("study-value");
            valueLabels.add(value);
            values.getChildren().add(value);
        }
        for (int i = 0; i < texts.size(); i++) {
            Text value = valueLabels.get(i);
            if (!texts.get(i).equals(value.getText())) {
                value.setText(texts.get(i));
            }
            if (!colours.get(i).equals(value.getFill())) {
                value.setFill(colours.get(i));
            }
        }
    }

    /** The text shown for each output, for tests and tools. */
    List<String> valueTexts() {
        return valueLabels.stream().map(Text::getText).toList();
    }

    @Override
    protected void layoutChildren() {
        // Unmanaged: takes its preferred size whenever it lays out, so a longer value is never cut.
        resize(prefWidth(-1), prefHeight(-1));
        super.layoutChildren();
    }
}
