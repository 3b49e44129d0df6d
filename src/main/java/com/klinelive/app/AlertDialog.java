package com.klinelive.app;

import com.klinelive.alert.AlertCondition;
import com.klinelive.chart.scale.PriceFormat;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Asks for a price alert: the condition, the level, once or every time. */
final class AlertDialog extends Dialog<AlertDialog.Answer> {

    /** What the user chose. */
    record Answer(double level, AlertCondition condition, boolean repeat) {}

    final TextField level = new TextField();
    final ChoiceBox<AlertCondition> condition = new ChoiceBox<>();
    final CheckBox repeat = new CheckBox();

    AlertDialog(I18n i18n, String symbol, double suggestedLevel) {
        setTitle(i18n.text("alerts.dialog.title", symbol));
        level.setId("alert-level");
        level.setText(
                Double.isFinite(suggestedLevel)
                        ? PriceFormat.price(suggestedLevel, PriceFormat.decimalsFor(suggestedLevel))
                        : "");
        condition.getItems().setAll(AlertCondition.values());
        condition.setValue(AlertCondition.CROSSES_UP);
        condition.setConverter(new StringConverter<>() {
            @Override
            public String toString(AlertCondition c) {
                return c == null
                        ? ""
                        : i18n.text("alerts.condition." + c.name(), "").trim();
            }

            @Override
            public AlertCondition fromString(String s) {
                return null;
            }
        });
        repeat.setText(i18n.text("alerts.dialog.repeat"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(i18n.text("alerts.dialog.when")), condition);
        grid.addRow(1, new Label(i18n.text("alerts.dialog.level")), level);
        grid.add(repeat, 1, 2);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> parse(level.getText()).isEmpty(), level.textProperty()));
        setResultConverter(button -> button == ButtonType.OK
                ? parse(level.getText())
                        .map(l -> new Answer(l, condition.getValue(), repeat.isSelected()))
                        .orElse(null)
                : null);
    }

    /** A price the user typed: a positive finite number (commas as thousands separators allowed). */
    static Optional<Double> parse(String text) {
        try {
            double value = Double.parseDouble(text.trim().replace(",", ""));
            return Double.isFinite(value) && value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
